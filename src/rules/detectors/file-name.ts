import { isDigitCode, isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { GIVEN_NAMES } from './given-names.js';
import type { Detection } from './types.js';

const FOUR_DIGITS = /^\d{4}$/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;
const LETTERS_AND_APOSTROPHES = /^[A-Za-z']+$/;

// A person's name in a document's file name (Safe Harbor A): `lab-report-Linda-Harrington.pdf`,
// `Jane_Doe_CV.pdf`, `Statement_DOE_JANE_2026-03.pdf`, `Marcus Webb - intake form.docx`. No
// dictionary of names: a pair of capitalised words (`Linda-Harrington`) beside a document word
// (`report`, `CV`, `intake`) or a date, or a pair of upper-case words beside a document word
// (acronyms such as `HIPAA_NPP_2026` have no document word). Words a site's own file names are
// made of (`Heart-Health-Guide`, `New-Patient-Forms-2026`) are never name words, and a provider
// (`Dr-Jane-Lee-CV`, `Jane-Lee-MD-CV`) is not a patient. A lower-case pair (`lab-results-jane-doe.pdf`,
// `doe_jane_discharge_summary.pdf`, `Scan 2026-03-14 jane doe.jpg`) looks like any slug, so it is
// read only beside a word of a patient's own document (results, summary, intake...) or after a
// number, and neither word may have the ending of a common noun or adjective (`-tion`, `-ing`...);
// image paths with a cue are photo-path.ts's.
// A record's data export or archive too (`123456789_jane-doe_labresults.json`, `doe_jane_ccd.xml`, `jane-doe-records.zip`).
const EXTS = ['pdf', 'docx', 'doc', 'xlsx', 'xls', 'rtf', 'odt', 'txt', 'csv', 'jpg', 'jpeg', 'png', 'heic', 'tif', 'json', 'xml', 'zip', 'hl7', 'dcm'];
// The extensions by first letter: a host's `.com` or `.org` costs one short list, `.example` none.
const BY_FIRST: readonly (readonly string[])[] = Array.from({ length: 26 }, (_, l) => EXTS.filter((e) => e.charCodeAt(0) - 97 === l));
const FIRST = EXTS.reduce((m, e) => m | (1 << (e.charCodeAt(0) - 97)), 0);

/** Whether the dot at `i` starts a file extension this module reads (the prefilter's NAME_CUE). */
export function fileExtAt(text: string, i: number): boolean {
  const l = lower(codeAt(text, i + 1)) - 97;
  if (l < 0 || l > 25 || ((FIRST >> l) & 1) === 0 || i === 0) return false;
  const exts = BY_FIRST[l];
  for (let k = 0; k < exts.length; k++) {
    const ext = exts[k];
    if (!matchesAt(text, i + 1, ext, true)) continue;
    const after = codeAt(text, i + 1 + ext.length);
    if (!isLetter(after) && !isDigitCode(after)) return true;
  }
  return false;
}

const FILE_RE = /[^\s/\\?#&=:"'<>|]{3,120}\.(?:pdf|docx?|xlsx?|rtf|odt|txt|csv|jpe?g|png|heic|tif|json|xml|zip|hl7|dcm)(?![A-Za-z0-9])/gi;
// A whole value that is a file name may have spaces in it (`Marcus Webb - intake form.docx`).
const WHOLE_FILE_RE = /^[^/\\?#&=:"<>|\n]{3,120}\.(?:pdf|docx?|xlsx?|rtf|odt|txt|csv|jpe?g|png|heic|tif|json|xml|zip|hl7|dcm)$/i;
const WORD_RE = /[A-Za-z0-9']+/g;
export const CAPITALISED = /^[A-Z][a-z']+$/;
const UPPER = /^[A-Z]{2,}$/;
const LOWER = /^[a-z][a-z']{2,}$/;
const NOUN_ENDING = /(?:tion|sion|ment|ing|ity|ness|ive|ance|ence|ogy|ics|ical|ism|ist|able|ible|ous|ful|less|ure|ary|ery|age|ship|hood)$/;
const NUMBER = /^\d+$/;
// A patient's own documents (a site's forms, `registration-form.pdf`, are not among them).
const PATIENT_DOC = new Set(('report reports cv resume statement invoice bill receipt record records result results lab labs intake referral ' +
  'letter id scan xray mri ct rx prescription claim eob summary discharge chart notes note consent visit imaging pathology biopsy signed ' +
  // A patient's result photos (`jane-doe-before-after.jpg`, `doe-jane-progress.png`).
  'before after beforeafter progress ' +
  // The same glued, as exports name them (`labresults`, `dischargesummary`), and a record's exchange formats (`ccd`, `ccda`, `fhir`).
  'labresults labresult labreport testresults dischargesummary medicalrecords healthrecords ccd ccda fhir export ' +
  // Tests a patient sends the results of (`ahmed.farouk.bloodwork.xlsx`).
  'bloodwork labwork bloodtest ultrasound mammogram ekg ecg').split(' '));
const DATE_WORD = /^(?:\d{4}|\d{6}|\d{8})$/;
const STANDARD_CHARGES = /[_-]standard[_-]?charges$/i;

const DOC = new Set(('report reports cv resume statement invoice bill billing receipt record records result results lab labs form forms ' +
  'intake referral letter card id scan xray mri ct rx prescription claim claims eob summary discharge chart notes note consent visit ' +
  'authorization registration history questionnaire assessment eval evaluation imaging pathology biopsy vaccination immunization ' +
  'immunizations certificate license passport insurance signed signature application transcript headshot headshots selfie ' +
  'before after beforeafter progress').split(' '));
const STOP = new Set(('new patient patients health heart care guide guides annual brochure policy notice privacy rights medical clinic ' +
  'clinics center centre services service price prices pricing list menu flyer map maps schedule open enrollment benefits plan plans welcome ' +
  'packet financial assistance quick start fact facts sheet handbook visitor visitors information info update newsletter spring summer ' +
  'fall winter january february march april may june july august september october november december jan feb mar apr jun jul aug sep ' +
  'sept oct nov dec monday tuesday wednesday thursday friday saturday sunday the and our your my of for to in on at with family medicine ' +
  'primary urgent pediatric pediatrics women womens men mens child children kids senior seniors wellness nutrition diabetes cancer flu ' +
  'vaccine vaccines covid mental behavioral dental vision eye skin sleep weight pain back physical therapy home hospital free final draft ' +
  'copy version updated revised sample template blank fillable printable english spanish full page front side edition official standard ' +
  'general community public online terms conditions conduct code board staff team provider providers doctor doctors nurse physician ' +
  'directory location locations hours contact about us faq faqs tips checklist overview introduction getting started how what why fee ' +
  'fees cost costs coverage network accepted rates employee employer member members job jobs careers career position description press ' +
  'release news event events class classes program programs support group groups resource resources booklet poster logo brand style ' +
  'healthy living life better good best day week month year office campus building parking directions main street north south east ' +
  'west city county state portal hipaa npp ada aca gdpr pdf doc dr mr mrs ms prof md ' +
  // Specialties and plans a site titles its forms with (`Summit-Orthopedics-Referral-Form`, `Medicare-Advantage-Summary`).
  'cardiology orthopedics orthopedic oncology neurology dermatology radiology obstetrics gynecology urology gastroenterology ' +
  'endocrinology pulmonology rheumatology nephrology ophthalmology audiology hearing spine sports surgery surgical emergency ' +
  'maternity birth labor rehab rehabilitation hospice palliative transplant vascular stroke trauma wound infusion dialysis allergy ' +
  'immunology psychiatry psychology counseling medicare medicaid advantage supplement aetna cigna humana kaiser anthem regence ' +
  'tricare blue cross shield united healthcare estimate faith transparency surprise act').split(' '));
/** A word a site's own titles are made of (`Health`, `Guide`, `March`), never a name word. */
export function commonWord(lower: string): boolean {
  return STOP.has(lower) || DOC.has(lower);
}

const PROVIDER_BEFORE = new Set(['dr', 'doctor', 'prof', 'professor', 'nurse', 'np', 'pa']);
const PROVIDER_AFTER = new Set(['md', 'do', 'np', 'pa', 'rn', 'dds', 'dmd', 'phd', 'pharmd', 'dnp', 'fnp', 'lcsw', 'psyd', 'od']);

interface Word { readonly s: number; readonly e: number; readonly w: string }

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const re = resetAt(WORD_RE, from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) out.push({ s: m.index, e: Math.min(to, m.index + m[0].length), w: m[0] });
  return out;
}

function nameWord(w: string, upper: boolean): boolean {
  return (upper ? UPPER.test(w) : CAPITALISED.test(w)) && !STOP.has(w.toLowerCase()) && !DOC.has(w.toLowerCase());
}

const lowerWord = (w: string): boolean => LOWER.test(w) && !STOP.has(w) && !DOC.has(w) && !NOUN_ENDING.test(w);

/** A lower-case pair beside a patient's document word, or after a number (a date, a scan's). */
function lowerPair(ws: readonly Word[], i: number): boolean {
  if (!lowerWord(ws[i].w) || !lowerWord(ws[i + 1].w)) return false;
  const before = i > 0 ? ws[i - 1].w : '';
  const after = i + 2 < ws.length ? ws[i + 2].w : '';
  if (PROVIDER_BEFORE.has(before) || PROVIDER_AFTER.has(after)) return false;
  return PATIENT_DOC.has(before) || PATIENT_DOC.has(after) || NUMBER.test(before);
}

/** A date written in parts (`2026-03-14`, read as three words) just before word `i`. */
function datePartsBefore(ws: readonly Word[], i: number): boolean {
  return i >= 3 && FOUR_DIGITS.test(ws[i - 3].w) && ONE_OR_TWO_DIGITS.test(ws[i - 2].w) && ONE_OR_TWO_DIGITS.test(ws[i - 1].w);
}

// A portrait's or headshot's file named for whom it shows, the stem nothing but the photo word and a pair of name words (and a
// number or a size): `rosalind-thornbury-portrait.jpg`, `portrait-of-cordelia-wexbrooke-2026.jpg`, `Headshot_Ignatius_Pemberworth`;
// `portrait-mode-photography-tips.jpg` and `team-headshot-placeholder.svg` have more words, or a site's own.
const PHOTO_WORD = /^(?:portraits?|headshots?)$/i;
const STEM_EXTRA = /^(?:\d+|\d+x\d+|v\d+|final|edit|edited|web|hi|hires|lowres|crop|cropped|square|small|large|thumb)$/i;

/** The index of the name pair in a portrait's stem (see above), or -1. */
function photoPair(ws: readonly Word[]): number {
  const core = ws.filter((w) => !STEM_EXTRA.test(w.w));
  if (core.length < 3 || core.length > 4) return -1;
  const first = PHOTO_WORD.test(core[0].w);
  if (!first && !PHOTO_WORD.test(core[core.length - 1].w)) return -1;
  const pair = first ? core.slice(core.length === 4 && core[1].w.toLowerCase() === 'of' ? 2 : 1) : core.slice(0, core.length - 1);
  if (pair.length !== 2 || pair.some((w) => !lowerWord(w.w.toLowerCase()) || !LETTERS_AND_APOSTROPHES.test(w.w))) return -1;
  return ws.indexOf(pair[0]);
}

// English words open with these pairs of consonants; a login made of an initial and a surname (`jsmith`, `dpatel`) seldom does.
// Greek and Latin onsets and a `y` as a vowel count too (`rhinoplasty`, `pterygium`, `hysterectomy`), and so do clinical endings.
const ENGLISH_ONSET = /^(?:bl|br|ch|cl|cr|dr|fl|fr|gl|gr|kn|ph|pl|pr|sc|sh|sk|sl|sm|sn|sp|st|sw|th|tr|tw|wh|wr|qu|gn|ps|pn|sq|rh|pt|mn|dw|ts|kh|zh|.y)/;
const CLINICAL_ENDING = /(?:ectomy|otomy|ostomy|plasty|scopy|gram|graphy|itis|osis|emia|pathy|therapy|ology|ysis)$/;
const LOGIN = /^[b-df-hj-np-tv-z]{2}[a-z]{3,12}$/;
const VOWEL = /[aeiouy]/;

/** A login shaped as an initial and a surname (`dpatel`, `mgarcia`), not an English word nor a test's acronym (`cbc`, `mthfr`). */
export function loginShaped(word: string): boolean {
  const w = word.toLowerCase();
  return LOGIN.test(w) && !ENGLISH_ONSET.test(w) && VOWEL.test(w.slice(2)) && !commonWord(w) && !NOUN_ENDING.test(w) && !CLINICAL_ENDING.test(w);
}

// A login beside a document's words is its owner's (`jsmith-labresults-2024-03-05.pdf`, `consent-form-signed-jlopez.pdf`,
// `tbrooks-vaccine-record.png`): the stem holds a document word and nothing but the login, common words and numbers.
function loginInStem(ws: readonly Word[]): number {
  let login = -1, doc = false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i].w.toLowerCase();
    if (DOC.has(w) || PATIENT_DOC.has(w)) doc = true;
    else if (login < 0 && loginShaped(w)) login = i;
    else if (!STOP.has(w) && !NUMBER.test(w) && !STEM_EXTRA.test(w)) return -1;
  }
  return doc ? login : -1;
}

// `records_for_Nakamura_Keiko.zip`, `Letter to Dr Lee re Beatrix Holloway.docx`: a pair after `for`, `re` or `of` names
// whom an earlier document word's document is for.
const FOR_WORDS: ReadonlySet<string> = new Set(['for', 're', 'of', 'from']);
const PLURAL_S = /s$/;
const docForPair = (ws: readonly Word[], i: number): boolean =>
  i >= 2 && FOR_WORDS.has(ws[i - 1].w.toLowerCase()) && ws.slice(0, i - 1).some((w) => DOC.has(w.w.toLowerCase().replace(PLURAL_S, '')));

// A given name and a surname in brackets of their own say whose file it is (`colonoscopy prep (Winston Achebe).pdf`; `Guide
// (Large Print).pdf` has no given name).
const bracketedName = (text: string, ws: readonly Word[], i: number): boolean =>
  codeAt(text, ws[i].s - 1) === 40 && codeAt(text, ws[i + 1].e) === 41 && ws[i + 1].s - ws[i].e === 1 &&
  nameWord(ws[i].w, false) && nameWord(ws[i + 1].w, false) && GIVEN_NAMES.has(ws[i].w.toLowerCase());

/** A name-shaped pair in the file stem [from, to) beside a document word (or a date, for capitalised pairs). */
function scanStem(text: string, from: number, to: number, out: Detection[], kind: string): void {
  // A hospital's price-transparency file (CMS: `<EIN>_<hospital-name>_standardcharges.json`) names the hospital (price-file.ts).
  if (STANDARD_CHARGES.test(text.slice(from, to))) return;
  const ws = words(text, from, to);
  const photo = photoPair(ws);
  if (photo >= 0) { out.push({ start: ws[photo].s, end: ws[photo + 1].e, kind }); return; }
  const login = loginInStem(ws);
  if (login >= 0) { out.push({ start: ws[login].s, end: ws[login].e, kind }); return; }
  for (let i = 0; i + 1 < ws.length; i++) {
    if (lowerPair(ws, i) || bracketedName(text, ws, i)) { out.push({ start: ws[i].s, end: ws[i + 1].e, kind }); i++; continue; }
    const upper = UPPER.test(ws[i].w);
    // A record's `DOE_Jane` (or `Jane_DOE`) reads as a capitalised pair.
    const mixed = upper !== UPPER.test(ws[i + 1].w) && nameWord(ws[i].w, upper) && nameWord(ws[i + 1].w, !upper);
    if (!mixed && (!nameWord(ws[i].w, upper) || !nameWord(ws[i + 1].w, upper))) continue;
    const before = i > 0 ? ws[i - 1].w.toLowerCase() : '';
    const after = i + 2 < ws.length ? ws[i + 2].w.toLowerCase() : '';
    if (PROVIDER_BEFORE.has(before) || PROVIDER_AFTER.has(after)) continue;
    const doc = DOC.has(before) || DOC.has(after) || docForPair(ws, i);
    if (!doc && ((upper && !mixed) || !(DATE_WORD.test(before) || DATE_WORD.test(after) || datePartsBefore(ws, i)))) continue;
    out.push({ start: ws[i].s, end: ws[i + 1].e, kind });
    i++;
  }
}

// A file name with spaces after the word that says it is one (`attachment: Robert Chen - referral.docx`, `see attached
// (Marguerite Olsen) prior auth.pdf`), read whole as WHOLE_FILE_RE reads a value that is nothing else.
const LABELLED_FILE_RE = /(?<![A-Za-z])(?:attachment|attached|file(?:[ _-]?name)?|document|upload(?:ed)?)s?[ ]*[:=]?[ ]*([^\n/\\?#&=:"<>|]{3,120}?\.(?:pdf|docx?|xlsx?|rtf|odt|txt|csv|jpe?g|png|heic|tif|json|xml|zip|hl7|dcm))(?![A-Za-z0-9])/gi;

/** Person names in document file names (see above); the caller gates on fileExtAt. */
export function scanFileNames(text: string, out: Detection[], kind: string): void {
  if (WHOLE_FILE_RE.test(text)) { scanStem(text, 0, text.lastIndexOf('.'), out, kind); return; }
  const labelled = resetAt(LABELLED_FILE_RE, 0);
  let l: RegExpExecArray | null;
  while ((l = labelled.exec(text)) !== null) {
    const start = l.index + l[0].length - (l[1] as string).length;
    scanStem(text, start, l.index + l[0].lastIndexOf('.'), out, kind);
  }
  const re = resetAt(FILE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) scanStem(text, m.index, m.index + m[0].lastIndexOf('.'), out, kind);
}
