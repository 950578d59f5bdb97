import { codeAt, isLetter, lower, matchesAt } from './marker-bits.js';

// `My name is` as visitors of European sites write it, beyond the Spanish, French, German, Italian and
// Portuguese cues person-name.ts has always read (Safe Harbor A):
//  - cues that only ever introduce a name, read as `my name is` (lower-case names too): Polish `nazywam się`,
//    `mam na imię`, Dutch `mijn naam is`, Swedish `mitt namn är`, Norwegian and Danish `mitt/mit navn er`,
//    Portuguese `me chamo`, Czech `jmenuji se` / `jmenuju se`;
//  - cues whose verb also means something else, read only before a capitalised name (person-name.ts's person
//    labels): Dutch `ik heet` (`heet` is also "hot"; `ik heet u welkom` is a welcome), Swedish and Norwegian
//    `jag/jeg heter`, Danish `jeg hedder`.
// Further cues that only ever introduce a name: Romanian `mă numesc`, `numele meu este`, Hungarian `(a) nevem`, Finnish
// `(minun) nimeni on`, Estonian `minu nimi on`, Turkish `benim adım`, `(benim) ismim`, Croatian, Serbian and Bosnian `zovem se`,
// Slovak `volám sa`, Lithuanian `mano vardas (yra)`, Latvian `mani sauc`. Turkish `adım` alone is also "step" (`Adım Adım
// Sağlıklı Yaşam`): it counts only after a greeting's comma or stop (person-name.ts GREETING).
const MORE_NAME_LABEL = 'm(?:ă|a)[ ]numesc[ ]+|numele[ ]meu[ ](?:este|e)[ ]+|(?:a[ ])?nevem[ ]+|(?:minun[ ])?nimeni[ ]on[ ]+|minu[ ]nimi[ ]on[ ]+' +
  '|benim[ ]ad[ıi]m[ ]+|(?:benim[ ])?ismim[ ]+|zovem[ ]se[ ]+|vol(?:á|a)m[ ]sa[ ]+|mano[ ]vardas(?:[ ]yra)?[ ]+|mani[ ]sauc[ ]+' +
  // Indonesian and Malay (blind pass 52, set B: `nama saya Bambang Sutrisno` went out).
  '|nama[ ](?:saya|aku)[ ]+(?:adalah[ ]+|ialah[ ]+)?';
export const FOREIGN_NAME_LABEL =
  'nazywam[ ]si(?:ę|e)[ ]+|mam[ ]na[ ]imi(?:ę|e)[ ]+|mijn[ ]naam[ ]is[ ]+|mitt[ ]namn[ ](?:är|ar)[ ]+|mit+[ ]navn[ ]er[ ]+' +
  '|me[ ]chamo[ ]+|jmenuj(?:i|u)[ ]se[ ]+|' + MORE_NAME_LABEL;
// A letter's closing in other languages before the writer's name (person-name.ts SIGN_OFF; blind pass 52: `Met vriendelijke
// groet,\nJorien van der Kolk` went out): nl, de, fr, it, pt, sv, da/no, pl, cs, hu, tr, es, ro. The prefilter marks the comma or
// line break after the closing's last word (FOREIGN_SIGN_OFF_ENDS, cue-at.ts breakCue).
export const FOREIGN_SIGN_OFF = '(?:met[ ])?(?:vriendelijke|hartelijke)[ ]groet(?:en)?|mvg|(?:mit[ ])?(?:freundlichen|freundliche|vielen|viele|liebe|beste|herzliche)[ ]gr(?:ü|u|ue)(?:ß|ss)(?:e|en)' +
  '|mfg|(?:bien[ ])?cordialement|bien[ ]à[ ]vous|(?:sincères[ ])?salutations|(?:cordiali|distinti)[ ]saluti|atenciosamente|cumprimentos' +
  '|(?:med[ ])?(?:vänliga|venlig|vennlig)[ ](?:hälsningar|hilsen)|mvh|pozdrawiam|z[ ]poważaniem|s[ ]pozdravem|üdvözlettel|saygılarımla' +
  '|un[ ](?:cordial[ ])?saludo|saludos[ ]cordiales|cu[ ](?:stimă|stima)';
