import type { Plan } from '../rules/plan.js';

// Blind pass 45 (H232): sites and CMS slugs write a visitor's own areas with the words run together in lower case
// (`/messagecareteam`, `/medicalrecordsrequest`, `/proxyaccess/request`, `/telehealthroom/join`); the canonical path
// folds case, so the camel-case turns that would part them are gone. The pack names those areas in words joined by
// `-`, so such a path is read a second time with each run-together word parted into the words the plan's own rules
// name (once per path and plan: the answer is remembered with the path's verdict). A run-together path therefore
// blocks exactly where its hyphenated path does, no more: the rules decide, this only restores the separators.

/** The words a plan's blocked-path rules name, read once per plan from their patterns. */
interface Vocabulary { readonly words: ReadonlySet<string>; readonly longest: number }
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
    for (const [, stem, endings] of rule.re.source.toLowerCase().matchAll(STEM_ENDINGS)) for (const e of endings.split('|')) words.add(stem + e);
  }
  for (const w of words) if (w.length < MIN_PART && !GLUE.includes(w)) words.delete(w);
  let longest = 0;
  for (const w of words) if (w.length > longest) longest = w.length;
  v = { words, longest: Math.min(longest, MAX_WORD) };
  vocabularies.set(plan, v);
  return v;
}

// A word run together is at least two words of the pack (`proxyaccess`); shorter tokens are left as they are, and a
// token longer than a slug's usual words is not parted (its cost is bounded: length × longest word).
const MIN_TOKEN = 7;
const MAX_TOKEN = 48;
const MAX_WORD = 24;
const TOKEN = /[a-z]{7,48}/g;
const MAY_PART = /[a-z]{7}/;

/** `token` parted into the fewest vocabulary words that spell it whole (`messagecareteam` → `message-care-team`), or undefined. */
export function partedToken(token: string, vocab: Vocabulary): string | undefined {
  const n = token.length;
  if (n < MIN_TOKEN || n > MAX_TOKEN || vocab.words.has(token)) return undefined;
  // fewest[i]: the fewest words spelling token[0, i); from[i]: where the last of them starts.
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  fewest[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - vocab.longest); j < i; j++) {
      if (fewest[j] + 1 < fewest[i] && vocab.words.has(token.slice(j, i))) { fewest[i] = fewest[j] + 1; from[i] = j; }
    }
  }
  if (fewest[n] === Infinity || fewest[n] < 2) return undefined;
  const parts: string[] = [];
  for (let i = n; i > 0; i = from[i]) parts.push(token.slice(from[i], i));
  return parts.reverse().join('-');
}

/** The path with each run-together word parted into the plan's words (`/messagecareteam` → `/message-care-team`), or undefined when none is. */
export function runTogetherParted(path: string, plan: Plan): string | undefined {
  if (!MAY_PART.test(path)) return undefined;
  const vocab = vocabularyOf(plan);
  // Only whole tokens between `/`, `-` or the path's ends: a run of letters inside a word with digits (`report2231x`) is left.
  const parted = path.replace(TOKEN, (t, at: number) => {
    const before = at === 0 ? '/' : path[at - 1];
    const after = path[at + t.length] ?? '/';
    return (before === '/' || before === '-') && (after === '/' || after === '-') ? partedToken(t, vocab) ?? t : t;
  });
  return parted === path ? undefined : parted;
}
