import { safeDecode } from '../canonical-path.js';
import { undoUrlEscapes } from '../form-decoded.js';
import { parseUrl, plainBaseText, queryParts, type UrlCache } from '../url-parts.js';
import { referrerOrigin } from './referrer-origin.js';
import { ASSET_IMAGE, assetIdSegment, keptMediaParam, mediaKind, NO_MEDIA, VIDEO_HOST, videoIdSegment, type MediaKind } from './media-urls.js';
import { newbornSlug, personParent, personSlug, profileHost, profileSlug } from './person-slug.js';
import { campaignParamValue } from '../recipient-params.js';
import { serializeQuery } from './form-encode.js';

// A user's home directory (`/~gonzalez/profile`, `/~jdoe61/`): the segment is that person's login name.
const USER_DIR = /^~[A-Za-z][A-Za-z0-9._-]{1,31}$/;
const URL_CONTROL_CHARS = /[\\\t\n\r]/;

/** `site` (both methods): the event's site domain, whose own code URLs are not a finding (detectors/url.ts); '' or absent: none. */
export interface TextScanner {
  /** True when any identifier detector finds something in the text. */
  hits(text: string, site?: string): boolean;
  /** Replaces each finding with its label; `kinds` names the detectors that fired. */
  redact(text: string, site?: string): { text: string; kinds: readonly string[] };
}

// Path segments that identify a person or a record rather than a page.
const ID_SEGMENT = [
  /^\d{5,}$/,
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  /^[0-9a-f]{16,}$/i,
  /@/,
  /^(?=(?:[^0-9]*[0-9]){5})[a-z0-9_-]+$/i,
  /^[A-Za-z0-9_-]{24,}$/,
  /^ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/,
  // Letters glued to a run of 3+ digits (`okafor0003`, `pt12345x`): a code, not a word.
  /[a-z][0-9]{3,}|[0-9]{3,}[a-z]/i,
];

// Letters, dashes and dots only, shorter than a token: no detector can fire on it.
const PLAIN_WORDS = /^[A-Za-z._~-]{0,23}$/;

// An article's slug: three or more lower-case words joined by dashes (`northbay-opens-west-tower`), a title and not a
// token however long it is (its length alone made it `:id`); still read by the detectors, and not under a people parent.
// Its words may be capitalised, as .NET, Sitecore and AEM sites title their pages (`Northbay-Opens-New-Tower`: probe 49).
const WORD_SLUG = /^[A-Za-z][a-z]{0,23}(?:-[A-Za-z][a-z]{0,23}){2,}$/;
// A number among the words (`5-reasons-to-get-a-flu-shot`, `top-10-tips-for-2026`) is a title's too: up to two of
// them, of 1-4 digits, beside three words of two letters or more (a date, a phone number or `smith-1980` is not one).
const SLUG_PART = /^(?:[a-z]{1,24}|[0-9]{1,4})$/;
const LETTERS_2 = /^[a-z]{2,}$/;

function numberedWordSlug(segment: string): boolean {
  if (segment.length > 300 || segment.indexOf('-') < 0) return false;
  const parts = segment.split('-');
  let words = 0;
  let numbers = 0;
  for (const p of parts) {
    if (!SLUG_PART.test(p)) return false;
    if (LETTERS_2.test(p)) words++;
    else if (p.charCodeAt(0) <= 57) numbers++;
  }
  return words >= 3 && numbers <= 2;
}

