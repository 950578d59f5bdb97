// Ids a library generates for requests and events, which carry their own creation time: a ULID
// (26 Crockford base32 characters, the first ten a millisecond clock) and a KSUID (27 base62
// characters, the first four bytes seconds since 2014-05-13). A person's member id or account
// code rarely decodes to a creation time between 2016 (the ULID spec; KSUID came in 2017) and next
// year (about 1 in 800 random ULID-shaped tokens does), so these stay out of code_like.
const CROCKFORD = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$|^[0-7][0-9a-hjkmnp-tv-z]{25}$/;
const CROCKFORD_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = /^[0-9A-Za-z]{27}$/;
const BASE62_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH = 1_400_000_000;
const SINCE_MS = Date.UTC(2016, 0, 1);
const YEAR_MS = 365.25 * 86_400_000;

/** Whether a creation time (ms) is from 2016 to a year from now. */
function recent(ms: number): boolean {
  return ms >= SINCE_MS && ms <= Date.now() + YEAR_MS;
}

function ulidTime(token: string): number {
  let ms = 0;
  for (let i = 0; i < 10; i++) ms = ms * 32 + CROCKFORD_DIGITS.indexOf(token[i].toUpperCase());
  return ms;
}

function ksuidTime(token: string): number {
  let n = 0n;
  for (let i = 0; i < token.length; i++) n = n * 62n + BigInt(BASE62_DIGITS.indexOf(token[i]));
  return (Number(n >> 128n) + KSUID_EPOCH) * 1000;
}

/** Whether a 26- or 27-character token is a ULID or a KSUID made since 2016. */
export function generatedId(token: string): boolean {
  if (token.length === 26) return CROCKFORD.test(token) && recent(ulidTime(token));
  return token.length === 27 && BASE62.test(token) && recent(ksuidTime(token));
}
