// A key as OCR or a hurried typist leaves it (`Pat1ent Name`, `D0B`, `Narne`, `Surnarne`): digits read for the
// letters they look like, inside a word, and `rn` read for `m`; Cyrillic or Greek look-alikes in a Latin key
// (`pаtient_name` with a Cyrillic `а`, pasted or planted) read as the Latin letters they show. The field matcher tries these readings only when
// the key as written matches no rule (field-matcher.ts), so clean keys cost nothing and keep their meaning.

const ASCII_LETTER = /[A-Za-z]/;
const MISREAD_RN = /rn/gi;

const LOOK_ALIKE: Readonly<Record<string, string>> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', 8: 'b' };
// A look-alike digit between two letters (`Pat1ent`, `D0B`, `n4me`); a digit beside a digit or at a word's edge is a number.
const DIGIT_IN_WORD = /(?<=\p{L})[0134578](?=\p{L})/gu;
const MAX_KEY = 40;
// Cyrillic and Greek letters drawn like Latin ones (lower and upper case).
const HOMOGLYPHS = new Map<string, string>([...'аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdοoαaεeιiκkνvρpτtυuχxАAВBЕEКKМMНHОOРPСCТTХXІIЈJΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΧXΥY']
  .flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]] as [string, string]] : [])));
const HOMOGLYPH = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/g;

/** The key with look-alike letters of other scripts read as Latin, when it mixes them with Latin letters. */
function latinReading(key: string): string {
  if (!ASCII_LETTER.test(key) || key.search(HOMOGLYPH) < 0) return key;
  return key.replace(HOMOGLYPH, (c) => HOMOGLYPHS.get(c) ?? c);
}

/** The readings of a misread key, most likely first; empty when the key has nothing to misread. */
export function misreadKeys(key: string): string[] {
  if (key.length > MAX_KEY) return [];
  const base = latinReading(key).replace(DIGIT_IN_WORD, (d) => LOOK_ALIKE[d] ?? d);
  const out = base === key ? [] : [base];
  // Each `rn` alone (`Surnarne` is `Surname`: its first `rn` is a real one), then all of them.
  const at: number[] = [];
  for (let i = base.toLowerCase().indexOf('rn'); i >= 0 && at.length < 3; i = base.toLowerCase().indexOf('rn', i + 2)) at.push(i);
  for (const i of at) out.push(`${base.slice(0, i)}m${base.slice(i + 2)}`);
  if (at.length > 1) out.push(base.replace(MISREAD_RN, 'm'));
  return out;
}