// A picture's size in its file's name (`winter-walk-1200x630.jpg`, `hero-1600w.avif`, `icon_512px.png`, Shopify's
// `vase_800x.jpg` and `_x400.png`): the digits are
// pixels, not a code's; read without them (`pt12345x.jpg` keeps its code, which no separator sets apart).
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|ico)$/i;
const PIXELS = /(?<=[-_.@])(?:\d{2,5}(?:x\d{2,5}|x|w|h|px)|x\d{2,5})(?=[-_.@])/gi;
// What the detectors read of an image file's name without its sizes: pairs (`400x400`) and Shopify's one-sided sizes
// after a word (`banner_1600x.jpg`, `vase_x400.png`). Digits after digits (`503_555_0142x.jpg`) stay for the detectors.
const SCAN_PIXELS = /(?<=[-_.@])\d{2,5}x\d{2,5}(?=[-_.@])|(?<=[A-Za-z][-_])(?:\d{3,4}x|x\d{3,4})(?=\.[A-Za-z]{3,4}$)/gi;
// A screen density before the extension (`hero@2x.jpg`, `logo@1.5x.png`): no mailbox.
const DENSITY = /@[1-4](?:\.5)?x(?=\.[A-Za-z]{3,4}$)/i;

// Words run together or joined by one dash (`northbayhalfmarathonandfunrun`, `WhatToExpectAfterSurgery`): letters only,
// at least 1 in 4 of them vowels, no 7 consonants in a row and at most 1 in 4 capitals. Tokens have digits or mixed
// case: a digit rules a segment out, and about 1 in 300 random mixed-case letter strings of 24 pass (1 in 40,000 base64url
// ones). A token of lower-case letters only would pass 1 time in 4; generators of ids and session tokens do not make them.
const LETTER_RUN = /^[A-Za-z]+(?:[_-][A-Za-z]+)?$/;
const CONSONANTS_7 = /[b-df-hj-np-tv-xz]{7}/i;
const VOWELS = /[aeiouy]/gi;
const CAPITALS = /[A-Z]/g;

function wordRun(segment: string): boolean {
  if (!LETTER_RUN.test(segment) || CONSONANTS_7.test(segment)) return false;
  const letters = segment.length - (segment.indexOf('-') >= 0 || segment.indexOf('_') >= 0 ? 1 : 0);
  const vowels = segment.match(VOWELS)?.length ?? 0;
  const capitals = segment.match(CAPITALS)?.length ?? 0;
  return vowels * 4 >= letters && capitals * 4 <= letters;
}

// A build's script, style sheet or font named by its content hash (`3c9e1f2a8b7d4e60.css`, `main.7c1e9b2f.js`,
// `framework-4c2e9d1a.js`): the site's code, the same for everyone. The hash has a letter and no run of 5 digits; a name
// before it is still read by the detectors.
const CODE_FILE = /^(?:([A-Za-z0-9_-]{1,60})[.-])?(?=[0-9a-f]*[a-f])(?![0-9a-f]*\d{5})[0-9a-f]{6,32}\.(?:m?js|css|map|wasm|woff2?)$/i;

function isIdLike(segment: string, scanner: TextScanner, people: boolean): boolean {
  if (PLAIN_WORDS.test(segment)) return false;
  const code = people ? null : CODE_FILE.exec(segment);
  if (code !== null) return code[1] !== undefined && scanner.hits(code[1]);
  const image = IMAGE_FILE.test(segment);
  const read = image ? segment.replace(DENSITY, '') : segment;
  const shape = image ? read.replace(PIXELS, 'px') : segment;
  // Under `/patients/`, `/u/`… a long slug may be a person's names (person-slug.ts): read as before.
  if (people || !(WORD_SLUG.test(segment) || numberedWordSlug(segment) || wordRun(segment))) {
    for (const re of ID_SEGMENT) if (re.test(shape)) return true;
  }
  // A picture's pixel sizes are not read as a code's digits (`teddy-12in_400x400.png` is not code_like).
  return scanner.hits(image ? read.replace(SCAN_PIXELS, 'px') : read);
}

// A code host's revision (`/commit/3f2a9c1…`, `/blob/a1b2c3d/src/app.ts`, `/tree/5e4d3c2b/packages`, `/commits/…`): a
// commit hash after a version-control word names a version of the code, the same for every visitor, not a person.
const REVISION_PARENTS: ReadonlySet<string> = new Set(['commit', 'commits', 'blob', 'tree', 'raw', 'blame', 'src', 'compare', 'rev', 'revision', 'changeset']);
const REVISION = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}$/;

