import { BoundedMemo } from '../common/bounded-memo.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { pathOf } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { pageNamePath } from './page-readings.js';
import { letterAtAnyCase, letterMask } from '../common/char-gates.js';

// A member's or patient's single-page app whose URL never changes (`/app`, `/#/`, `/home`, `/dashboard`)
// says which page is shown only by its title or a virtual page name (`Claims`, `Explanation of Benefits`,
// `Find Care`, `ID Card`). Those words are also public explainers' titles on their own paths
// (`/explanation-of-benefits` titled `Explanation of Benefits | Plan` flows), so a title is not enough:
// the page must be such a shell. There the names are read as pages of the member area, as the pack
// reads `/member/claims` or `/member/find-care` (a story's title is read under its area the same way).

/** Where a shell's page names are read: the member area the pack's rules name (`/member/<object>`). */
const MEMBER_AREA = '/member';
// The shell's own paths: an app's mount point, a home or dashboard, an index file (a trailing slash too).
const SHELL_PATH = /^\/(?:apps?|home|dashboard|main|spa|index(?:\.html?|\.php|\.aspx|\.jsp)?|default\.aspx)\/?$/i;
// SHELL_PATH's letters after the slash: most paths are no shell's at their first letter.
const SHELL_FIRST = letterMask('ahdmsi');
const shellPath = (path: string): boolean => path.charCodeAt(0) === 47 && letterAtAnyCase(path, 1, SHELL_FIRST) && SHELL_PATH.test(path);
// A fragment with no route in it (`#`, `#/`, `#!/`): the router's root.
const EMPTY_ROUTE = /^#!?\/?$/;
// Keys that say the visitor is signed in by their value being true (`logged_in: true`, `isAuthenticated: "yes"`).
const SIGNED_IN_FLAGS: ReadonlySet<string> = new Set(['loggedin', 'isloggedin', 'userloggedin', 'memberloggedin', 'authenticated', 'isauthenticated',
  'userauthenticated', 'signedin', 'issignedin', 'usersignedin', 'isloggedon', 'loggedon']);
// Keys that say it in words (`login_status: "logged in"`, `user_status: "authenticated"`).
const SIGNED_IN_STATES: ReadonlySet<string> = new Set(['loginstatus', 'loginstate', 'loggedinstatus', 'userstatus', 'userloginstatus', 'userloginstate',
  'authstatus', 'authstate', 'authenticationstatus', 'authenticationstate', 'signinstatus', 'signinstate', 'visitorloginstate', 'visitorstatus', 'sessionstate']);
const TRUE_WORDS = /^(?:true|yes|y|1)$/i;
const SIGNED_IN_WORDS = /^(?:logged[\s_-]?in|signed[\s_-]?in|logged[\s_-]?on|authenticated|authed|auth)$/i;

interface ShellPage { readonly path?: string; readonly url?: string; readonly title?: string }

/**
 * The page names of an app shell read as pages of the member area (`Claims` on `/app` is `/member/claims`):
 * its title, a page or screen event's name and the page names its properties give (`virtualPageName`,
 * `page_title`, `screen_name`, as found paths). None when the page is not a shell.
 */
export function shellReadings(page: ShellPage, name: string | undefined, props: JsonObject, names: readonly string[] | undefined, screen = false): string[] | undefined {
  if (!isShell(page, props, screen)) return undefined;
  const signed = visitorSignedIn(props);
  const skip = signed ? undefined : DIRECTORY_PAGE;
  let out: string[] | undefined = dashboardPage(page);
  for (const text of [page.title, name]) if (text !== undefined && text.length > 1) out = withMemberPage(out, pageNamePath(text.trim()), skip, signed);
  for (const path of names ?? []) out = withMemberPage(out, path, skip, signed);
  return out;
}

