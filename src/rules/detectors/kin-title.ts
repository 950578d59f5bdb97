import { resetAt } from './scan.js';
import { GIVEN_NAMES } from './given-names.js';
import { nameWord, verbLike } from './verb-name.js';
import { TITLE_STOP } from './name-words.js';
import { EN_KIN, HOUSEHOLD, after } from './household-name.js';
import type { Detection } from './types.js';

// A relative's name after the title the family calls them by, outside a card's signature (Safe Harbor A: relatives):
// `Grandma Jean is visiting today`, `Aunt Rosie is my emergency contact`, `Papa Joe had his knee done`, `Hugs from Grandpa
// Walt`, `Love always - Uncle Jim`, `Miss you - Nana Pearl`, `Tía Carmen viene mañana`. The name is capitalised and a
// sentence goes on after it with a verb, or it closes the text, a line or a sentence: a brand or a title goes on with another
// word (`Uncle Sam Tax Day`, `Aunt Jemima syrup`, `Papa John's`, `Grandma Moses paintings`) and stays.
// A caller who names themselves and then says whose relative or neighbour they are (`it's Kim, your neighbor`, `this is
// Priya, his sister`), and `regards` with no comma before a name closing the text (`regards jane`, `best regards Sandra`).
const KIN_TITLES = '(?:Grand(?:ma|pa|mother|father|dad|mom)|Granny|Gran|Nana|Nanna|Papa|Aunt(?:ie|y)?|Uncle|Cousin|Abuel(?:[oa]|it[oa])|T[\u00edi][oa]' +
  '|Tante|Onkel|Oma|Opa)';
const KIN_TITLE_RE = new RegExp(`(?<![\\p{L}\\p{M}])${KIN_TITLES}[ ]+(?=\\p{Lu})`, 'gu');
const KIN_TITLE_AT = new RegExp(`^${KIN_TITLES}[ ]+\\p{Lu}`, 'u');
const KIN_HINT = /Gran|Nan|Papa|Aunt|Uncle|Cousin|Abuel|T[\u00edi][oa]|Tante|Onkel|Op|Om/;
const NAME = /^\p{Lu}[\p{Ll}\p{M}]+(?:[-'\u2019]\p{Lu}[\p{Ll}\p{M}]+)?/u;
const SELF_KIN_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:[Ii]t['\u2019]s|[Ii]ts|[Tt]his[ ]is)[ ]+(\\p{Lu}[\\p{Ll}\\p{M}]+),[ ]+(?:your|his|her|their|my|our)[ ]+` +
  `(?:${EN_KIN}|${HOUSEHOLD})(?![\\p{L}\\p{M}])`, 'gu');
const SELF_HINT = /it['\u2019]?s |this is /i;
// `regards` in lower case but its first letter (the prefilter marks its `ga`; `cheers`, `sincerely` are marked at a comma only).
const REGARDS_RE = /(?<![\p{L}\p{M}])[Rr]egards[ ]+([\p{L}\p{M}]+)(?=[ .!]*(?:$|\r?\n))/gu;
const REGARDS_HINT = /egards/;

/** At a capital that may open a relative's title before a name (the prefilter's NAME_CUE; household-cues.ts). */
export function kinTitleAt(text: string, i: number): boolean {
  return KIN_TITLE_AT.test(text.slice(i, i + 20));
}

function plainName(w: string): boolean {
  const lower = w.toLowerCase();
  return w.length >= 2 && nameWord(lower) && !TITLE_STOP.has(lower) && !verbLike(lower);
}

/** Names after a relative's title, a caller's own name before whose relative they are, and a comma-less sign-off's name. */
export function scanKinTitleNames(text: string, out: Detection[], kind: string): void {
  if (KIN_HINT.test(text)) {
    const re = resetAt(KIN_TITLE_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const from = m.index + m[0].length;
      const name = NAME.exec(text.slice(from, from + 40))?.[0] ?? '';
      const next = name === '' ? 'word' : after(text, from + name.length);
      if ((next === 'verb' || next === 'close') && plainName(name)) out.push({ start: from, end: from + name.length, kind });
    }
  }
  if (SELF_HINT.test(text)) scanGroup(SELF_KIN_RE, text, out, kind, false);
  if (REGARDS_HINT.test(text)) scanGroup(REGARDS_RE, text, out, kind, true);
}

/** Group 1 of each match of `re` when it is a name (a common given name when `given` says so, or a capitalised one). */
function scanGroup(re: RegExp, text: string, out: Detection[], kind: string, given: boolean): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const name = m[1] as string;
    const capital = name[0] !== name[0]?.toLowerCase();
    if (!plainName(name) || (given && !capital && !GIVEN_NAMES.has(name.toLowerCase()))) continue;
    // A sign-off's name ends the match (a lookahead follows it); a caller's comes first after `it's`.
    const start = given ? m.index + m[0].length - name.length : m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, kind });
  }
}