// A segment's parameters start at a `;`, sent as is or escaped once or twice (`/careers%3Bjsessionid=…/search`).
const SEGMENT_PARAMS_ESCAPED = /%(?:25)?3b/i;
const SEGMENT_PARAMS = /;|%(?:25)?3b/gi;

/** Where the first segment parameters at or after `from` start (a `;` or its escape), or -1. */
function segmentParams(pathname: string, from: number): number {
  SEGMENT_PARAMS.lastIndex = from;
  return SEGMENT_PARAMS.exec(pathname)?.index ?? -1;
}

const PROVIDER_DIRECTORIES: ReadonlySet<string> = new Set(['find-a-doctor', 'find-a-provider', 'find-a-physician', 'findadoctor', 'doctors', 'providers',
  'physicians', 'our-doctors', 'our-providers', 'provider-directory', 'physician-directory', 'our-team', 'staff', 'team', 'leadership', 'experts', 'specialists']);
const DIRECTORY_PAGES: ReadonlySet<string> = new Set(['profile', 'profiles', 'u', 'user', 'users']);
const HOME_ROOTS: ReadonlySet<string> = new Set(['users', 'home', 'documents and settings']);
const DRIVE = /^[a-z]:$/i;
const HOME_PATH = /^\/(?:[a-z]:\/)?(?:users|home|documents(?:%20| )and(?:%20| )settings)\/[^/]+\/(?:downloads|desktop|documents|my(?:%20| )documents|pictures|appdata|library|onedrive[^/]*|dropbox|music|videos|public_html|tmp)(?:\/|$)/i;

/**
 * The path with each id-like segment replaced by `:id`. Most paths have none: they come back
 * as they are, without splitting and joining them again.
 */
function withoutIds(pathname: string, scanner: TextScanner, media: MediaKind, host: string): string {
  let out = '';
  let from = 0;
  // A person's name or username under `/patients/`, `/members/`, `/u/`… (person-slug.ts).
  // A social network's root lists its members (`facebook.com/margot.willoughby.9`): its first segment is read so too.
  const profile = profileHost(host);
  let people = profile, parent = '';
  let revision = false, directory = false, home = false, segments = 0;
  // A file URL (no host), or a path into a home folder's own folders (`/Users/kenji/Downloads/…`): a site's `/home/services` stays.
  const onDisk = host === '' || HOME_PATH.test(pathname);
  const anySemi = pathname.indexOf(';') >= 0 || (pathname.indexOf('%') >= 0 && SEGMENT_PARAMS_ESCAPED.test(pathname));
  for (let start = 0; start <= pathname.length;) {
    let end = pathname.indexOf('/', start);
    if (end < 0) end = pathname.length;
    if (end > start) {
      // A segment's session or matrix parameters (`/careers;jsessionid=9A1F…/search`) are no part of its name: the name is
      // read alone and the parameters dropped (a session id is a token; the whole segment became `:id`, and so did `careers`).
      const semi = anySemi ? segmentParams(pathname, start) : -1;
      const head = semi > start && semi < end ? semi : end;
      const decoded = safeDecode(pathname.slice(start, head));
      if (head < end) { out += pathname.slice(from, head); from = end; }
      // A video host's id of its video, an asset host's ids of its image (media-urls.ts) are no one's.
      const own = media === VIDEO_HOST ? videoIdSegment(host, decoded) : media === ASSET_IMAGE && !people && assetIdSegment(decoded, end === pathname.length);
      const kept = own || (revision && REVISION.test(decoded));
      if (decoded !== '' && !kept && (home || isIdLike(decoded, scanner, people) || (people && (profile ? profileSlug(decoded, parent) : personSlug(decoded))) || newbornSlug(decoded) || USER_DIR.test(decoded))) { out = head < end ? out.slice(0, out.length - (head - start)) + ':id' : out + pathname.slice(from, start) + ':id'; from = end; }
      // A provider directory's profile pages are providers' (`/find-a-doctor/profile/james-lee-do`: probe 49), public as the
      // directory's own pages are; a patient's `/profile/…` is under no directory.
      const lower = decoded.toLowerCase();
      // A page saved to a computer and opened from its disk (`file:///Users/kenji/…`, `/home/kenji/…`, `C:/Users/kenji/…`,
      // `C:/Documents and Settings/kenji/…`): the folder after the home root is the person's user name (probe 50).
      home = onDisk && (segments === 0 || (segments === 1 && DRIVE.test(parent))) && HOME_ROOTS.has(lower);
      segments++;
      people = personParent(decoded, profile) && !(directory && DIRECTORY_PAGES.has(lower));
      directory ||= PROVIDER_DIRECTORIES.has(lower);
      parent = decoded;
      revision = REVISION_PARENTS.has(decoded);
    }
    start = end + 1;
  }
  return from === 0 ? pathname : out + pathname.slice(from);
}

