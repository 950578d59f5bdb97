import { resetAt } from './scan.js';
import { GIVEN_NAMES } from './given-names.js';
import { nameWord, verbLike } from './verb-name.js';
import { TITLE_STOP, folded } from './name-words.js';
import type { Detection } from './types.js';

// A relative named in passing in a text typed in lower case (Safe Harbor A): `my husband john smith is in room 412`, `my
// daughter emma needs a refill`, `for my mother, maria lopez`. person-name.ts reads the capitalised forms (`my husband John
// Smith`); here no capital says a name follows, so the first word must be a common given name (given-names.ts, which leaves
// out the names that are also words: `my son will`, `my mom may`, `my daughter grace`), and the word after it counts as the
// surname only when it is no word a sentence goes on with (`my son has been`, `my husband really needs`, `my wife and i`
// stay, as `my daughter emma needs` keeps `needs`). A second common given name takes a surname after it (`mary ann quarnby`).
// After `my`, `his`, `her` or `their`, the words the prefilter's walk marks (`our son ethan` is not read: no mark for `our`).
const RELATIVE_NAME_RE = new RegExp(
  '(?<![\\p{L}\\p{M}])(?:my|his|her|their)[ ]+(?:(?:grand|great[ -]?grand|step)[ -]?)?(?:mother|father|mom|mum|mommy|ma|dad|daddy|pa|husband|wife|' +
  'spouse|partner|son|daughter|child|kid|baby|brother|sister|aunt|auntie|uncle|nephew|niece|cousin|fianc\u00e9e?|fiancee?|boyfriend|girlfriend|' +
  'grandma|grandpa|granny|nana)(?:[ -]in[ -]law)?[ ]*,?[ ]+',
  'giu',
);
// The same in Spanish, Portuguese and French after `mi`, `minha`, `meu`, `ma`, `mon` (the walk marks them: access-cues.ts), where
// access-relatives.ts reads the capitalised name: `mi esposo juan pérez está en la sala 4`, `ma fille chloé a de la fièvre`.
const FOREIGN_RELATIVE_RE = new RegExp(
  '(?<![\\p{L}\\p{M}])(?:mi|minha|meu|ma|mon)[ ](?:madre|mam[\u00e1a]|padre|pap[\u00e1a]|espos[oa]|marido|hij[oa]|herman[oa]|abuel[oa]|' +
  'm[\u00e3a]e|pai|mulher|filh[oa]|irm[\u00e3a]o?|av[\u00f3\u00f4]|m[\u00e8e]re|p[\u00e8e]re|mari|femme|fils|fille|fr[\u00e8e]re|s(?:\u0153|oe)ur)[ ]*,?[ ]+',
  'giu',
);
// Words a Spanish, Portuguese or French sentence goes on with after its subject.
const GOES_ON_FOREIGN = new Set(['es', 'est\u00e1', 'esta', 'estaba', 'fue', 'tiene', 'tuvo', 'necesita', 'quiere', 'va', 'se', 'no', 'y', 'que', 'ha', 'a',
  'en', 'de', 'del', 'con', 'por', 'para', 'le', 'la', 'lo', 'me', 'muy', 'ya', 'tambi\u00e9n', '\u00e9', 'est\u00e1', 'foi', 'tem', 'teve', 'precisa',
  'quer', 'vai', 'e', 'n\u00e3o', 'em', 'do', 'da', 'com', 'para', 'est', 'et', 'qui', 'ne', 'doit', 'veut', '\u00e9tait', 'avait', 'a', 'au', 'dans',
  'pour', 'avec', 'sur', 'il', 'elle', 'y', 'se', 'sa', 'son', 'ses', 'su', 'sus', 'mi', 'ma', 'mon', 'mes', 'un', 'una', 'une', 'el', 'les', 'los', 'las']);

