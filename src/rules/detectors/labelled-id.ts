import { defineDetector } from './define.js';
import { countDigits, hasDigits, isAsciiLetter, isDigit, resetAt } from './scan.js';
import { scanUkPlates } from './uk-plate.js';
import { scanEuPlates } from './eu-plate.js';
import type { Detection } from './types.js';
import { STATE_CODE, STATE_NAME } from './zip.js';
import { ibanEnd } from './iban.js';
import { scanAccessIds } from './access-ids.js';
import { scanDeviceSerials } from './device-serial.js';
import { scanCellIds } from './cell-ids.js';
import { scanNationalIds } from './national-ids.js';

const LABEL_SEPARATOR = /[:#=]|%3[AaDd]|%23/;

// Labels are kept tight: generic words ("group", "account", "policy") need a number-ish suffix so
// analytics keys like `groupId` or `accountType` are not treated as identifiers.
const ID_SUFFIX = '[ _-]?(?:identifier|id|number|num|nbr|no|#)';
const NUM_SUFFIX = '[ _-]?(?:number|num|nbr|no|#)';
// A visitor's own case with the site (R); its label takes a number (caseValue).
const CASE_WORDS = 'ticket|confirmation|referral|authori[sz]ation|prior[ ]auth|pre-?auth|reservation|booking|grievance|complaint|incident|appeal';
// Generic words that label an id only with `:`, `#` or `=` after them (scan()).
// Words of a bill or a plan's membership that label a number with a space alone (probe 49); as a case's label, not a word or a
// year after them (`tener en cuenta el 2024`, `la póliza 2026` stay).
const BILL_WORDS = 'cuenta|reclamaci[óo]n|afiliad[oa]|p[óo]liza|versicherten(?:nummer|[ _-]?nr\\.?)|versicherungsnummer|mitgliedsnummer|' +
  'n[úu]mero[ ]de[ ](?:socio|miembro|benefici[áa]rio)';
const BARE_WORDS = ['policy', 'member', 'subscriber', 'beneficiary', 'insurance', 'claim', 'patient', 'group', 'account', 'medicaid', 'medicare',
  'transmitter', 'accession', 'specimen', 'ticket', 'confirmation', 'referral'];
const LABEL =
  '(?:' +
  [
    `mrn(?:${ID_SUFFIX})?`,
    `mr${ID_SUFFIX}`,
    // Its letters spaced or dotted, as OCR and some EHR printouts give them (`M.R.N. 0091-7734`, `M R N 00482913`).
    `m[ .]{1,2}r[ .]{1,2}n\\.?(?:${ID_SUFFIX})?`,
    `med(?:ical)?[ ._-]{0,2}rec(?:ord)?s?(?:${ID_SUFFIX})?`,
    // Record numbers under a site's own word: `chart #`, `Hospital No`, `Pt ID`, `case no.`.
    `(?:chart|hospital|hosp|pt|case|visit|encounter|admission|record|file)${ID_SUFFIX}`,
    // Spanish-speaking sites: expediente, historia clinica, NHC (numero de historia clinica).
    'expediente|historia[ _-]?cl[ií]nica|nhc',
    // A bill's, claim's or plan membership's number in a statement's words and other languages (probe 49: `Claim ID CLM746261`,
    // `Statement # BA-400306`, `Guarantor # …`, `Cuenta BA-615338`, `Nº afiliado - YEH583525`, `Versichertennummer - A50297079`).
    `(?:claim|statement|stmt|guarantor)${ID_SUFFIX}`,
    BILL_WORDS,
    // The same record's number in de, nl, sv, it, pl, pt, tr (blind pass 52: `Patientennummer 00884213` went out).
    'patient(?:en)?[ _-]?(?:nummer|nr\\.?)|pati[eë]nt(?:en)?nummer|fall(?:nummer|[ _-]nr\\.?)|aufnahme(?:nummer|[ _-]?nr\\.?)|journalnummer|' +
      'numero[ ](?:di[ ])?cartella(?:[ ]clinica)?|(?:numer|nr)[ ](?:pacjenta|historii[ ]choroby)|prontu[áa]rio|hasta[ ](?:no|numaras[ıi])|protokol[ ]no',
    // National identity numbers of other countries, under their own names (CPF, RUT and BSN are
    // long numbers already: a label here would cover only their first groups).
    `dni|nie|curp|pesel|personnummer|codice[ _-]?fiscale|ahv(?:[ _-]?nr\\.?)?|nino|ni[ _-]?(?:number|no)|insee`,
    `(?:patient|member|mbr|enrollee|insured|subscriber|insurance|beneficiary|device|medicaid|medicare|health[ _-]?plan)${ID_SUFFIX}`,
    // An implanted or worn device's own id (M): `transmitter ID 8GM4K2`, `pump SN 88173`, `pacemaker serial # …`.
    `(?:transmitter|sensor|pump|pacemaker|defibrillator|icd|implant|receiver|pdm|cgm)(?:${ID_SUFFIX}|[ _-]?(?:serial|s[./]?n\\.?)(?:${NUM_SUFFIX})?)`,
    // A state's Medicaid or CHIP programme named as the label (I): `AHCCCS ID: A02206312`, `TennCare #…`, `SoonerCare member
    // id …`, `Apple Health (ProviderOne) client id …`.
    '(?:ahcccs|masshealth|medi-?cal|tenncare|soonercare|badgercare|kancare|mainecare|husky|peachcare|hoosier[ ]?healthwise|' +
      'mo[ ]?healthnet|healthy[ ]louisiana|providerone|familycare|centennial[ ]care|med-?quest|star[ ]?plus|denali[ ]kidcare|' +
      `healthy[ ]connections|chip)\\)?(?:[ ](?:client|member|recipient|beneficiary|card))?${ID_SUFFIX}`,
    // Abbreviated with a full stop too (`Pol. No.`, `Grp. #`, `Acct. No.`, `Cert. No. 88-2241-A`).
    `(?:policy|pol\\.|group|grp\\.?|account|claim)${NUM_SUFFIX}`,
    // Medi-Cal's Benefits Identification Card number (`BIC 94418823A`); a bank's SWIFT BIC has too few digits.
    `bic(?:${NUM_SUFFIX})?(?=[\\s:#=]{1,4}[0-9])`,
    // Certificate and licence numbers (K): `cert # 882134`, `Certificate number CA-778812`.
    `(?:acct\\.?|licen[cs]e|passport|serial|plate|cert(?:ificate|\\.)?)(?:${NUM_SUFFIX})?`,
    // Passports in other languages (`Reisepass-Nr.`, `Reisepassnummer`, `Pass-Nr.`, `pasaporte n.º`, `passeport n°`).
    `(?:reisepass|pasaporte|passeport|passaporto|paspoort)(?:[ _-]?(?:nummer|number|nr|no|n[.]?[°º]|num|#))?|pass(?:[ _-]?nr\\.?|nummer)`,
    // Plates under other words, one token (`tag # 7ABC123`, `Kennzeichen: BMW1234`); grouped values are scanPlates'.
    `(?:kennzeichen|kenteken|immatriculation|matr[ií]cula|rego|placa|targa|plaque)(?:${NUM_SUFFIX})?|(?:tag|reg(?:istration)?)${NUM_SUFFIX}`,
    `lic\\.?${NUM_SUFFIX}`,
    // Serial numbers and driving licences in other languages (`n° de série HA-77321-KF`, `número de serie`, `numer seryjny`,
    // `permiso de conducir 48271936Q`, `permis de conduire`, `prawo jazdy`, `rijbewijsnummer`, `körkort`, `ehliyet`).
    `(?:(?:n[°º.o]?|num[ée]ro|n[úu]mero|nr\\.?|numer)[ ](?:de[ ]|di[ ])?s[ée]rie|(?:numer|nr)[ ]seryjny|seri(?:e|en)nummer|sarjanumero|` +
      `s[ée]riov[ée][ ][čc][íi]slo|seri[ ](?:no|numaras[ıi])|num[ăa]r(?:ul)?[ ]de[ ]serie|gy[áa]ri[ ]sz[áa]m|` +
      `(?:permiso|carn[ée]t?|licencia)[ ]de[ ]conducir|licen[çc]a[ ]de[ ]condu[çc][ãa]o|permis[ ]de[ ]conduire|carta[ ]de[ ]condu[çc][ãa]o|carteira[ ]de[ ]motorista|prawo[ ]jazdy|` +
      `rijbewijs(?:nummer)?|f(?:ü|ue)hrerschein|k[öo]rkort(?:snummer)?|ajokortti|[řr][íi]di[čc]sk[ýy][ ]pr[ůu]kaz|jogos[íi]tv[áa]ny|ehliyet|` +
      `permis(?:ul)?[ ]de[ ]conducere)(?:[ _-]?(?:nr\\.?|no\\.?|n[.]?[°º]|num|number|#|n[úu]mero|numer))?`,
    // A biometric template's or enrolment's id (P): `fingerprint template id FPT-8821-QX-4471`, `voiceprint no. VP-…`.
    `(?:finger[ ]?print|voice[ ]?print|face[ ]?(?:print|template)|iris|retina|palm[ ]?print|palm[ ]?vein|biometric)(?:[ ]template)?${ID_SUFFIX}`,
    // A lab's specimen ids (R): `Accession no. S26-012345`, `lab accession #: 26-CH-004512`, `Specimen ID 26-0041882`.
    `(?:accession|specimen)${ID_SUFFIX}`,
    // A prescription's or a prior authorization's number at the pharmacy or the plan (`prescription #RX-554433`, `Rx # 554433`,
    // `auth # PA-778812`).
    `(?:prescription|rx|auth)${ID_SUFFIX}`,
    // A visitor's own case with the site (R): a support ticket, a booking's confirmation, a referral, a plan's authorization, a
    // grievance (`Ticket #: 48213`, `Confirmation #: 7Q2HB4K`, `Referral number R-260441`, `booking reference: 8XK2P7Q`).
    // Not a shop's order (`Order #4471`: order ids pass, README) nor a count (`Ticket #3 of 5`: three digits at least).
    `(?:${CASE_WORDS})${ID_SUFFIX}`,
    '(?:booking|reservation)[ ]ref(?:erence)?|confirmation[ ]code',
    // Ids of the person at work, school or a program: `Employee ID: E-040223`, `badge # 4471`.
    `(?:employee|emp|staff|badge|applicant|candidate|donor|student)${ID_SUFFIX}`,
    // Device serials printed as `SN G7X87109`, `S/N: 88213`, `S.N. 20260090A`.
    's[./]?n\\.?',
    'dl#?',
    // Bare generic words last (the suffixed forms above win): scan() wants `:`, `#` or `=` after them.
    BARE_WORDS.join('|'),
  ].join('|') +
  ')';
// Between label and value: spaces, `:`, `#`, `=`, `.`, quotes (JSON), `+` and their URL escapes, and a table's `|` between
// the label's cell and the value's (`| Member ID | W12345678 |`).
// A US licence or plate may name its state first (`lic. no. WA DOEJA123XY`): two letters before a 4+ character value are skipped.
const SEPARATOR = '(?:[\\s:#=."\'+|\\-]|%3[AaDd]|%2[023]){0,8}(?:[A-Z]{2} (?=[A-Za-z0-9*]{4}))?';
// The value: 4-30 id characters, not continuing into a longer token; a value printed in
// groups (`0105 5433`, `01.126.704`, `ABC 0108 7109`) takes up to three more digit groups, and a
// masked one (`***4623`) still shows digits that identify.
const VALUE = '(?:[A-Za-z0-9][A-Za-z0-9-]{1,29}|[*\u2022]{2,12}[0-9]{3,12})(?:[ .][0-9]{2,12}){0,3}';
const LABELLED_RE = new RegExp(`(?<![A-Za-z])(${LABEL})(${SEPARATOR})(${VALUE})(?![A-Za-z0-9-])`, 'gi');

const BARE = new Set(BARE_WORDS);

// Plates are printed in groups (`ABC 1234`, `7 ABC 123`), which the one-token value above
// cannot span: after a plate label, up to three short groups with 2+ digits among them (a Polish plate's second group has
// five: `WX 48271`).
// Other words for a plate: the registration (`reg: AB12 CDE`, `rego`), a US `tag` (`tag #`, `Oregon
// tag 412 KLM`), and other languages' (Kennzeichen, matrícula, immatriculation, plaque, targa, placa, kenteken).
// `tag` and `reg` are common words: they need a number word or `:`/`#` after them, or a state
// or a vehicle word before them (see tagOfVehicle).
const PLATE_WORDS = 'plate|rego|kennzeichen|matr[ií]cula|immatriculation|plaque|targa|placa|kenteken|' +
  // Polish, Czech, Slovak, Hungarian, Turkish, Romanian, Finnish and Nordic plate words (`nr rejestracyjny WX 48271`, `SPZ 1AB 2345`).
  '(?:nr|numer)[ ]rej(?:estracyjny|\\.)|tablica[ ]rejestracyjna|rejestracja|spz|e[čc]v|rendsz[áa]m|plaka|[îi]nmatriculare|rekisterinumero|rekkari|' +
  'registreringsnummer|reg\\.?[ ]?nr|(?:tag|reg(?:istration)?)(?=[ _-]?(?:number|num|nbr|no\\b|#)|[ \\t]*[:#])|(tag|reg(?:istration)?)';
const PLATE_RE = new RegExp(
  `(?<![A-Za-z])(?:${PLATE_WORDS})(?:[ _-]?(?:number|num|nbr|no|#))?(?:[\\s:#=."'+-]|%3[AaDd]|%2[023]){1,8}([A-Za-z0-9]{1,4}(?:[ -][A-Za-z0-9]{1,5}){1,2})(?![A-Za-z0-9])`,
  'gi',
);
const PLATE_HINT = /plate|tag|reg|kenn|matr|immat|plaq|targa|placa|kente|rej|spz|[eě][čc]v|rendsz|plaka|nmatric|rekist|rekkari/i;
const VEHICLE_BEFORE = new RegExp(`(?:car|vehicle|auto|truck|van|motorcycle|licen[cs]e|${STATE_NAME})[ \\t]*$`, 'i');
const STATE_BEFORE = new RegExp(`(?<![A-Za-z])(?:${STATE_CODE})[ \\t]*$`);

/** A bare `tag` (`reg`) names a plate after a state or a vehicle word (`OR tag`, `Oregon tag`, `car reg`), not in `price tag 25`. */
function tagOfVehicle(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 18), at);
  return VEHICLE_BEFORE.test(before) || STATE_BEFORE.test(before);
}

