import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

const NOT_WORD_CHARS = /[^\p{L}\p{N}']+/u;

// A birth date said in words, as a voice transcript or a dictated note writes it (Safe Harbor C): `march third
// nineteen sixty one`, `the third of March sixty-one`, `July twenty second`, German `dritten März`, French `trois
// mars`, Spanish `cinco de agosto`. The day and month go (the year alone may stay, as `year` does for dates).
// Only near a birth word before it (born, birth, DOB, geboren, Geburtsdatum, née, naissance, nacimiento, nascita),
// so `the March third banner` or `May first sale` stay. The prefilter runs it on every text of 12 characters or more
// (its own precheck, MAY_HOLD, is the gate: prefilter.ts).
const EN_MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const EN_UNIT = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)';
const EN_DAY = `(?:(?:twenty|thirty)[ -]?${EN_UNIT}|${EN_UNIT}|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|` +
  'ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty)';
const DE_MONTH = '(?:januar|j\u00e4nner|februar|m\u00e4rz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)';
// German ordinals end in -te/-ste with a case ending (`dritten`, `einundzwanzigsten`, `erste`).
const DE_DAY = '(?:\\p{L}{2,24}?(?:te|ste)[nrm]?\\.?)';
const FR_MONTH = '(?:janvier|f\u00e9vrier|fevrier|mars|avril|mai|juin|juillet|ao\u00fbt|aout|septembre|octobre|novembre|d\u00e9cembre|decembre)';
const FR_DAY = '(?:premier|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|' +
  'vingt(?:[ -]et[ -]un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[ -]et[ -]un)?)';
const ES_MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';
const ES_DAY = '(?:primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|diecis\u00e9is|dieciseis|diecisiete|' +
  'dieciocho|diecinueve|veinte|veinti\\p{L}{3,6}|treinta(?:[ ]y[ ]uno)?)';
const SPOKEN_RE = new RegExp(
  `(?<![\\p{L}])(?:${EN_MONTH}[ ,]+(?:the[ ]+)?${EN_DAY}|(?:the[ ]+)?${EN_DAY}[ ]+(?:day[ ]+)?of[ ]+${EN_MONTH}|${DE_DAY}[ ]+${DE_MONTH}` +
  `|${FR_DAY}[ ]+${FR_MONTH}|${ES_DAY}[ ]+de[ ]+${ES_MONTH})(?![\\p{L}])`,
  'giu',
);
// A birth word before the date, within BIRTH_REACH characters; spaced or dashed `d o b`, `d-o-b` (speech to text, OCR) too.
const BIRTH_RE = /(?<![\p{L}])(?:(born|n\u00e9e?|geboren|nacid[oa]|nat[oa])|birth\p{L}*|d[ .-]?o[ .-]?b|b-?day|geburts?\p{L}*|naissance|nacimiento|nac\u00ed|nascita|geboorte\p{L}*)(?![\p{L}])/giu;
const BIRTH_REACH = 80;
const MAY_HOLD = /(?:born|birth|d[ .-]?o[ .-]?b|b-?day|geb|n\u00e9|naissance|naci|nasc|nat[oa]|geboorte)/i;
// What may stand between a birth word and its date: verbs, articles and fillers (`date of birth is`, `born on the`,
// `Geburtsdatum ist der`, `née le`, `uh`). A birth word that opens a song, film or product title has other words there
// (`born to run sale starts may first`, `Born in the USA tribute night june fourth`): its date is an event's, not a birth's.
const LINK = new Set(['is', 'was', 'on', 'the', 'of', 'in', 'at', 'a', 'my', 'his', 'her', 'their', 'your', 'date', 'day', 'its', "it's", 'it',
  'um', 'uh', 'er', 'erm', 'like', 'yeah', 'so', 'and', 'be', 'would', 'ist', 'der', 'den', 'am', 'war', 'le', 'la', 'est', 'el', 'es', 'fue',
  'de', 'du', 'il', 'op', 'van', 'dem', 'des', 'al', 'del', 'ngày']);
// A participle (`born`, `née`) reads as someone's birth with its subject before it (`I was born`, `baby boy born`); a
// title's `Born` has none. Then up to two other words may stand in the gap (`was born in Boston on march third`).
const SUBJECT_BEFORE = /(?:^|[^\p{L}])(?:was|were|is|am|been|being|i|he|she|you|we|they|baby|boy|girl|son|daughter|child|patient|who|which)[ ]+$/iu;

/** Whether the birth word `m` (ending at `end`) and a date starting at `at` belong together (see LINK). */
function linked(text: string, m: RegExpExecArray, end: number, at: number): boolean {
  let others = 0;
  for (const w of text.slice(end, at).toLowerCase().split(NOT_WORD_CHARS)) if (w !== '' && !LINK.has(w)) others++;
  if (others === 0) return true;
  const participle = m[1] !== undefined;
  return others <= 2 && (!participle || SUBJECT_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)));
}

/** Whether a birth word within BIRTH_REACH before `at` belongs to the date there. */
function birthBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - BIRTH_REACH);
  const re = resetAt(BIRTH_RE, 0);
  const window = text.slice(from, at);
  let m: RegExpExecArray | null;
  while ((m = re.exec(window)) !== null) if (linked(window, m, m.index + m[0].length, window.length)) return true;
  return false;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!MAY_HOLD.test(text)) return;
  const re = resetAt(SPOKEN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (birthBefore(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** A birth date's day and month in words near a birth word (see above). */
export const spokenDateDetector = defineDetector('spoken_date', '[DATE]', 'C', scan);