// Words a sentence goes on with after its subject: they end the name (verbs ending in -ed, -ing or -ly are verb-name.ts's).
const GOES_ON = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have', 'can', 'could', 'will', 'would', 'should', 'may', 'might',
  'must', 'did', 'does', 'do', 'got', 'gets', 'get', 'went', 'goes', 'and', 'or', 'but', 'who', 'which', 'that', 'not', 'cannot', 'cant', 'doesnt',
  'didnt', 'isnt', 'wasnt', 'needs', 'need', 'wants', 'want', 'said', 'says', 'loves', 'likes', 'fell', 'broke', 'came', 'comes', 'took', 'takes',
  'made', 'makes', 'saw', 'sees', 'left', 'stays', 'lives', 'died', 'turned', 'turns', 'gave', 'told', 'thinks', 'feels', 'felt', 'knows', 'keeps',
  'seems', 'looks', 'sent', 'hurt', 'hit', 'ate', 'ran', 'woke', 'just', 'really', 'also', 'still', 'never', 'always', 'usually', 'only', 'hardly',
  'even', 'again', 'too', 'now', 'today', 'yesterday', 'tonight', 'here', 'there', 'in', 'on', 'at', 'for', 'to', 'from', 'with', 'of', 'about',
  'by', 'as', 'so', 'if', 'when', 'because', 'since', 'after', 'before', 'a', 'an', 'the', 'i', 'we', 'he', 'she', 'they', 'it', 'me', 'my',
  'her', 'his', 'our', 'your', 'their', 'lost', 'start', 'starts', 'started', 'see', 'visit', 'room', 'bed', 'age', 'aged', 'years',
  'year', 'months', 'weeks', 'old', 'yo']);

/** End of the run of lower-case-or-not letters (and an inner `'` or `-`) from `i`. */
function letterRunEnd(text: string, i: number): number {
  let e = i;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (((c | 32) >= 97 && (c | 32) <= 122) || c >= 192) { e++; continue; }
    if ((c === 39 || c === 45) && e > i && (text.charCodeAt(e + 1) | 32) >= 97 && (text.charCodeAt(e + 1) | 32) <= 122) { e++; continue; }
    break;
  }
  return e;
}


/** Whether `w` (lower case) may be a surname after a given name (see GOES_ON). */
function surnameWord(w: string): boolean {
  return w.length >= 2 && !GOES_ON.has(w) && !TITLE_STOP.has(w) && nameWord(w) && !verbLike(w) && !w.endsWith("'s");
}

/** End of a lower-case name after a relative at `from` (see above), or -1; `goesOn` holds the words that end it. */
function relativeNameEnd(text: string, from: number, goesOn: ReadonlySet<string>): number {
  const c = text.charCodeAt(from);
  if (c < 97 || c > 122) return -1;
  let end = letterRunEnd(text, from);
  // A possessive keeps its `'s` (`my daughter emma's inhaler`); the name ends there.
  if (text.charCodeAt(end - 2) === 39 && text.charCodeAt(end - 1) === 115) return GIVEN_NAMES.has(text.slice(from, end - 2).toLowerCase()) ? end - 2 : -1;
  if (!GIVEN_NAMES.has(folded(text.slice(from, end)))) return -1;
  for (let words = 1; words < 3 && text.charCodeAt(end) === 32; words++) {
    const next = letterRunEnd(text, end + 1);
    const w = text.slice(end + 1, next).toLowerCase();
    if (!surnameWord(w) || goesOn.has(w)) break;
    end = next;
    if (!GIVEN_NAMES.has(w)) break;
  }
  return end;
}

/** The end of a lower-case name at `from` right after a relative named in English (kin-name.ts: `your nephew`, `our dad,`), or -1. */
export function lowerRelativeNameEnd(text: string, from: number): number {
  return relativeNameEnd(text, from, GOES_ON);
}

const RELATIVE_SHAPES: readonly (readonly [RegExp, ReadonlySet<string>])[] = [[RELATIVE_NAME_RE, GOES_ON], [FOREIGN_RELATIVE_RE, GOES_ON_FOREIGN]];

/** Lower-case names after `my husband`, `my daughter`, `for my mother,`, `mi esposo` (see above). */
export function scanRelativeNames(text: string, out: Detection[], kind: string): void {
  for (const [shape, goesOn] of RELATIVE_SHAPES) {
    const re = resetAt(shape, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const from = m.index + m[0].length;
      const end = relativeNameEnd(text, from, goesOn);
      if (end > from) { out.push({ start: from, end, kind }); re.lastIndex = end; }
    }
  }
}
