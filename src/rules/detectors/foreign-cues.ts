import { isLetter, lower, matchesAt } from './marker-bits.js';

// `My name is` as visitors of European sites write it, beyond the Spanish, French, German, Italian and
// Portuguese cues person-name.ts has always read (Safe Harbor A):
//  - cues that only ever introduce a name, read as `my name is` (lower-case names too): Polish `nazywam się`,
//    `mam na imię`, Dutch `mijn naam is`, Swedish `mitt namn är`, Norwegian and Danish `mitt/mit navn er`,
//    Portuguese `me chamo`, Czech `jmenuji se` / `jmenuju se`;
//  - cues whose verb also means something else, read only before a capitalised name (person-name.ts's person
//    labels): Dutch `ik heet` (`heet` is also "hot"; `ik heet u welkom` is a welcome), Swedish and Norwegian
//    `jag/jeg heter`, Danish `jeg hedder`.
export const FOREIGN_NAME_LABEL =
  'nazywam[ ]si(?:ę|e)[ ]+|mam[ ]na[ ]imi(?:ę|e)[ ]+|mijn[ ]naam[ ]is[ ]+|mitt[ ]namn[ ](?:är|ar)[ ]+|mit+[ ]navn[ ]er[ ]+' +
  '|me[ ]chamo[ ]+|jmenuj(?:i|u)[ ]se[ ]+';
export const FOREIGN_NAME_VERB = '(?:ik[ ]heet|j(?:a|e)g[ ]heter|jeg[ ]hedder)[ ]+';

/** NAME_CUE's test at an `n` or `m` the prefilter's walk stops at (nazywam, naam, namn, navn, mam na; the `m` of chamo, jmenuji). */
export function foreignNameCueAt(text: string, i: number): boolean {
  const p1 = lower(text.charCodeAt(i - 1));
  if (p1 === 106) return matchesAt(text, i - 1, 'jmenuj', true) && !isLetter(text.charCodeAt(i - 2));
  if (isLetter(p1)) return p1 === 97 && lower(text.charCodeAt(i - 2)) === 104 && matchesAt(text, i - 3, 'chamo ', true);
  return matchesAt(text, i, 'nazywam ', true) || matchesAt(text, i, 'naam is ', true) || matchesAt(text, i, 'namn ', true)
    || matchesAt(text, i, 'navn er ', true) || matchesAt(text, i, 'mam na imi', true);
}

/** NAME_CUE's test at the `h` of heet, heter, hedder after `ik`, `jag` or `jeg`. */
export function foreignVerbCueAt(text: string, i: number): boolean {
  if (text.charCodeAt(i - 1) !== 32) return false;
  const verb = matchesAt(text, i, 'heet ', true) || matchesAt(text, i, 'heter ', true) || matchesAt(text, i, 'hedder ', true);
  return verb && (matchesAt(text, i - 3, 'ik', true) || matchesAt(text, i - 4, 'jag', true) || matchesAt(text, i - 4, 'jeg', true));
}