export interface SanitizedUrl {
  url: string;
  /** Query parameters kept (allowlisted, clean), for campaign extraction. */
  query: ReadonlyMap<string, string>;
}

/**
 * Drops the fragment, user info and every query parameter not allowlisted (and allowlisted
 * ones whose value carries an identifier); replaces id-like path segments with `:id`.
 * Returns undefined when the input is not a URL or path.
 */
export function sanitizeUrl(raw: string, queryAllow: ReadonlySet<string>, scanner: TextScanner, cache?: UrlCache, bases?: SanitizedBases): SanitizedUrl | undefined {
  // A template that escaped the URL twice leaves `&#64;` in it, and its `#` would cut the rest
  // off as a fragment (`/u/jane.doe&#64;example.org/` keeping `/u/jane.doe&`); a JSON escape's
  // `\` would be read as a `/` (`jane.doe\u0040example.org`): both are read as meant.
  const input = raw.indexOf('&#') < 0 && raw.indexOf('\\') < 0 ? raw : undoUrlEscapes(raw, true);
  const relative = input.startsWith('/') && !input.startsWith('//');
  const url = relative ? relativeUrl(input) : parseUrl(input, cache);
  if (url === undefined) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const { address, media } = bases === undefined ? sanitizedBase(url, relative, scanner) : rememberedBase(url, relative, scanner, bases);
  // Most URLs have no query: no searchParams, no map for them.
  const q: QueryRules = { allow: queryAllow, media, host: url.host };
  const kept = url.search === '' ? NO_QUERY : plainKeptQuery(queryParts(url, input, cache), q, scanner) ?? keptQuery(url.searchParams, q, scanner);
  const query = kept.size ? '?' + serializeQuery(kept) : '';
  return { url: address + query, query: kept };
}

/** A URL's sanitized scheme, host and path (no query, no fragment), and the media address its path names. */
export interface SanitizedBase { readonly address: string; readonly media: MediaKind }
/** SanitizedBase remembered by the parsed URL's own scheme, host and path, for one scanner (one plan, one site). */
export type SanitizedBases = Map<string, SanitizedBase>;

function sanitizedBase(url: UrlView, relative: boolean, scanner: TextScanner): SanitizedBase {
  const media = mediaKind(relative ? '' : url.host, url.pathname);
  const path = withoutIds(url.pathname, scanner, media, url.host);
  return { address: (relative ? '' : `${url.protocol}//${hostWithoutIds(url.host)}`) + path, media };
}

// A page URL with a query (the visitor's email, a token) comes once, but its scheme, host and path come with every
// view (H193): their part of the result is a function of those three and the scanner, so it is remembered by them
// alone, the key holding no query or fragment (as url-memo.ts' page addresses). A relative URL's key starts with `/`
// (its host is read for a video id: `/\\host/…` parses to another host), an absolute one's with its scheme. A plain
// URL's key is its text before the query as sent (url-parts.ts plainBaseText), hashed already by the parse: no key
// string is built per event. Each key still names one scheme, host and path: a parsed URL's host is lower case and its
// path starts with `/`, so a key spelled both ways (`https://Host.example/a`, `https://host.example/a`) reads the same.
function rememberedBase(url: UrlView, relative: boolean, scanner: TextScanner, bases: SanitizedBases): SanitizedBase {
  const key = (relative ? undefined : plainBaseText(url)) ?? `${relative ? '/' : ''}${url.protocol}//${url.host}${url.pathname}`;
  let base = bases.get(key);
  if (base === undefined) { base = sanitizedBase(url, relative, scanner); bases.set(key, base); }
  return base;
}

