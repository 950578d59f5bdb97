// An IAB TCF v2 consent string (`CQGxBYAQGxBYAAKA1AENBLFs…`, the `gdpr_consent`/`euconsent-v2` value a consent banner
// sends, also a section of a GPP string after `~`) records which vendors a visitor allowed, not who the visitor is:
// its header is a version of 2 in the first 6 bits, then the created and updated times in deciseconds, 36 bits each.
// Both times between 2018 (TCF v2) and 2040 and the version 2 leave about one random base64url token in 10,000.
const B64URL = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => { B64URL[c.charCodeAt(0)] = i; });
const FROM = Date.UTC(2018, 0, 1) / 100;
const TO = Date.UTC(2040, 0, 1) / 100;

/** The number in `bits` bits from bit `at` of the base64url text (at most 36 bits: kept below 2^53). */
function bitsAt(text: string, at: number, bits: number): number {
  let v = 0;
  for (let b = at; b < at + bits; b++) {
    const sextet = B64URL[text.charCodeAt(b / 6 | 0) & 127];
    v = v * 2 + ((sextet >> (5 - (b % 6))) & 1);
  }
  return v;
}

/** Whether `token` opens with a TCF v2 core string's header (see above). */
export function tcfConsent(token: string): boolean {
  if (token.length < 20 || token.charCodeAt(0) !== 67) return false;
  for (let i = 0; i < 13; i++) if (token.charCodeAt(i) > 127 || B64URL[token.charCodeAt(i)] < 0) return false;
  if (bitsAt(token, 0, 6) !== 2) return false;
  const created = bitsAt(token, 6, 36);
  const updated = bitsAt(token, 42, 36);
  return created >= FROM && created < TO && updated >= FROM && updated < TO;
}