// A bare `tag` before one token shaped as a US plate (5-8 letters and digits, 2+ digits and a letter: `permit
// for tag 4GHT882`); `price tag 25`, `tag v20250`, a year's `tag 2026Q4` stay.
const TAG_PLATE_RE = /(?<![A-Za-z])tag[ ]+(?![Vv][0-9]|(?:19|20)[0-9]{2})(?=(?:[A-Za-z]*[0-9]){2})(?=[0-9]*[A-Za-z])([A-Za-z0-9]{5,8})(?![A-Za-z0-9.-])/gi;

// A plate written in capitals and digits ends before a lower-case word the group shape would take as its last group:
// the sentence going on (`matrícula 1234 BCD el parking`, `nr rejestracyjny WX 48271 na parking`). A plate typed all in
// lower case keeps its groups (nothing tells its last one from a word).
const TRAILING_WORD = /[ -]\p{Ll}+$/u;
const LOWER = /\p{Ll}/u;

/** The length of a plate's value without the lower-case words that follow a capitals-and-digits plate. */
function plateLength(value: string): number {
  let v = value;
  for (let cut = TRAILING_WORD.exec(v); cut !== null && !LOWER.test(v.slice(0, cut.index)); cut = TRAILING_WORD.exec(v)) v = v.slice(0, cut.index);
  return v.length;
}

