import { camelApart } from './camel-words.js';
import { qualifiedName } from './qualified-names.js';

// An app screen's name, a screen constant or a router's dotted state read as a path: apps name the
// screen's area in it the way a web page's path does.

// An app's screen class names the screen and its kind (`LabResultsActivity`, `BillPayViewController`).
const WHITESPACE_RUNS = /\s+/g;
const DOTS = /\./g;

// A web view's kind is one suffix with its own (`FlywireWebView`, `InAppBrowserActivity`): the page it shows is the name
// before it (`/flywire`, as the vendor's path segment reads), not a `web` word run onto that name.
const UI_SUFFIX = /(?<=[a-z0-9])(?:(?:InApp)?(?:WebView|Webview|Browser)(?:Controller|Activity|Fragment|Screen|Page|VC)?|Activity|Fragment|ViewController|Controller|VC|Screen|Page|View|Details?|Tab|Modal)$/;
// `Pharmacy - Refill`, `MyChart > Messages`, `Billing: Pay`: the separators apps put in names.
const NAME_SEPARATORS = /\s*[|>:\/\u2013\u2014\u00b7\u2022\u203a\u00bb]\s*|\s+-\s+/g;
// A title said as a sentence or a question (`Am I Eligible? | Northbay`, `Ready? Pay Your Bill.`, `¿Pagar su factura?`):
// a sentence's end separates like `|`, a comma or quote ends a word; neither is part of one (`eligible?` was read as one
// word, so no rule read the title).
const SENTENCE_ENDS = /[?!\u00bf\u00a1]+|\.+(?=\s|$)/g;
const WORD_MARKS = /[,;"\u201c\u201d\u00ab\u00bb]+/g;
// An unread count is a badge, not a word (`Inbox (3) | MyHealth`, `(2) Messages`, `Alerts [12]`); an ampersand between words,
// as typed or as an HTML entity, is `and` as the pack spells it (`Claims & Benefits`, `Bills &amp; Payments`; `AT&T` is one word).
const COUNT_BADGES = /\(\d{1,4}\+?\)|\[\d{1,4}\+?\]/g;
const AMPERSANDS = /&(?:amp;|#0*38;|#x0*26;)|(?<=\s)&(?=\s)/gi;

// A screen constant's or route key's kind word and step (`SCREEN_BILL_PAY`, `bill.pay.screen`,
// `PAY-BILL-STEP-2`): not part of the screen's name.
const SCREEN_AFFIX = /^(?:screen|scr|view|page)[_.:\/-](?=[a-z])|[_.:\/-](?:screen|scr|view|page|vc|activity|fragment)$|[_.:\/-]step[_.-]?[0-9]+$/i;

/** An app screen's name read as a path (`MyChart - Messages` is `/mychart/messages`). */
export function screenPath(name: string): string {
  // A class name's words run together (`RefillRequestActivity` is the refill-request screen).
  let t = trimBars(name.replace(AMPERSANDS, ' and ').replace(COUNT_BADGES, ' ').replace(SENTENCE_ENDS, ' | ').replace(WORD_MARKS, ' '));
  if (SCREEN_AFFIX.test(t)) {
    t = t.replace(SCREEN_AFFIX, '').replace(SCREEN_AFFIX, '');
    // What is left of a dotted key names segments (`screen.results.detail` is `/results/detail`).
    const state = statePath(t);
    if (state !== undefined) return state.toLowerCase();
  }
  // A class with its package is its class's screen (the package's areas are read by class-names.ts, and so is a dotted
  // state's segments: `my.chart` is read here as the rules read dots, `/my-chart`).
  const q = qualifiedName(t);
  if (q !== undefined) t = q.cls;
  const words = UI_SUFFIX.test(t) ? camelApart(t.replace(UI_SUFFIX, ''), '-') : t;
  return '/' + words.toLowerCase().replace(NAME_SEPARATORS, '/').replace(WHITESPACE_RUNS, '-');
}

// Words joined by dots (a file name, `index.html`, reads as `/index/html`, which names nothing).
const DOTTED_STATE = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/i;

/** A router's dotted state name as a path (`portal.messages.inbox` is `/portal/messages/inbox`), else undefined. */
export function statePath(value: string): string | undefined {
  return DOTTED_STATE.test(value) ? `/${value.replace(DOTS, '/')}` : undefined;
}

/** `s` without spaces and `|` at either end (a sentence's marks there separate nothing). */
function trimBars(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && (s.charCodeAt(from) === 124 || s.charCodeAt(from) <= 32)) from++;
  while (to > from && (s.charCodeAt(to - 1) === 124 || s.charCodeAt(to - 1) <= 32)) to--;
  return s.slice(from, to);
}