const LONG_DIGITS = /\d{7}/;
const DIGIT_LABEL = /(?<=^|\.)[\d-]*\d{7}[\d-]*(?=\.)/g;

/** A host label of 7+ digits is a number, not a name (`5035550142.sms-gw.example`): it becomes `id`. */
function hostWithoutIds(host: string): string {
  return LONG_DIGITS.test(host) ? host.replace(DIGIT_LABEL, 'id') : host;
}

const NO_QUERY: ReadonlyMap<string, string> = new Map();
/** No `%`, no `+`, ASCII only: the form decoder gives such a name or value back unchanged. */
function escapeFree(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 || c === 43 || c >= 128) return false;
  }
  return true;
}

/**
 * keptQuery without URLSearchParams, for a query whose names (and allowlisted values) decode
 * to themselves; undefined for any other query. Same pairs, same order, same map.
 */
function plainKeptQuery(parts: readonly string[], q: QueryRules, scanner: TextScanner): Map<string, string> | undefined {
  const kept = new Map<string, string>();
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (!escapeFree(name)) return undefined;
    const k = name.toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (!q.allow.has(k)) { if (q.media !== NO_MEDIA && escapeFree(value) && keptMediaParam(q.media, q.host, k, value, scanner)) kept.set(name, value); continue; }
    if (!escapeFree(value)) return undefined;
    // Without `%`, safeDecode(value) is value: one scan answers both of keptQuery's.
    if (campaignParamValue(k, value) || !scanner.hits(value)) kept.set(k, value);
  }
  return kept;
}

/** The query's allowlisted names, and the media address (media-urls.ts) whose own parameters are kept too. */
interface QueryRules { allow: ReadonlySet<string>; media: MediaKind; host: string }

function keptQuery(params: URLSearchParams, q: QueryRules, scanner: TextScanner): Map<string, string> {
  const kept = new Map<string, string>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    if (q.allow.has(k)) { if (campaignParamValue(k, value) || (!scanner.hits(value) && !scanner.hits(safeDecode(value)))) kept.set(k, value); }
    // A media address's own parameter keeps its spelling (`videoFoam=true`).
    else if (q.media !== NO_MEDIA && keptMediaParam(q.media, q.host, k, value, scanner)) kept.set(key, value);
  }
  return kept;
}

const BASE = 'http://relative.invalid';

// Site paths made of these characters only read the same through the URL parser: nothing to
// percent-encode, no dot segments, no backslash, no query or fragment.
const PLAIN_PATH = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_~!$&()*+,;=:@') PLAIN_PATH[c.charCodeAt(0)] = 1;

function plainPath(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128 || PLAIN_PATH[c] === 0) return false;
  }
  return true;
}

// Never read (the search is empty) nor written.
const NO_PARAMS = new URLSearchParams();

/** What sanitizeUrl reads of a parsed URL. */
type UrlView = Pick<URL, 'protocol' | 'host' | 'pathname' | 'search' | 'searchParams'>;

function relativeUrl(input: string): UrlView | undefined {
  if (plainPath(input)) return { protocol: 'http:', host: 'relative.invalid', pathname: input, search: '', searchParams: NO_PARAMS };
  try {
    // Appending to the base parses one string instead of two. Only where that reads the same:
    // `\` and tab/newline (removed by the parser) can turn `/x` into a `//host` reference.
    return URL_CONTROL_CHARS.test(input) ? new URL(input, BASE) : new URL(BASE + input);
  } catch {
    return undefined;
  }
}

/** The origin of an external referrer, its host cut to the site it names (referrer-origin.ts), or undefined. */
export function originOf(input: string, cache?: UrlCache): string | undefined {
  return referrerOrigin(parseUrl(input, cache));
}