function scanPlates(text: string, out: Detection[], kind: string, mark: number): void {
  if (!PLATE_HINT.test(text)) return;
  const tags = resetAt(TAG_PLATE_RE, 0);
  let t: RegExpExecArray | null;
  while ((t = tags.exec(text)) !== null) out.push({ start: t.index + t[0].length - t[1].length, end: t.index + t[0].length, kind });
  const re = resetAt(PLATE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined && !tagOfVehicle(text, m.index)) { re.lastIndex = m.index + 1; continue; }
    const start = m.index + m[0].length - m[2].length;
    const end = start + plateLength(m[2]);
    // A grouped value (`plate: KTX 4410`) may have been found whole by the main scan already.
    let seen = false;
    for (let i = mark; i < out.length && !seen; i++) seen = out[i].start === start && out[i].end === end;
    if (!seen && countDigits(text, start, end) >= 2) out.push({ start, end, kind });
  }
}

// A login or screen name after its label (R): `user: rosie_f75`, `username=kwasante1961`, `login: purplefalcon77`.
// The value must hold two digits, as handles people pick do (the prefilter's gate asks as much), so `user: guest`
// and `login: required` stay.
const USERNAME_RE = /(?<![A-Za-z])(?:user(?:[ _-]?name)?|login|screen[ _-]?name|gamer[ _-]?tag)[ ]*[:=][ ]*(?=(?:[A-Za-z_.-]*[0-9]){2})([A-Za-z0-9_][A-Za-z0-9_.-]{1,30}[A-Za-z0-9_])(?![A-Za-z0-9_@.-])/gi;
const USER_HINT = /user|login|screen|gamer/i;

