import { PlanMemos } from '../common/bounded-memo.js';
import type { Plan } from '../rules/plan.js';

// Blind pass 45 (H232): sites and CMS slugs write a visitor's own areas with the words run together in lower case
// (`/messagecareteam`, `/medicalrecordsrequest`, `/proxyaccess/request`, `/telehealthroom/join`); the canonical path
// folds case, so the camel-case turns that would part them are gone. The pack names those areas in words joined by
// `-`, so such a path is read a second time with each run-together word parted into the words the plan's own rules
// name (once per path and plan: the answer is remembered with the path's verdict). A run-together path therefore
// blocks exactly where its hyphenated path does, no more: the rules decide, this only restores the separators.

/** The words a plan's blocked-path rules name, read once per plan from their patterns, as a trie of lower-case letters. */
interface TrieNode { readonly next: (TrieNode | undefined)[]; word: boolean }
interface Vocabulary { readonly words: ReadonlySet<string>; readonly root: TrieNode }
const node = (): TrieNode => ({ next: new Array<TrieNode | undefined>(26), word: false });
const vocabularies = new WeakMap<Plan, Vocabulary>();

// Escapes (`\s`, `\u00e9`, `\p{L}`) and character classes stand for no word; what is left between them are the
// patterns' literal letters. A letter before `?` is optional (`appointments?`): both spellings are words.
const NOT_WORDS = /\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\.|\[(?:\\.|[^\]\\])*\]/g;
const LETTERS = /[a-z]+\??/g;
// A stem before a group of endings (`polic(y|ies)`, `schedul(e|ing)`): the stem with each ending is a word too.
const STEM_ENDINGS = /([a-z]{3,})\(((?:[a-z]+\|)*[a-z]+)\)/g;
// The short words a run-together slug joins (`requestarefill`, `paymybill`, `viewmylabresults`). Any other part must be
// at least MIN_PART letters: the patterns' stems and endings (`polic`, `ies`, `licen`, `se`) are no words of a slug, and
// parting `policies` or `license` at them read a public page's own exception away (`/billing/financial-policies`).
const GLUE = ['a', 'an', 'my', 'to', 'of', 'the', 'our', 'and', 'for', 'new', 'pay', 'lab', 'see', 'get', 'add', 'ask', 'rx', 'id', 'med', 'er'];
const MIN_PART = 4;

// Blind pass 46 (H234): a word spelled only through a class of letters (`fattur[ae]`, `appuntament[oi]`, `wizyt[ay]?`)
// is each of its spellings; NOT_WORDS took the class away and left a stem no slug writes (`fattur`), so
// `/pagalafattura` could not part where `/paga-la-fattura` blocks. Only classes of a few plain letters, between letters.
const CLASS_SPELLING = /([a-z]{2,})\[([a-z]{1,6})\](\?)?([a-z]*)/g;

function classSpellings(source: string): string[] {
  const out: string[] = [];
  for (const [, head, letters, optional, tail] of source.matchAll(CLASS_SPELLING)) {
    for (const c of letters) out.push(head + c + tail);
    if (optional !== undefined) out.push(head + tail);
  }
  return out;
}

function vocabularyOf(plan: Plan): Vocabulary {
  let v = vocabularies.get(plan);
  if (v !== undefined) return v;
  const words = new Set<string>(GLUE);
  for (const rule of plan.blocked) {
    for (const m of rule.re.source.toLowerCase().replace(NOT_WORDS, ' ').matchAll(LETTERS)) {
      const w = m[0];
      if (w.endsWith('?')) { words.add(w.slice(0, -1)); if (w.length > 3) words.add(w.slice(0, -2)); } else words.add(w);
    }
  }
  for (const rule of plan.blocked) {
    const source = rule.re.source.toLowerCase();
    for (const [, stem, endings] of source.matchAll(STEM_ENDINGS)) for (const e of endings.split('|')) words.add(stem + e);
    for (const w of classSpellings(source)) words.add(w);
  }
  for (const w of words) if (w.length < MIN_PART && !GLUE.includes(w)) words.delete(w);
  const root = node();
  for (const w of words) {
    if (w.length > MAX_WORD) continue;
    let at = root;
    for (let i = 0; i < w.length; i++) at = at.next[w.charCodeAt(i) - 97] ??= node();
    at.word = true;
  }
  v = { words, root };
  vocabularies.set(plan, v);
  return v;
}

// A word run together is at least two words of the pack (`proxyaccess`); shorter tokens are left as they are, and a
// token longer than a slug's usual words is not parted (its cost is bounded: length × longest word, MAX_WORD).
const MIN_TOKEN = 7;
const MAX_TOKEN = 48;
const MAX_WORD = 24;
const TOKEN = /[a-z]{7,48}/g;
const MAY_PART = /[a-z]{7}/;

