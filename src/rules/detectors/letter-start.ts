// A cue pattern written as `(?<![\p{L}\p{M}])(?:word|word|…)` is tried by the regex engine at every position whose previous
// character is no letter: spaces, digits and punctuation too (a phone number's `(617) 555-0002` is twelve of them), and at each
// it tries its alternatives one after another (CUE_RE in person-name.ts has about 150). A lookahead for a letter first lets
// those positions fail on one character class (H236: CUE_RE 22.4k -> 15.8k instructions per contact message, callgrind).
// Only for a pattern every match of which begins with a letter (or one of `also`): the lookahead is then implied by the
// match itself, so the matches are the same. tests/rules/letter-start.test.ts compares each with its plain form.

/** Each gated pattern with its plain form (for the test; compiled once at load, never per event). */
export const LETTER_STARTS: { readonly plain: RegExp; readonly gated: RegExp }[] = [];

/** `re` (flags `u`, every match opening with a letter or one of the characters in `also`) tried at letters only. */
export function letterStart(re: RegExp, also = ''): RegExp {
  const extra = [...also].map((c) => `\\${c}`).join('');
  const gated = new RegExp(`(?=[\\p{L}${extra}])${re.source}`, re.flags);
  LETTER_STARTS.push({ plain: re, gated });
  return gated;
}