function scanUsernames(text: string, out: Detection[], kind: string): void {
  if (!USER_HINT.test(text)) return;
  const re = resetAt(USERNAME_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
}

/**
 * `Policy: HMO-5521` labels a value; `policy 2024` or `patient 3` is prose. On an insurance card copied out,
 * a bare `Group` after a member's or policy's labelled number is the card's group number too (`Member ID
 * W772913455, Group 4471120`, five digits or more): `afterId` says such a number was found earlier in the text.
 */
function announces(label: string, sep: string, afterId: boolean, digits: number): boolean {
  const lower = label.toLowerCase();
  if (!BARE.has(lower)) return true;
  return LABEL_SEPARATOR.test(sep) || (afterId && lower === 'group' && digits >= 5);
}

// A case's label takes a number, not a word before one nor a year (`Confirmation: sent 2026`, `incident number 2026` stay).
const CASE_LABEL = new RegExp(`^(?:${CASE_WORDS}|${BILL_WORDS})`, 'i');
const WORD_THEN_NUMBER = /^[A-Za-z]+ /;
const YEAR = /^(?:19|20)[0-9]{2}$/;

// Under any label, a lower-case word of four letters or more before a number is prose, not the id (`passport renewal 2026`,
// `license renewal 2027`); an id typed in lower case has digits in its first group (`mrn ab12 3456`).
const PROSE_THEN_NUMBER = /^[a-z]{4,} /;

function caseValue(label: string, value: string): boolean {
  if (PROSE_THEN_NUMBER.test(value)) return false;
  return !CASE_LABEL.test(label) || (!WORD_THEN_NUMBER.test(value) && !YEAR.test(value));
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 7) return;
  const mark = out.length;
  // A UK registration has two digits only (`reg: AB12 CDE`): plates are looked for with two.
  scanUsernames(text, out, kind);
  scanDeviceSerials(text, out, kind); // `Seriennummer des Messgeräts: GM82K44`, `cgm transmitter 8G1234` (device-serial.ts)
  scanUkPlates(text, out, kind); // `parked in bay 4, LB07 SEO`: a UK registration without its label (uk-plate.ts)
  scanEuPlates(text, out, kind); // `mein Auto (M-KL 4821)`: a European one after its vehicle's word (eu-plate.ts)
  if (!hasDigits(text, 3)) { scanPlates(text, out, kind, mark); return; }
  scanAccessIds(text, out, kind); // `Número de miembro`, `회원번호`, `رقم الملف الطبي`, `serial … is QX7F4K92` (access-ids.ts)
  scanCellIds(text, out, kind); // `Member | ID H44182071`: a bare `ID` in a card's or table's cell (cell-ids.ts)
  scanNationalIds(text, out, kind); // `QQ 12 34 56 C`, `1234567T`, `12.345.678-5`, `DNI N° 27.845.119` (national-ids.ts)
  const re = resetAt(LABELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const label = m[1];
    const sep = m[2];
    const tokenStart = m.index + label.length + sep.length;
    let tokenEnd = m.index + m[0].length;
    while (text.charCodeAt(tokenEnd - 1) === 45) tokenEnd--;
    // An IBAN in groups is longer than the value's pattern reaches (`Account number: ES91 2100 0418 4502 0005 1332`).
    tokenEnd = Math.max(tokenEnd, ibanEnd(text, tokenStart));
    const digits = countDigits(text, tokenStart, tokenEnd);
    if (tokenEnd - tokenStart < 4 || digits < 3 || !announces(label, sep, out.length > mark, digits) || !caseValue(label, text.slice(tokenStart, tokenEnd))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    // Glued forms (`MRN12345678`, `MRN-12345678`) are one token: redact it whole. A value glued
    // to a word must start with a digit, or `plateau123` would read as `plate` + `au123`.
    // (A label ending in `#`, as in `Member #W123`, already separates.)
    const wordLabel = isAsciiLetter(label.charCodeAt(label.length - 1));
    const glued = wordLabel && (sep === '' || sep === '-');
    if (wordLabel && sep === '' && !isDigit(text.charCodeAt(tokenStart))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: glued ? m.index : tokenStart, end: tokenEnd, kind });
  }
  if (text.indexOf('(21)') >= 0) scanUdiSerial(text, out, kind);
  else if (text.indexOf(' 21') >= 0) scanSpacedUdiSerial(text, out, kind);
  scanPlates(text, out, kind, mark);
}

