import { knownClean } from './clean-strings.js';
import { rewriteEmbedded } from './embedded-fields.js';
import type { TextScanner } from './ops/sanitize-url.js';
import type { Plan } from './plan.js';

// An allowed query parameter (`utm_content`, `ref`) keeps its value only when nothing identifying
// is in it. Detectors cannot tell a bare surname from a campaign name, but a value that writes a
// field's name beside it (`a:1:{s:9:"last_name";s:3:"Doe";}`, `last_name=Doe`, markup, a card)
// says what it is, as a property's text does (embedded-fields.ts): such a value is not kept.
const scanners = new WeakMap<Plan, TextScanner>();

/** Whether `text` could hold an embedded field at all (most query values and path segments cannot). */
const mayEmbed = (text: string): boolean =>
  text.length > 6 && (text.indexOf('=') >= 0 || text.indexOf(':') >= 0 || text.indexOf('%3') >= 0 || text.indexOf('<') >= 0);

/**
 * The plan's scanner, whose `hits` also counts a field rule or free-text field named inside the text; with
 * `site` (the event's site domain), one that reads the text for that site (sanitizeUrl takes no site of its own).
 */
export function urlScanner(plan: Plan, site = ''): TextScanner {
  const s = planUrlScanner(plan);
  return site === '' ? s : { hits: (text) => s.hits(text, site), redact: (text) => s.redact(text, site) };
}

function planUrlScanner(plan: Plan): TextScanner {
  let s = scanners.get(plan);
  if (s === undefined) {
    const names = (key: string): string | null => {
      const { norm, rule } = plan.fields.matchKey(key);
      return rule !== undefined || plan.freeTextFields.has(norm) ? '' : null;
    };
    const base = plan.scanner;
    // A text scrubString left as it came (clean-strings.ts) had no finding and no pair whose key names a field rule or
    // a free-text field: neither test here can fire on it (campaign values, `newsletter`, come in the URL's query of
    // every such page and in context.campaign; the query's own copy was scanned afresh every event).
    s = { hits: (text, site) => !knownClean(text, plan, site ?? '') && (base.hits(text, site) || (mayEmbed(text) && rewriteEmbedded(text, names) !== undefined)), redact: (text, site) => base.redact(text, site) };
    scanners.set(plan, s);
  }
  return s;
}