// A bare `/dashboard` is the member's own (the pack reads `/member/dashboard`) unless its title names a public dashboard by its subject
// (`Community Health Dashboard`, `Quality & Safety Dashboard | Northbay`, `COVID-19 Data Dashboard`) and no one's own
// (`My Health Dashboard`, `Patient Dashboard`, `Glucose Dashboard` are the visitor’s). No title, or only a brand, is the member's.
const DASHBOARD_PATH = /^\/dashboard\/?$/i;
const MEMBER_DASHBOARD: readonly string[] = Object.freeze([`${MEMBER_AREA}/dashboard`]);
// Each tested apart (one pass over the title each): the subject, the word `dashboard`, and no one's own.
const PUBLIC_SUBJECT = /\b(?:quality|safety|performance|community|population|public|data|transparency|prices?|pricing|costs?|outcomes?|metrics|statistics|stats|covid(?:-19)?|capacity|beds?|wait[\s-]?times?|sustainability|equity|financials?|annual|scorecard|surveillance)\b/i;
const DASHBOARD_WORD = /\bdashboard\b/i;
const OWN_DASHBOARD = /\b(?:my|your|members?|portal|account|personal|mychart|care[\s-]?team|health[\s-]?record|rpm|monitoring|readings?|glucose|vitals?)\b/i;

/** The member's dashboard for a bare `/dashboard` whose title names no public dashboard; else undefined. */
function dashboardPage(page: ShellPage): string[] | undefined {
  const { path } = pathAndFragment(page);
  if (path === undefined || !DASHBOARD_PATH.test(path)) return undefined;
  const t = page.title;
  return t !== undefined && DASHBOARD_WORD.test(t) && PUBLIC_SUBJECT.test(t) && !OWN_DASHBOARD.test(t) ? undefined : [...MEMBER_DASHBOARD];
}

// A directory or search (`Find care`, `Find a Doctor`, `Locations`) is a public site's own app as often as a member's: on a
// shell nothing says is signed in, it is not read as the member's (`/member/find-care` is care found once signed in). An app's
// screen class writes the words run together (`FindADoctor` is `/findadoctor`), which the pack's rules read parted since H232.
const DIRECTORY_PAGE = /^\/(?:(?:find|search|locations?|doctors?|providers?|directory)(?:[-/]|$)|(?:find|search)(?:an?|my|the)?(?:care|doctors?|providers?|physicians?|specialists?|dentists?|pharmac(?:y|ies)|locations?|clinics?|facilit(?:y|ies)))/;

// A tagline addresses the reader (`Northbay Health | Your partner in care` on a public `/home`); an app names its page by the
// object or in the member's voice (`My Prescriptions`). The pack reads `/member/your-…` as the member's own, so such parts are left out,
// unless the visitor is signed in: then `Your Care Team` is the member's page, read as the object it names (`/member/care-team`).
const TAGLINE_SEGMENTS = /\/your-[^/]*/g;
const YOUR_WORDS = /\/your-/g;

/** `out` with a path read under the member area, when the path names anything. */
function withMemberPage(out: string[] | undefined, path: string, skip: RegExp | undefined, signed: boolean): string[] | undefined {
  if (path.charCodeAt(0) !== 47 || path.charCodeAt(1) === 47) return out;
  const page = signed ? path.replace(YOUR_WORDS, '/') : path.replace(TAGLINE_SEGMENTS, '');
  if (page.length < 2 || skip?.test(page)) return out;
  (out ??= []).push(MEMBER_AREA + page);
  return out;
}

/**
 * Whether the page is a shell: its path is one (with no route in its fragment), or the site root (or no page) of a signed-in
 * visitor or of an app's screen (`screen`: a screen call; a `screen_name` among the properties): an app that reports
 * `Screen Viewed` with no page, or with the root its web view's analytics fills in, names its screen only there.
 */
