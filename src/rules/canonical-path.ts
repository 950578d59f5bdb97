// Canonical form of a URL path for blocked-path matching. Evasions this undoes: repeated
// percent-encoding, case, `//`, dot segments, `;jsessionid=` params, backslashes, full-width
// characters, locale prefixes, trailing slashes and file extensions.

const SCHEME_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const NON_ASCII = /[^\x00-\x7f]/;
const EXTENSION = /\.(html?|php|aspx?|jsp|cfm)$/;

export function safeDecode(s: string): string {
  let prev = s;
  for (let i = 0; i < 6; i++) {
    if (prev.indexOf('%') < 0) return prev;
    let next: string;
    try {
      next = decodeURIComponent(prev);
    } catch {
      next = prev.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

/** Extracts the path part of a URL or path string (no query, no fragment). */
export function pathOf(urlOrPath: string): string {
  // A leading `//` stays: in a path field it is an evasion (`//patient-portal`), and callers that
  // need the protocol-relative reading check that form too (see analyze).
  const t = urlOrPath.trim();
  const s = t.indexOf('://') > 0 ? t.replace(SCHEME_HOST, '') : t;
  const cut = firstOf(s, 63 /* ? */, 35 /* # */);
  return cut >= 0 ? s.slice(0, cut) : s;
}

/** Index of the first `a` or `b` in `s`, or -1 (what `s.search(/[ab]/)` answers, without a regex). */
function firstOf(s: string, a: number, b: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === a || c === b) return i;
  }
  return -1;
}

// Characters after which canonicalPath has nothing to fold, decode or resolve: ASCII letters,
// digits and URL punctuation except `.` `;` `?` `#` `\` and whitespace.
const PLAIN = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~!$&\'()*+,=:@%') PLAIN[c.charCodeAt(0)] = 1;

/** canonicalPath for a decoded path of PLAIN characters and `/` only, else undefined. */
function plainCanonical(decoded: string, localePrefixes: ReadonlySet<string>): string | undefined {
  const p = decoded.toLowerCase();
  const out: string[] = [];
  let start = -1;
  // Checked on the decoded text: a non-ASCII character must take the NFKC path even when its
  // lower case is ASCII (the Kelvin sign). All ASCII, `p` has the same offsets.
  for (let i = 0; i <= decoded.length; i++) {
    const c = i < decoded.length ? decoded.charCodeAt(i) : 47;
    if (c === 47) {
      if (start >= 0) { out.push(p.slice(start, i)); start = -1; }
    } else if (c >= 128 || PLAIN[c] === 0) {
      return undefined;
    } else if (start < 0) {
      start = i;
    }
  }
  let first = 0;
  while (first < out.length && localePrefixes.has(out[first])) first++;
  if (first > 0) out.splice(0, first);
  if (out.length && out[out.length - 1] === 'index') out.pop();
  return '/' + out.join('/');
}

export function canonicalPath(urlOrPath: string, localePrefixes: ReadonlySet<string>): string {
  const decoded = safeDecode(pathOf(urlOrPath));
  const plain = plainCanonical(decoded, localePrefixes);
  if (plain !== undefined) return plain;
  // NFKC folds full-width look-alikes; plain ASCII needs none of it.
  let p = (NON_ASCII.test(decoded) ? decoded.normalize('NFKC') : decoded).toLowerCase();
  if (p.indexOf('\\') >= 0) p = p.replace(/\\/g, '/');
  // Decoding may reveal a query or fragment that was encoded.
  const cut = firstOf(p, 63, 35);
  if (cut >= 0) p = p.slice(0, cut);
  const out: string[] = [];
  let from = 0;
  while (from <= p.length) {
    let to = p.indexOf('/', from);
    if (to < 0) to = p.length;
    const raw = p.slice(from, to);
    const semi = raw.indexOf(';');
    const seg = (semi >= 0 ? raw.slice(0, semi) : raw).trim();
    from = to + 1;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { out.pop(); continue; }
    out.push(seg);
  }
  let first = 0;
  while (first < out.length && localePrefixes.has(out[first])) first++;
  if (first > 0) out.splice(0, first);
  if (out.length) {
    const last = out[out.length - 1];
    if (last.indexOf('.') >= 0) out[out.length - 1] = last.replace(EXTENSION, '');
  }
  if (out.length && (out[out.length - 1] === 'index' || out[out.length - 1] === '')) out.pop();
  return '/' + out.join('/');
}
