// The sensitive-terms test runs on every distinct string of an event for destinations without a
// BAA. As a flat alternation of ~90 words, the regex engine tries each word at each position; as
// a trie (`ca(?:ncer)|ch(?:emo)|...`) it follows one branch per letter, about a third faster.
// Same matches: `test` only asks whether some word starts at some position after a non-letter,
// so the order of alternatives does not matter, and a word that extends another (`chemotherapy`
// after `chemo`) can never match where the shorter one does not.

const SPECIAL = /[.+?^${}()|[\]\\*]/;
const SEPARATOR = /[\s_-]/;
/** A run of separators in a term matches any run (or none) in the text. */
const ANY_SEPARATORS = '[\\s_-]*';

/** A term as regex tokens: one per character (escaped), one per run of separators. */
function tokens(term: string): string[] {
  const t = term.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < t.length;) {
    if (SEPARATOR.test(t[i])) {
      while (i < t.length && SEPARATOR.test(t[i])) i++;
      out.push(ANY_SEPARATORS);
    } else {
      out.push(SPECIAL.test(t[i]) ? `\\${t[i]}` : t[i]);
      i++;
    }
  }
  return out;
}

/** The alternation of the token sequences, factored by common prefixes ('' when one is empty). */
function trie(words: readonly (readonly string[])[]): string {
  const next = new Map<string, string[][]>();
  for (const w of words) {
    // An empty rest matches here already: longer words add nothing.
    if (w.length === 0) return '';
    const rests = next.get(w[0]) ?? [];
    rests.push(w.slice(1));
    next.set(w[0], rests);
  }
  const branches: string[] = [];
  for (const [first, rests] of next) {
    const rest = trie(rests);
    branches.push(rest === '' ? first : `${first}(?:${rest})`);
  }
  return branches.join('|');
}

// Terms in other scripts (`онколог`, `癌`, `임신`) sit in one branch entered only at a non-ASCII
// character: the test runs on every string sent to a destination without a BAA, mostly ASCII, and
// a branch per first letter of every script cost each of them about 3%. Same matches: without the
// `u` flag, case folding never maps a non-ASCII character to an ASCII one, so a term starting with
// one can only match where the text has one.
const NON_ASCII_FIRST = /^[^\x00-\x7f]/;

// A term written `=prep` names a condition only as a whole value (`service_line: "PrEP"`): as a word
// start, `prep` would also take `prepare-for-your-visit` and `meal-prep`. It joins the trie like the
// others, ending with a look ahead (only separators up to the string's end) and then a look back (only
// separators from the string's start): both run only where the whole word has matched, and no
// alternative is tried at every position.
const WHOLE_VALUE = '=';
const TO_END = '(?=[\\s_-]*$)';

// A term written `/bh` names a condition only as a whole path segment (`/bh/`, `/services/sud`,
// `/mat`): a program's short code, which inside a longer segment is another word (`/about/bh-board`,
// `/hopital-sud`, `/mattress`) and as a whole value is left to `=term`. Same shape as `=term`: the
// word, then a look ahead (the segment ends) and a look back (a `/` right before the word).
const SEGMENT = '/';
const SEGMENT_END = '(?=/|$)';

// A term written `hiv~` is an abbreviation read as a whole word: a letter right after it makes another
// word (`hivemind`, `hives`, the French `hiver`, `stdout`, the Swedish `sidan`). A plural `s` and a care
// word run on to it still name it (`/stds`, `/hivtesting`, `hivcare`, `stdclinic`). One check at the
// word's end, once for all of them.
const WHOLE_WORD = '~';
const WORD_END = '(?:s?(?![a-z])|test|care|clinic|aids|prevent|treat|screen|servic|program|prep|pep|posit|med|drug|kit|symptom|vaccin|counsel)';

/** A term's tokens; a whole-value term's anchored to the string's start and end, a segment term's to `/`s, a whole word's end checked. */
function termTokens(term: string): string[] {
  if (term.length < 2) return tokens(term);
  if (term.startsWith(SEGMENT)) {
    const t = tokens(term.slice(1));
    return t.length === 0 ? t : [...t, SEGMENT_END, `(?<=/${t.join('')})`];
  }
  if (!term.startsWith(WHOLE_VALUE)) return tokens(term);
  const t = tokens(term.slice(1));
  return t.length === 0 ? t : [...t, TO_END, `(?<=^[\\s_-]*${t.join('')})`];
}

/**
 * A case-insensitive test for any of the terms starting a word (or, for `=term`, being the whole
 * value, separators around it aside; for `/term`, being a whole path segment; for `term~`, being a
 * whole word or run on to a care word), or undefined for none.
 */
export function compileTerms(terms: readonly string[]): RegExp | undefined {
  if (!terms.length) return undefined;
  const words = terms.filter((t) => !t.endsWith(WHOLE_WORD)).map(termTokens);
  // Whole words share one end check, written once: V8 stops optimizing a regex whose source passes 20 KB
  // (about ten times slower on every string), and the bundled terms are close to that (see term-pattern.test).
  const whole = terms.filter((t) => t.endsWith(WHOLE_WORD) && t.length > 1).map((t) => tokens(t.slice(0, -1)));
  if (whole.length > 0) words.push([`(?:${trie(whole)})${WORD_END}`]);
  const other = words.filter((w) => w.length > 0 && NON_ASCII_FIRST.test(w[0]));
  if (other.length === 0) return new RegExp(`(?:^|[^a-z])(?:${trie(words)})`, 'i');
  const ascii = words.filter((w) => !(w.length > 0 && NON_ASCII_FIRST.test(w[0])));
  const scripts = `(?=[^\\x00-\\x7f])(?:${trie(other)})`;
  return new RegExp(`(?:^|[^a-z])(?:${ascii.length ? `${trie(ascii)}|` : ''}${scripts})`, 'i');
}
