import { BoundedMemo } from '../common/bounded-memo.js';
import { UI_KINDS } from './ui-kinds.js';
import { camelApart } from './camel-words.js';
import { qualifiedName, type QualifiedName } from './qualified-names.js';

// An acronym runs into the next word (`EOBList`, `IDCardScreen`, `MyRXHistoryView`): it ends before the word's capital.
const ACRONYM_END = /([A-Z])(?=[A-Z][a-z])/g;
const UNDERSCORE_RUNS = /_+/g;
const SPACES = / /g;
// An app reports a screen by its class name (`PayBillSheet`, `CheckInFlowStep2`, `LabResultsFragment`):
// the words run together and end with the kind of UI. Read as paths, they name the screen's area
// like a web page's path does.

const NONE: readonly string[] = Object.freeze([]);

// The kinds of UI a class name ends with (`PayBillSheet`, `CheckInFlowStep2`, `MessagesInboxScreenView`),
// removed one after another; then a trailing `Details`/`List` (`BillingStatementsList`) or a widget's `Card`/`Tile`
// (`PrescriptionsCardView` is the prescriptions' card) is read both ways.
const UI_KIND = new RegExp(`(?<=[a-z0-9]|[A-Z]{2})(?:${UI_KINDS})$`);
const UI_ITEMS = /(?<=[a-z0-9]|[A-Z]{2})(?:Details?|List|Item|Card|Tile|Cell|Row)$/;
// A widget named for searching (`SearchTile`, `SearchCardView`) is the search box on another screen, not the search's
// results (H164): its bare reading would be the site search page, which the pack blocks for the query it carries.
const SEARCH_ENTRY = /^(?:Search|Find|Look[Uu]p)$/;
const CLASS_NAME = /^[A-Za-z][A-Za-z0-9_]*[a-z0-9][A-Z][A-Za-z0-9_]*$/;
// A class name opening with an acronym and no other capital after a small letter (`EOBList`, `IDCard`).
const ACRONYM_CLASS_NAME = /^[A-Z]{2,}[a-z]{2}[A-Za-z0-9]*$/;
// A screen named in words (`Billing Statement Detail`, `Lab Result List`) ends with the same UI words.
const SPACED_NAME = /^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+){1,7}$/;
const UI_WORDS = /(?: (?:Details?|List|Item|Screen|View|Page|Tab|Modal|Sheet|Dialog|Overview))+$/i;
const knownClassNames = new BoundedMemo<readonly string[]>(2048);
const classPath = (words: string): string => '/' + camelApart(words, '-').replace(ACRONYM_END, '$1-').replace(UNDERSCORE_RUNS, '-').toLowerCase();

/**
 * An app's screen class name (camel or Pascal case, no spaces) as paths: its words with the UI kinds
 * after them removed, with and without a trailing `Details`/`List`; a name in words without its trailing
 * UI words. None for other names (remembered, bounded).
 */
export function classNamePaths(name: string): readonly string[] {
  let paths = knownClassNames.get(name);
  if (paths === undefined) {
    const t = name.trim();
    paths = NONE;
    const q = qualifiedName(t);
    if (q !== undefined) paths = qualifiedPaths(q);
    else if (CLASS_NAME.test(t) || ACRONYM_CLASS_NAME.test(t)) {
      let words = t;
      for (let i = 0; i < 4; i++) { const next = words.replace(UI_KIND, ''); if (next === words) break; words = next; }
      const bare = words.replace(UI_ITEMS, '').replace(UI_ITEMS, '');
      paths = bare === words || bare.length < 3 || SEARCH_ENTRY.test(bare) ? [classPath(words)] : [classPath(words), classPath(bare)];
    } else if (SPACED_NAME.test(t)) {
      const bare = t.replace(UI_WORDS, '');
      if (bare !== t && bare.length >= 3) paths = ['/' + bare.toLowerCase().replace(SPACES, '-')];
    }
    knownClassNames.set(name, paths);
  }
  return paths;
}

/**
 * A qualified class's paths: its class's, and each under each area its package names (`ui.results.LabResultDetailActivity`
 * is also `/results/lab-result-detail`, which an app's own reading makes `/my-results/…`).
 */
function qualifiedPaths(q: QualifiedName): readonly string[] {
  const own = classNamePaths(q.cls);
  const base = own.length > 0 ? own : ['/' + q.cls.toLowerCase()];
  if (q.areas.length === 0) return own;
  const out = [...own];
  // A class that opens with its area's word says its area already (`billing.BillingFaqFragment` is `/billing-faq`, not
  // `/billing/billing-faq`, which the billing rules read as a page under the billing area).
  for (const area of q.areas) for (const p of base) if (!p.startsWith(area.endsWith('s') ? `/${area.slice(0, -1)}` : `/${area}`)) out.push(`/${area}${p}`);
  return out;
}
