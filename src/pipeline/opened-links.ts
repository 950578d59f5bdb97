import { normalizeFieldName } from '../rules/field-name.js';
import type { JsonObject } from '../common/json.js';
import { deepLinkReadings } from './app-links.js';

// An app opened by a link shows the screen the link names: a "Universal Link Opened", "Deep Link Opened", "Push
// Notification Opened" or "Application Opened" event happened on that screen, as a web page view happened on its page.
// So on such an event the link under any top-level link key (`link`, `url`, `deep_link`, `target_url`) is also read as
// where the event is: a blocked screen blocks the event (as a page view of a blocked page is blocked), where on any
// other event a link to a blocked page is only dropped (page-properties.ts).
const OPENED_EVENT = /^(?:(?:deep|universal|app|dynamic|branch|smart)[ _-]?link|push(?:[ _-]?notification)?|notification|application|app)[ _-]?(?:opened|open|tapped)$/i;
const LINK_WORDS = ['url', 'uri', 'link', 'href'];

/** The screens and pages the links of an app's opened event lead to (see above), appended to `out`. */
export function openedLinkPaths(event: string | undefined, props: JsonObject, out: string[] | undefined): string[] | undefined {
  if (event === undefined || event.length > 40 || !OPENED_EVENT.test(event)) return out;
  for (const k in props) {
    const v = props[k];
    // A link, not a word: an address with a scheme or a path (`background` under `link_state` names no screen).
    if (typeof v !== 'string' || v.length > 2048 || (v.indexOf('://') < 0 && v.charCodeAt(0) !== 47 && !v.startsWith('intent:'))) continue;
    const norm = normalizeFieldName(k);
    if (LINK_WORDS.some((w) => norm.includes(w))) out = deepLinkReadings(v, out);
  }
  return out;
}