// Spelled as the walk's `lower` (c | 0x20) reads every letter, so `ß` and `ă` (which it maps elsewhere) still match.
export const FOREIGN_SIGN_OFF_ENDS: readonly string[] = ['groet', 'groeten', 'mvg', 'grüße', 'grüßen', 'grüsse', 'grüssen', 'gruesse', 'gruessen', 'mfg',
  'cordialement', 'vous', 'salutations', 'saluti', 'atenciosamente', 'cumprimentos', 'hälsningar', 'hilsen', 'mvh', 'pozdrawiam', 'poważaniem',
  'pozdravem', 'üdvözlettel', 'saygılarımla', 'saludo', 'cordiales', 'stimă', 'stima'].map((w) => String.fromCharCode(...[...w].map((ch) => ch.charCodeAt(0) | 0x20)));
export const FOREIGN_NAME_VERB = '(?:ik[ ]heet|j(?:a|e)g[ ]heter|jeg[ ]hedder)[ ]+';

/** NAME_CUE's test at an `n` or `m` the prefilter's walk stops at (nazywam, naam, namn, navn, mam na; the `m` of chamo, jmenuji). */
export function foreignNameCueAt(text: string, i: number): boolean {
  const p1 = lower(codeAt(text, i - 1));
  if (p1 === 106) return matchesAt(text, i - 1, 'jmenuj', true) && !isLetter(codeAt(text, i - 2));
  if (isLetter(p1)) return p1 === 97 && lower(codeAt(text, i - 2)) === 104 && matchesAt(text, i - 3, 'chamo ', true);
  return matchesAt(text, i, 'nazywam ', true) || matchesAt(text, i, 'naam is ', true) || matchesAt(text, i, 'namn ', true)
    || matchesAt(text, i, 'navn er ', true) || matchesAt(text, i, 'mam na imi', true) || matchesAt(text, i, 'mano vardas ', true)
    || matchesAt(text, i, 'mani sauc ', true) || matchesAt(text, i, 'nama saya ', true) || matchesAt(text, i, 'nama aku ', true);
}

const N_WORDS = ['numesc ', 'numele meu ', 'nevem ', 'nimeni on ', 'nimi on '];

/** NAME_CUE's test at the `n` opening numesc, numele, nevem, nimeni, nimi (MORE_NAME_LABEL). */
export function nWordCueAt(text: string, i: number): boolean {
  if (isLetter(codeAt(text, i - 1))) return false;
  for (const w of N_WORDS) if (matchesAt(text, i, w, true)) return true;
  return false;
}

/** NAME_CUE's test at the `v` of `zovem se` and `volám sa`, the `i` of `ismim` and `benim`, the `d` of `adım` (MORE_NAME_LABEL). */
export function letterCueAt(text: string, i: number, at: number): boolean {
  if (at === 118) return (matchesAt(text, i - 2, 'zovem se ', true) && !isLetter(codeAt(text, i - 3)))
    || (!isLetter(codeAt(text, i - 1)) && (matchesAt(text, i, 'volám sa ', true) || matchesAt(text, i, 'volam sa ', true)));
  if (at === 105) return (!isLetter(codeAt(text, i - 1)) && matchesAt(text, i, 'ismim ', true)) || (matchesAt(text, i - 3, 'benim ', true) && !isLetter(codeAt(text, i - 4)));
  return lower(codeAt(text, i - 1)) === 97 && !isLetter(codeAt(text, i - 2)) && (matchesAt(text, i, 'dım ', true) || matchesAt(text, i, 'dim ', true));
}

/** NAME_CUE's test at the `h` of heet, heter, hedder after `ik`, `jag` or `jeg`. */
export function foreignVerbCueAt(text: string, i: number): boolean {
  if (codeAt(text, i - 1) !== 32) return false;
  const verb = matchesAt(text, i, 'heet ', true) || matchesAt(text, i, 'heter ', true) || matchesAt(text, i, 'hedder ', true);
  return verb && (matchesAt(text, i - 3, 'ik', true) || matchesAt(text, i - 4, 'jag', true) || matchesAt(text, i - 4, 'jeg', true));
}

// A heading or slogan that opens with a name cue (`Mă numesc speranță: campanie de donare`, `My name is hope – a campaign`):
// its writer capitalised the cue, and would have capitalised a name; a lower-case word there before a title's `:`, dash or
// `|` is the slogan's own. A visitor's `mă numesc ioana popescu` (all lower case) or a name before more prose is still a name.
const TITLE_BREAK = /^[ ]*(?::|[ ][-\u2013\u2014|][ ])/;
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;

/** Whether the lower-case "name" at `from`..`end` after a capitalised name label at `cue` is a slogan's word (see above). */
export function sloganAfterCue(text: string, cue: number, from: number, end: number): boolean {
  return UPPER_FIRST.test(text.slice(cue, cue + 1)) && LOWER_FIRST.test(text.slice(from, from + 1)) && TITLE_BREAK.test(text.slice(end, end + 4));
}
