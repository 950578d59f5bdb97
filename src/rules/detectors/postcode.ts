import { codeAt } from '../../common/code-at.js';
import { defineDetector } from './define.js';
import { isAsciiAlnum, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';
import { scanLabelledPostcodes } from './postcode-label.js';

// Postal codes of other countries written in text (Safe Harbor B: a geographic subdivision
// smaller than a state; ZIP-3's exception is for US ZIPs only). A full UK postcode covers about
// fifteen addresses, a Canadian one a street side, an Irish Eircode one address. Each format is
// read with its own letters, and with the space between its halves (glued, they are ids):
// UK `SW1A 2AA`, `M1 1AE` (the area is one of the 124 postcode areas; the inward letters never
// use C, I, K, M, O or V); Canada `K1A 0B1`; Ireland `D02 X285`.
const UK_AREAS =
  'AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|' +
  'GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|' +
  'OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE';
// `M2 8GB`, `M1 2TB` are chips and storage sizes, `B1 2nd floor` an ordinal, not postcodes: inward
// units that end in a byte unit or spell an ordinal are left.
const UK = `(?:${UK_AREAS})(?:[0-9][0-9]?|[0-9][A-Z]) (?![0-9][KMGT]B|1ST|2ND|3RD|[04-9]TH)[0-9][ABD-HJLNP-UW-Z]{2}`;
const CA = '[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]';
// Eircode: a routing key and a four-character unique part with a letter and a digit in it.
const IE = '(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[0-9])(?=[0-9]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}';
const POSTCODE_RE = new RegExp(`(?<![A-Za-z0-9])(?:${UK}|${CA}|${IE})(?![A-Za-z0-9])`, 'gi');

// Glued (`m5v3l9`), a Canadian code is read only after a word that says postcode (`postal code
// t2p1j9`, `code postal: H2X1Y4`); alone it is as likely a product or booking code.
const CA_CUED_RE = /(?<![A-Za-z])(?:postal|post|zip|code[ _-]?postal)(?:[ _-]?code)?[ \t]*[:#=]?[ \t]*([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9])(?![A-Za-z0-9])/gi;
const CUE_HINT = /post|zip/i;

// Brazil's CEP `01310-100` (5 digits, a dash, 3) covers a street or a stretch of one. The shape
// alone is as likely an order or part number, so it is read only after a state code at an address
// tail (`São Paulo - SP, 01310-100`, `Rio de Janeiro, RJ 20040-020`) or after the word CEP.
const BR_STATES = 'AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO';
const CEP_RE = new RegExp(`(?:(?<![A-Za-z])[Cc][Ee][Pp] ?[:#=]? ?|(?<![A-Za-z])(?:${BR_STATES}),? ?-? ?)([0-9]{5}-[0-9]{3})(?![0-9A-Za-z]|-[0-9])`, 'g');

// Australia's four-digit postcode after a state code at an address tail (`Toowong QLD 4066`,
// `Parramatta, NSW 2150`): a capitalised suburb, the state in capitals, the digits. Alone, four
// digits are a year, a count or a model number; `NSW 2026 budget` without a suburb before it stays.
// A year followed by a word naming an event or a season (`Sydney NSW 2026 conference`, `Melbourne VIC 2027
// Summit`, `Perth WA 2026 marathon`) is the event's year: no address goes on with such a word.
const AU_RE = /(?<=\p{Lu}[\p{Ll}'.-]+,?[ \t]+)(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+([0-9]{4})(?![0-9A-Za-z])/gu;
const EVENT_AFTER = new RegExp('[ \\t]+(?:conferences?|summit|expo|congress|symposium|forum|convention|meeting|meetup|gala|festival|fair|' +
  'awards?|marathon|fun[ \\t]?run|games|championships?|cup|open|tour|roadshow|workshops?|retreat|season|budget|election|programm?e?|' +
  'series|showcase|show|week|day|challenge|report|plan|strategy|census)(?![\\p{L}])', 'iuy');

/** Four digits standing alone after a space and a capital letter (`QLD 4066`): AU_RE's cheap precheck. */
function auShape(text: string): boolean {
  for (let i = text.indexOf(' ', 3); i > 0 && i + 4 <= text.length; i = text.indexOf(' ', i + 1)) {
    const b = codeAt(text, i - 1);
    if (b < 65 || b > 90 || !isDigit(codeAt(text, i + 1)) || !isDigit(codeAt(text, i + 4))) continue;
    if (!isDigit(codeAt(text, i + 5))) return true;
  }
  return false;
}

/** A dash with five digits before it and three after (`01310-100`): CEP_RE's cheap precheck. */
function cepShape(text: string): boolean {
  for (let i = text.indexOf('-', 5); i > 0 && i + 3 < text.length; i = text.indexOf('-', i + 1)) {
    if (isDigit(codeAt(text, i + 3)) && isDigit(codeAt(text, i - 5)) && isDigit(codeAt(text, i - 1)) && isDigit(codeAt(text, i + 1))) return true;
  }
  return false;
}

/** A space between two short tokens that have digits near it (`1A 2A`, `K1A 0B1`, `D02 X285`): every format above has one. */
function mayHold(text: string): boolean {
  for (let i = text.indexOf(' ', 1); i > 0 && i + 1 < text.length; i = text.indexOf(' ', i + 1)) {
    const a = codeAt(text, i - 1);
    const b = codeAt(text, i + 1);
    if (!isAsciiAlnum(a) || !isAsciiAlnum(b)) continue;
    if (!isDigit(a) && !isDigit(codeAt(text, i - 2))) continue;
    if (isDigit(b) || isDigit(codeAt(text, i + 2)) || isDigit(codeAt(text, i + 3))) return true;
  }
  return false;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 6) return;
  let m: RegExpExecArray | null;
  if (mayHold(text)) {
    const re = resetAt(POSTCODE_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (text.length >= 12 && cepShape(text)) {
    const cep = resetAt(CEP_RE, 0);
    while ((m = cep.exec(text)) !== null) out.push({ start: m.index + m[0].length - 9, end: m.index + m[0].length, kind });
  }
  if (text.length >= 12 && auShape(text)) {
    const au = resetAt(AU_RE, 0);
    while ((m = au.exec(text)) !== null) {
      const end = m.index + m[0].length;
      if (!resetAt(EVENT_AFTER, end).test(text)) out.push({ start: end - 4, end, kind });
    }
  }
  scanLabelledPostcodes(text, out, kind);
  if (text.length < 10 || !CUE_HINT.test(text)) return;
  const cued = resetAt(CA_CUED_RE, 0);
  while ((m = cued.exec(text)) !== null) out.push({ start: m.index + m[0].length - 6, end: m.index + m[0].length, kind });
}

/** UK, Canadian, Irish, (at an address tail or after CEP) Brazilian and (after their label) other countries' postal codes (B). */
export const postcodeDetector = defineDetector('postcode', '[POSTCODE]', 'B', scan);