/** `token` parted into the fewest vocabulary words that spell it whole (`messagecareteam` → `message-care-team`), or undefined. */
export function partedToken(token: string, vocab: Vocabulary): string | undefined {
  const n = token.length;
  if (n < MIN_TOKEN || n > MAX_TOKEN || vocab.words.has(token)) return undefined;
  // fewest[i]: the fewest words spelling token[0, i); from[i]: where the last of them starts. Each reachable start walks
  // the trie forward, a few letters on most slugs, with no string copied (a new path's cost, once per path and plan).
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  fewest[0] = 0;
  for (let j = 0; j < n; j++) {
    if (fewest[j] === Infinity) continue;
    let at: TrieNode | undefined = vocab.root;
    for (let i = j; i < n && at !== undefined; ) {
      at = at.next[token.charCodeAt(i) - 97];
      i++;
      if (at?.word === true && fewest[j] + 1 < fewest[i]) { fewest[i] = fewest[j] + 1; from[i] = j; }
    }
  }
  if (fewest[n] === Infinity || fewest[n] < 2) return undefined;
  const parts: string[] = [];
  for (let i = n; i > 0; i = from[i]) parts.push(token.slice(from[i], i));
  return parts.reverse().join('-');
}

// New paths mostly repeat their words (`/services/orthopedics/<id>`): each word's parting is remembered per plan (bounded).
const partings = new PlanMemos<string>(4096);
function remembered(token: string, vocab: Vocabulary, memo: ReturnType<typeof partings.of>): string {
  let parted = memo.get(token);
  if (parted === undefined) memo.set(token, (parted = partedToken(token, vocab) ?? token));
  return parted;
}

/** The path with each run-together word parted into the plan's words (`/messagecareteam` → `/message-care-team`), or undefined when none is. */
export function runTogetherParted(path: string, plan: Plan): string | undefined {
  if (!MAY_PART.test(path)) return undefined;
  const vocab = vocabularyOf(plan);
  const tokens = partings.of(plan);
  // Only whole tokens between `/`, `-` or the path's ends: a run of letters inside a word with digits (`report2231x`) is left.
  // The path is copied only when a token parts (most new paths have none that does).
  let out: string | undefined;
  let copied = 0;
  for (const m of path.matchAll(TOKEN)) {
    const at = m.index, t = m[0];
    const before = at === 0 ? '/' : path[at - 1];
    const after = path[at + t.length] ?? '/';
    if ((before !== '/' && before !== '-') || (after !== '/' && after !== '-')) continue;
    const parted = remembered(t, vocab, tokens);
    if (parted === t) continue;
    out = (out ?? '') + path.slice(copied, at) + parted;
    copied = at + t.length;
  }
  return out === undefined ? undefined : out + path.slice(copied);
}

// Blind pass 46 (H234): a run-together word can hold a rule's exception word (`/billing/financialpolicies`): the
// hyphenated page (`/billing/financial-policies`) is public by that rule's own exception, and the same page written
// without separators is the same page. The words inside the rules' negative look-arounds, once per plan.
const exceptionWords = new WeakMap<Plan, ReadonlySet<string>>();
const LOOKAROUND = /\(\?<?!/g;
const PART_SEPARATORS = /[/-]/;
const INNER_LOOKAROUND = /\(\?<?[!=]/g;

function exceptionWordsOf(plan: Plan): ReadonlySet<string> {
  let set = exceptionWords.get(plan);
  if (set !== undefined) return set;
  const words = new Set<string>();
  for (const rule of plan.blocked) {
    const source = rule.re.source.toLowerCase();
    let after = 0;
    for (const m of source.matchAll(LOOKAROUND)) {
      if (m.index < after) continue;
      after = groupEnd(source, m.index);
      const inside = withoutInnerLookarounds(source.slice(m.index + m[0].length, after - 1));
      for (const [, stem, endings] of inside.matchAll(STEM_ENDINGS)) for (const e of endings.split('|')) words.add(stem + e);
      for (const w of inside.replace(NOT_WORDS, ' ').matchAll(LETTERS)) if (w[0].length >= MIN_PART && !w[0].endsWith('?')) words.add(w[0]);
    }
  }
  exceptionWords.set(plan, (set = words));
  return set;
}

// A look-around inside an exception turns it back (`residen(?!tial)`: `residential` is no exception): its words are not
// exception words.
function withoutInnerLookarounds(inside: string): string {
  let out = '';
  let from = 0;
  for (const m of inside.matchAll(INNER_LOOKAROUND)) {
    if (m.index < from) continue;
    out += inside.slice(from, m.index) + ' ';
    from = groupEnd(inside, m.index);
  }
  return out + inside.slice(from);
}

/** Where the group opened at `at` closes (escapes and character classes skipped), or the source's end. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') { while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1; }
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/**
 * The path's run-together words parted when one of them ends in a rule's exception word (`financialpolicies` as
 * `financial-policies`), or undefined. Only the word's end: a parting inside a word (`residential` as `residen-tial`) is
 * a guess, a page's own last word is what it is about.
 */
export function exceptionParted(path: string, plan: Plan): string | undefined {
  const parted = runTogetherParted(path, plan);
  if (parted === undefined) return undefined;
  const except = exceptionWordsOf(plan);
  const segments = path.split('/');
  const partedSegments = parted.split('/');
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === partedSegments[i]) continue;
    const words = segments[i].split('-');
    const partedWords = partedSegments[i].split(PART_SEPARATORS);
    const last = partedWords[partedWords.length - 1];
    if (last.length >= 5 && except.has(last) && !words.includes(last)) return parted;
  }
  return undefined;
}
