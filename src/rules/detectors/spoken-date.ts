import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

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
// A birth word before the date, within BIRTH_REACH characters.
const BIRTH_RE = /(?<![\p{L}])(?:born|birth\p{L}*|dob|d\.o\.b|b-?day|geboren|geburts?\p{L}*|n\u00e9e?|naissance|nacimiento|nac\u00ed|nacid[oa]|nascita|nat[oa]|geboorte\p{L}*)(?![\p{L}])/iu;
const BIRTH_REACH = 80;
const MAY_HOLD = /(?:born|birth|dob|d\.o\.b|b-?day|geb|n\u00e9|naissance|naci|nasc|nat[oa]|geboorte)/i;

function scan(text: string, out: Detection[], kind: string): void {
  if (!MAY_HOLD.test(text)) return;
  const re = resetAt(SPOKEN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (BIRTH_RE.test(text.slice(Math.max(0, m.index - BIRTH_REACH), m.index))) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** A birth date's day and month in words near a birth word (see above). */
export const spokenDateDetector = defineDetector('spoken_date', '[DATE]', 'C', scan);