// A device's UDI in GS1 form (`(01)00812345678905(17)271231(21)A7Q2209`): the (01) device id names
// the model, the (21) serial number is this one device (M).
const UDI_SERIAL_RE = /\(21\)([A-Za-z0-9][A-Za-z0-9-]{0,19})/g;
function scanUdiSerial(text: string, out: Detection[], kind: string): void {
  const re = resetAt(UDI_SERIAL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + 4, end: m.index + m[0].length, kind });
}

// The same element string printed under a barcode with spaces for parentheses (`01 00812345678905
// 17 271231 10 LOT7 21 A7Q2209`), or run together up to a space before the serial
// (`0100812345678905 17271231 21A7Q2209`): the GTIN, dates (6 digits), a lot or other AIs, then (21) the serial.
const UDI_SPACED_RE = /(?<![0-9A-Za-z])01 ?[0-9]{14}(?: ?1[1-7] ?[0-9]{6}| (?:10|2[2-3]|24[01]|30) [!-~]{1,20})* 21 ?([!-~]{1,20})/g;
function scanSpacedUdiSerial(text: string, out: Detection[], kind: string): void {
  const re = resetAt(UDI_SPACED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
}

/**
 * Identifiers announced by a label (H-M, R): MRN, member/policy/account/claim numbers, licences,
 * passports, serials, plates... The detection covers the value only (`MRN: [ID]`), except for
 * glued tokens like `MRN-12345678`, which are covered whole.
 */
export const labelledIdDetector = defineDetector('labelled_id', '[ID]', 'H/I/J/K/L/M/R', scan);
