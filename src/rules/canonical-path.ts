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
  const s = urlOrPath.trim().replace(SCHEME_HOST, '');
  const cut = s.search(/[?#]/);
  return cut >= 0 ? s.slice(0, cut) : s;
}

export function canonicalPath(urlOrPath: string, localePrefixes: ReadonlySet<string>): string {
  const decoded = safeDecode(pathOf(urlOrPath));
  // NFKC folds full-width look-alikes; plain ASCII needs none of it.
  let p = (NON_ASCII.test(decoded) ? decoded.normalize('NFKC') : decoded).toLowerCase().replace(/\\/g, '/');
  // Decoding may reveal a query or fragment that was encoded.
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  const out: string[] = [];
  for (const rawSeg of p.split('/')) {
    const seg = rawSeg.split(';')[0].trim();
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { out.pop(); continue; }
    out.push(seg);
  }
  while (out.length && localePrefixes.has(out[0])) out.shift();
  if (out.length) out[out.length - 1] = out[out.length - 1].replace(EXTENSION, '');
  if (out.length && (out[out.length - 1] === 'index' || out[out.length - 1] === '')) out.pop();
  return '/' + out.join('/');
}