function isShell(page: ShellPage, props: JsonObject, screen: boolean): boolean {
  const { path, fragment } = pathAndFragment(page);
  if ((fragment !== undefined && !EMPTY_ROUTE.test(fragment)) || !locationsAtShell(props)) return false;
  if (path !== undefined && shellPath(path)) return true;
  // The site's root, or an app's event with no page at all, is a shell once the visitor is said to be signed in.
  return (path === undefined || path === '/') && (fragment !== undefined || visitorSignedIn(props) || screen || namesScreen(props));
}

function visitorSignedIn(props: JsonObject): boolean {
  return signedIn(props) || (isJsonObject(props.user) && signedIn(props.user));
}

/** Whether every page location the properties give (GA4's `page_location`, `page_path`) is a shell or the root too. */
function locationsAtShell(props: JsonObject): boolean {
  for (const k in props) {
    const v = props[k];
    if (keyKind(k) !== LOCATION_KEY || typeof v !== 'string' || v.length === 0) continue;
    const at = pathAndFragment({ url: v });
    if (at.path === undefined || (at.fragment !== undefined && !EMPTY_ROUTE.test(at.fragment))) return false;
    if (at.path !== '/' && !shellPath(at.path)) return false;
  }
  return true;
}

function pathAndFragment(page: ShellPage): { path?: string; fragment?: string } {
  const url = page.url;
  const hashAt = url === undefined ? -1 : url.indexOf('#');
  const fragment = url === undefined || hashAt < 0 ? undefined : url.slice(hashAt);
  if (page.path !== undefined) return { path: page.path.split('?', 1)[0], fragment };
  return url === undefined ? {} : { path: pathOf(url) || '/', fragment };
}

const OTHER_KEY = 0;
const FLAG_KEY = 1;
const STATE_KEY = 2;
const LOCATION_KEY = 3;
const SCREEN_KEY = 4;
// Keys giving the page's own location among properties (GA4's `page_location`, `page_path`, `dl`, `dp`, an app router's `route`):
// a shell's page is there too.
const LOCATION_KEYS: ReadonlySet<string> = new Set(['pagelocation', 'pagepath', 'pageurl', 'pageuri', 'dl', 'dp', 'currenturl', 'currentpath', 'pathname',
  'locationhref', 'documentlocation', 'path', 'url', 'href', 'route', 'routepath', 'screenroute']);
// Property names repeat across events: their kind is remembered (bounded), one lookup a key.
const keyKinds = new BoundedMemo<number>(4096);
function keyKind(k: string): number {
  let kind = keyKinds.get(k);
  if (kind === undefined) {
    const key = normalizeFieldName(k);
    kind = SIGNED_IN_FLAGS.has(key) ? FLAG_KEY : SIGNED_IN_STATES.has(key) ? STATE_KEY : LOCATION_KEYS.has(key) ? LOCATION_KEY
      : SCREEN_NAME_KEYS.has(key) ? SCREEN_KEY : OTHER_KEY;
    keyKinds.set(k, kind);
  }
  return kind;
}

// Keys naming an app's screen (`screen_name`): a web page names itself by its title.
const SCREEN_NAME_KEYS: ReadonlySet<string> = new Set(['screenname']);

/** Whether a property names the app's screen. */
function namesScreen(props: JsonObject): boolean {
  for (const k in props) if (keyKind(k) === SCREEN_KEY && typeof props[k] === 'string' && (props[k] as string).length > 1) return true;
  return false;
}

/** Whether properties mark the visitor as signed in (a flag key with a true value, or a state key saying so). */
function signedIn(props: JsonObject): boolean {
  for (const k in props) {
    const kind = keyKind(k);
    if (kind !== FLAG_KEY && kind !== STATE_KEY) continue;
    const v: JsonValue | undefined = props[k];
    if (kind === FLAG_KEY && (v === true || v === 1 || (typeof v === 'string' && TRUE_WORDS.test(v.trim())))) return true;
    if (kind === STATE_KEY && typeof v === 'string' && SIGNED_IN_WORDS.test(v.trim())) return true;
  }
  return false;
}
