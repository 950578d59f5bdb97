import { defineDetector } from './define.js';
import { isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';
import { EARER, codeAt } from './marker-bits.js';

// Header `eyJ` (base64url of `{"`), then payload and signature; bounds keep a pathological
// non-token run from being rescanned per position. An unsigned token (`alg: none`, an empty
// signature after its dot) or one with a short signature still carries its payload: when the
// payload is JSON too (`eyJ`) of 20+ characters (15 bytes: room for an email or a name; `{"sub":1}`
// is not), any signature, or none, makes it a token.
const JWT_RE =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{7,8192}\.(?:[A-Za-z0-9_-]{10,65536}\.[A-Za-z0-9_-]{10,65536}|eyJ[A-Za-z0-9_-]{17,65536}(?:\.[A-Za-z0-9_-]{0,65536})?)/g;

function scanJwt(text: string, out: Detection[], kind: string): void {
  if (text.length < 35 || text.indexOf('eyJ') < 0) return;
  const re = resetAt(JWT_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** JSON Web Tokens (R): they carry subject ids and often emails in the payload. */
export const jwtDetector = defineDetector('jwt', '[TOKEN]', 'R', scanJwt);

// `Bearer <token>` (group 1), or a credential-like key followed by `=` / `%3D` (group 2).
// Token-ish keys may carry a prefix (`oauth_token`, `csrf_token`, `x_api_key`); the generic
// `code` / `auth` must stand alone so `zip_code=02115` or `country_code=US` are left to others.
const BEARER_RE =
  /(?<![A-Za-z])bearer\s{1,4}([A-Za-z0-9._~+/-]{8,8192}=*)|(?<![A-Za-z0-9_])(?:(?:[A-Za-z0-9]{1,20}_)?(?:access_token|id_token|refresh_token|token|session_?id|jsessionid|phpsessid|sid|api_?key)|code|auth)(?:=|%3D)([^&#\s"'<>;,]{1,8192})/gi;

// An `Authorization:` header's credentials (`Basic base64(user:password)`, whose user part is often an
// email). Its own pattern, run only on text that names the header (most texts with `=` do not).
const AUTHORIZATION_RE = /authorization[:=]\s{0,4}(?:basic|digest|negotiate|token)\s{1,4}([A-Za-z0-9._~+/-]{8,8192}=*)/gi;
const NOT_SECRETS = new Set(['true', 'false', 'null', 'none', 'undefined', 'yes', 'no', 'on', 'off']);

/** "Bearer of bad news" is prose; real bearer tokens have a digit or punctuation, or are long. */
function looksLikeBearerToken(token: string): boolean {
  if (token.length >= 20) return true;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c) || c === 46 || c === 95 || c === 45 || c === 126 || c === 43 || c === 47) return true;
  }
  return false;
}

function scanCredentials(text: string, out: Detection[], kind: string): void {
  const re = resetAt(AUTHORIZATION_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (looksLikeBearerToken(m[1])) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
}

function scanBearer(text: string, out: Detection[], kind: string): void {
  if (text.length < 6) return;
  // Every branch needs `=`, `%3D` or the word bearer; most strings have none of them.
  const auth = text.indexOf('uthorization') >= 0 || text.indexOf('UTHORIZATION') >= 0;
  if (text.indexOf('=') < 0 && text.indexOf('%3') < 0 && text.indexOf('earer') < 0 && text.indexOf('EARER') < 0 && !auth) return;
  if (auth) scanCredentials(text, out, kind);
  const re = resetAt(BEARER_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const value = m[1] ?? m[2];
    const end = m.index + m[0].length;
    if (m[1] !== undefined ? !looksLikeBearerToken(value) : value.length < 4 || NOT_SECRETS.has(value.toLowerCase())) {
      continue;
    }
    out.push({ start: end - value.length, end, kind });
  }
}

/**
 * Bearer tokens and credential/session parameters (R): `Bearer x`, `access_token=`, `sid=`,
 * `api_key=`, `code=`... Only the value is covered, so `?code=[TOKEN]&state=1` keeps its shape.
 */
export const bearerDetector = defineDetector('bearer', '[TOKEN]', 'R', scanBearer);

/** EARER (the bearer gate's marker) at the colon of an `Authorization:` header (its `Basic` credentials; tokens.ts). */
export const authorizationAt = (text: string, i: number): number =>
  (codeAt(text, i - 1) | 0x20) === 110 && i >= 13 && AUTHORIZATION_END.test(text.slice(i - 13, i + 1)) ? EARER : 0;
const AUTHORIZATION_END = /^authorization:$/i;
