import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import { letterStart } from './letter-start.js';
import { commonWord, scanFileNames } from './file-name.js';
import { giftItem, goodsWord, scanGiftItem, titleWord } from './item-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { scanMixedNames, scanRecordNames } from './record-name.js';
import { bareName, labelName } from './bare-name.js';
import { scanNameCues } from './name-cues.js';
import { FOREIGN_NAME_LABEL, FOREIGN_NAME_VERB, FOREIGN_SIGN_OFF, sloganAfterCue } from './foreign-cues.js';
import { scanFamilyNames } from './family-name.js';
import { scanListedNames } from './listed-name.js';
import { caselessName } from './caseless-name.js';
import { nameWord, verbLike } from './verb-name.js';
import { CARE_WORDS, LEADING_PARTICLES, NAME_PARTICLES, NAME_STOPS, TITLE_STOP } from './name-words.js';
import { KIN, KIN_NAME_OWNER, KIN_OWNER, NAME_IS_CONTRACTED, kinNameEnd, scanKinIs } from './kin-name.js';
import { surnameFirstEnd } from './surname-first.js';
import type { Detection } from './types.js';

const SELF_INTRODUCTION_VERB = /^[ ]+(?:calling|speaking|here|again)(?![a-z])/;
const NAME_END_OR_INTRODUCTION = /^(?:$|[ ]*[,.!;\n]|[ ]+(?:calling|speaking|here|from|with|again)(?![a-z]))/;
// A line ends at a line break, in HTML too (`Jane Doe</p>`, `Jane Doe<br>`): a ticket's or a mail's body sent as markup.
const SPACES_DOTS_BANGS_TO_LINE_END = /^[ .!]*(?:$|\n|<\/?(?:br|p|div)[ />])/;
const NAME_PART_SEPARATORS = /[ ,.]+/;

// Names in free text, found only after a cue that says a name follows (Safe Harbor A; no
// dictionary of names, except the common given names that tell `Doe, Jane` from `Portland, Oregon`,
// record-name.ts): `my name is Jane Doe`, `Name: Jane Doe`, `Pt name - Jane Doe`,
// `Nombre: Juana Pérez`, `me llamo Juana`, `Patient: Jane Doe`, `I'm Jane Doe`, `this is Jane
// Doe calling`, `Sincerely, Jane Doe`. Groups tell the cues apart:
//  1 a name label (`my name is`, `full name:`, `Name:` opening the text): lower case names too;
//  2 a person label with `:`, `=` or a dash (`Patient:`, `Caller =`), 3 `I'm` / `I am`,
//  4 `this is` (then `calling`, `here`, a comma... or the end), 5 a sign-off before a comma
//    or line break (the name then ends the line): capitalised names whose first word is not
//    a common title word (`Patient: Portal`, `I'm Looking For...`, `This is Your Health`).
// Whose name a label names: mine, the patient's, a relative's... `ich heiße` also bids (`Ich heiße Sie willkommen`): no pronoun is a name.
const OWNER = "my|your|his|her|their|full|first|last|legal|patient'?s?|pt'?s?|caller'?s?|member|contact|parent|guardian|spouse|child'?s?|mother'?s?|father'?s?|customer|client|guest|visitor|recipient|sender";
const NAME_LABEL =
  `(?:(?:${OWNER}|${KIN_NAME_OWNER}[ ](?:full|first|last|legal|given)?)[ _-]?name|mi[ ]nombre|nombre(?:[ ](?:del[ ]paciente|completo))?)(?:[ ]*[:=\\u2013-][ ]*|[ ]+(?:is|es)[ ]+|(?<=name)${NAME_IS_CONTRACTED})` +
  "|me[ ]llamo[ ]+|je[ ]m['\u2019]appelle[ ]+|ich[ ]hei(?:ß|ss)e[ ]+(?!(?:sie|ihn|ihnen|euch|dich|dir|du|uns|alle|jeden|jede|es|das)(?![\\p{L}]))|mein[ ]name[ ]ist[ ]+|mi[ ]chiamo[ ]+|(?:meu|mon|il[ ]mio)[ ]nom(?:e)?[ ](?:é|est|è)[ ]+|" + FOREIGN_NAME_LABEL +
  "|(?:^|(?<=[,;|\\n([{\"'][ ]?))(?:name|nom|nome)[ ]*[:=][ ]*";
// A relative, guarantor or other party of a registration or a claim, and who a card or parcel goes to
// (`Responsible party: …`, `Emergency contact - …`, `Card to: …`, `Ship to: …`).
// A form's signature line in other languages too (`Firma: Rodrigo Arriaga`, `Signé : Océane Rousseau`, `Assinatura: …`: probe 49).
const PARTY = '(?:responsible[ ]party|guarantor|subscriber|dependent|insured|beneficiary|recipient|employer|(?:policy|card|account)[ ]?holder|(?:card|ship|deliver|send|bill)[ ]to|' +
  'firma|firmado[ ]por|sign[ée]|signature|assinatura|assinado[ ]por|unterschrift)';
const FOREIGN_HONORIFIC = '(?:herr|frau|se\u00f1ora?|sra\\.?|sr\\.|srta\\.?|monsieur|madame|mme\\.?|mlle\\.?|dhr\\.?|mevr\\.?|mevrouw|meneer)';
const PERSON_LABEL =
  '(?:patient|pt|paciente)[ ]*[:=\\u2013-][ ]*|(?:caller|guardian|spouse|next[ ]of[ ]kin|emergency[ ]contact|attn|attention|' + PARTY + '|' + KIN + ')(?:[ ]*[:=\\u2013][ ]*|[ ]+-[ ]+)' +
  // A relative named in passing (`my husband John Smith`), an honorific (`Mrs. Jane Doe`), a salutation (`Dear Jane Doe`).
  '|' + FOREIGN_NAME_VERB + '|' + KIN_OWNER + '[ ]' + KIN + '[ ]*,?[ ]+|our[ ]' + KIN + '[ ]*,[ ]+|' + KIN + '[ ]?\\(|(?:mrs?|ms)\\.?[ ]+|dear[ ]+' +
  // The same honorifics in other languages (`Herr Kleinschmidt`, `Sra. Echeverría`, `Mme Durand`, `Dhr. de Vries`): their
  // names are judged word by word (HONORIFIC_RE), so `Sr. Wellness Walk` (senior) stays.
  '|' + FOREIGN_HONORIFIC + '[ ]+';
const PATIENT_LABEL = /^(?:patient|pt|paciente)/i; const DOCTOR_TITLE = /^(?:dr\.?|doctor|dra\.?|prof\.?)[ ]+(?=\p{Lu})/iu;
const HONORIFIC_RE = new RegExp(`^${FOREIGN_HONORIFIC}[ ]+$`, 'iu');
const SIGN_OFF =
  '(?:sincerely|(?:best|kind|warm(?:est)?)[ ]regards|regards|thanks|thank[ ]you|cheers|best|respectfully|atentamente|saludos|cordialmente|signed|' + FOREIGN_SIGN_OFF + ')[ ]*[,\\n]' +
  // The name's line may open after markup (`Thanks,<br>`, `Best,<br/>`, `Regards,</p><p>`, `Kind regards,</div><div>`).
  '(?:[ \\n]|<\\/?(?:br|p|div)[ ]?\\/?>)*';
// A greeting or a delivery names a person after it (`Happy 90th birthday Jane Doe!`, `Get well soon,
// Jane Doe`, `Deliver to Jane Doe (Room 412)`): read only as a given name and a surname (group 6).
const GREETING =
  '(?:happy[ ](?:[0-9]{1,3}(?:st|nd|rd|th)[ ])?(?:birthday|anniversary|retirement)|get[ ]well(?:[ ]soon)?|deliver(?:ed|y)?[ ]to)[ ]*[,!:-]?[ ]*' +
  // `I am` in es, pt, fr, de, it (`Hola, soy María José de la Cruz`, `sou a Ana Souza`, `je suis Jean-Luc O'Brien`, `ich bin Hans Müller`)
  // and `it's me` (`c'est moi, Apolline Roux`, `sono io, Ludovica Sacco`): a given name and a surname too, so `je suis Prête` stays.
  // `soy` is English too (`Soy Protein Shake`): `soy`, `sou`, `sono` and Turkish `adım` (my name; also "step", never before another) count after a greeting's comma or stop, or `yo`/`eu`/`io`.
  "|(?:c['\u2019]est[ ]moi|sono[ ]io|soy[ ]yo|sou[ ]eu)[ ]*[,!:-]?[ ]+" +
  "|(?:(?<=[,;.!?][ ]?|(?:yo|eu|io)[ ])(?:soy|sou(?:[ ][ao](?=[ ]))?|sono|ad[ıi]m(?![ ]+ad[ıi]m))|je[ ]suis|ich[ ]bin)[ ]+";
// A mail signature's delimiter (`-- ` on its own line, RFC 3676) is a sign-off too.
// A voicemail may open with a greeting and the caller's name before `calling` (`Hey, Ottoline Marchbanks calling again`,
// `Good morning, Jane Doe calling about…`): group 7, a full name that `calling` must follow.
const CALLER_GREETING = '(?:hi|hello|hey|good[ ](?:morning|afternoon|evening))(?:[ ]*[,!.])?[ ]+';
const CALLING_TAIL = /^[ ]+calling(?![a-z])/i;
// Every cue opens with a letter, or a signature's `--` (letter-start.ts).
const CUE_RE = letterStart(new RegExp(
  `(?<![\\p{L}\\p{M}])(?:(${NAME_LABEL})|(${PERSON_LABEL})|([Ii](?:'|\\u2019)m[ ]+|I[ ]am[ ]+)|(this[ ]is[ ]+|it['\\u2019]?s[ ]+|name[ ]is[ ]+)|(${SIGN_OFF}|--[ ]?\\r?\\n[ \\n]*)|(${GREETING})|(${CALLER_GREETING}))`,
  'giu',
), '-');

// A chat transcript names its speaker beside a clock, at the start of a line: `[10:02] Jane Doe: ...`
// (group 1: the clock before) or `Jane Doe (10:02 AM): ...` (group 2: the name before the clock).
// A chat export may date the line too (`[11/03/26, 10:02:15] Jane Doe:`).
const CLOCK = '[[(](?:\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4},?[ ])?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ ]?[AaPp][Mm])?[\\])]';
const SPEAKER_RE = new RegExp(`(?:^|\\n)[ \\t]*(?:(${CLOCK}[ \\t-]*)|(?=(\\p{Lu}[^:\\n\\[(]{0,60}?)[ ]?${CLOCK}:))`, 'gu');

function scanSpeakers(text: string, out: Detection[], kind: string): void {
  const re = resetAt(SPEAKER_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end > from && (m[1] === undefined ? end === from + m[2].length : text.charCodeAt(end) === 58)) out.push({ start: from, end, kind });
    if (re.lastIndex === m.index) re.lastIndex++;
  }
}
const UPPER = /\p{Lu}/u;
const VIETNAMESE_MIDDLE: ReadonlySet<string> = new Set(['thị', 'văn']);
const LETTER = /[\p{L}\p{M}]/u;
const PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'los', 'las', 'du', 'dos', 'das', 'do', 'ter', 'ten', 'bin', 'ibn', 'al', ...NAME_PARTICLES]);
// Words that end a name: joiners, pronouns and what callers say after their name.
const STOP = new Set([
  'and', 'or', 'i', 'my', 'is', 'am', 'from', 'calling', 'speaking', 'here', 'with', 'the', 'a', 'an', 'for', 'to', 'at',
  'in', 'on', 'of', 'please', 'thanks', 'thank', 'y', 'soy', 'me', 'und', 'en', 'och', 'og', 'et', 'e', 'și', 'şi', 'si', 'ja', 'és', 've', 'ir', 'un', 'again', 'required', 'optional', 'none', 'unknown', 'spelled', 'spelling', 'spelt',
  // An honorific is a cue of its own (`Dear Mr. Okafor`: the name is the word after it).
  'mr', 'mrs', 'ms', 'mx', 'miss', ...NAME_STOPS,
  // Initials run together that are a place's or a time's (`I'm U.S. based`), not a person's (`J.R. Smith`).
  'u.s.', 'u.s.a.', 'u.k.', 'e.u.', 'd.c.', 'n.y.', 'l.a.', 'a.m.', 'p.m.',
]);

/** Whether the UTF-16 unit at `at` is a letter or a mark (LETTER); an ASCII unit is answered without the regex. */
function letterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c | 0x20) >= 97 && (c | 0x20) <= 122;
  return LETTER.test(text[at]);
}

/** End of the word starting at `i` (letters and marks, inner `'`, `’` or `-`, an initial's dot). */
function wordEnd(text: string, i: number): number {
  let e = i;
  while (e < text.length) {
    if (letterAt(text, e)) { e++; continue; }
    const c = text.charCodeAt(e);
    if ((c === 39 || c === 0x2019 || c === 45 || c === 0x200c) && e > i && e + 1 < text.length && letterAt(text, e + 1)) { e++; continue; }
    break;
  }
  if (e - i === 1 && text.charCodeAt(e) === 46) {
    e++;
    // Initials run together (`J.R. Smith`, `A.J. Brown`): one word.
    while (e + 1 < text.length && text.charCodeAt(e) >= 65 && text.charCodeAt(e) <= 90 && text.charCodeAt(e + 1) === 46) e += 2;
  }
  return e;
}

/** End of the name that starts at `from`, or -1: up to three words (and particles). */
export function nameEnd(text: string, from: number, capitalised: boolean, weak: boolean): number {
  let p = from;
  let end = -1;
  let words = 0;
  let afterMiddle = false;
  let afterParticle = false;
  while (words < 3 && p < text.length) {
    const e = wordEnd(text, p);
    if (e === p) break;
    const word = text.slice(p, e);
    const lower = word.toLowerCase();
    // A surname may open with two particles (`de la Cruz`, `van der Berg`, `de los Santos`).
    const particle: boolean = (words > 0 || LEADING_PARTICLES.has(lower) || afterParticle) && PARTICLES.has(lower);
    if (!particle) {
      // A Vietnamese middle name is always followed by the given name, which may spell a stop word (`Nguyễn Văn An`).
      if ((STOP.has(lower) && !afterMiddle) || (capitalised && !UPPER.test(word[0]))) break;
      // A hyphenated word is judged by its first part too (`Patient-Rights-and-Responsibilities.pdf`: a slug, not a name).
      if (words === 0 && weak && (TITLE_STOP.has(lower) || TITLE_STOP.has(lower.split('-')[0]) || CARE_WORDS.has(lower) || verbLike(lower))) return -1;
      words++;
      end = e;
    }
    afterMiddle = particle && VIETNAMESE_MIDDLE.has(lower);
    afterParticle = particle && words === 0;
    if (text[e] !== ' ' || e + 1 >= text.length) break;
    p = e + 1;
  }
  return end;
}

/**
 * An item's title after the greeting (`Get Well Teddy Bear`, `Get Well Soon Cookie Tin`): its last word is goods and
 * its first is goods too or no common given name (`Get well Jane Bear` is still a name).
 */
function goodsTitle(words: readonly string[]): boolean {
  const first = (words[0] as string).toLowerCase();
  return goodsWord((words[words.length - 1] as string).toLowerCase()) && (goodsWord(first) || !GIVEN_NAMES.has(first));
}

/** `this is Jane Doe` must go on as a caller does (`calling`, `here`, a comma) or end there; `its Jane Doe` (no apostrophe, also a word of its own) only with a caller's word. */
function callerTail(text: string, end: number, strict: boolean): boolean {
  const rest = text.slice(end, end + 12).toLowerCase();
  return (strict ? SELF_INTRODUCTION_VERB : NAME_END_OR_INTRODUCTION).test(rest);
}
const ANY_UPPER = /\p{Lu}/u;
// A comma or a stop closes the name as the end does (`this is tessa quarnby, dob 3/4/61`), and so does a caller's next word.
const SPOKEN_TAIL = /^(?:$|[ ]*[,;.!?]|[ ]+(?:my|i|im|calling|speaking|here|from|with|again|and|spelled|spelling|spelt|dob|born|date|birthday|phone|mrn)(?![a-z]))/;

/** A caller's name in a text with no capital at all (speech to text: `hello this is cornelius abernathy my date of birth…`): two
 * words (three after a common given name: `mary ann quarnby`), none a stop, title, common or `-ing`/`-ed`/`-ly` word, then the end. */
function spokenName(text: string, from: number): number {
  let end = nameEnd(text, from, false, true);
  if (end < 0 || ANY_UPPER.test(text)) return -1;
  // A particle is no word (`juan de la cruz`); the read may take the caller's next word, the last (`i am tessa quarnby dob 3/4/61`).
  let words = text.slice(from, end).split(' ').filter((w, i) => i === 0 || !PARTICLES.has(w));
  if (words.length === 3 && SPOKEN_TAIL.test(` ${words[2]}`)) { end -= words[2].length + 1; words = words.slice(0, 2); }
  if (words.length < 2 || (words.length === 3 && !GIVEN_NAMES.has(words[0] ?? '')) || words.length > 3 || words.some((w) => !nameWord(w) || TITLE_STOP.has(w) || verbLike(w))) return -1;
  return SPOKEN_TAIL.test(text.slice(end, end + 10)) ? end : -1;
}

const LEAD_PARTICLE = /^(?:van[ ]de[nr]?|van|de|ter|ten|von[ ]der|von)[ ](?=\p{Lu})/u;

/** Length of a lower-case particle opening a surname at `from` (`de `, `van der `), or 0. */
function particleLead(text: string, from: number): number {
  return LEAD_PARTICLE.exec(text.slice(from, from + 12))?.[0].length ?? 0;
}

/** After a foreign honorific, each word of the name is one no desk, programme or title is named by (`Sr. Wellness Walk` stays). */
function honorificName(text: string, from: number, end: number): boolean {
  return text.slice(from, end).toLowerCase().split(' ').every((w) => nameWord(w) && !titleWord(w));
}

/** A greeting's name is a given name and a surname, neither a word titles are made of (`Happy Birthday To You`, `Get Well Soon Balloons`). */
export function fullName(text: string, from: number, end: number): boolean {
  const words = text.slice(from, end).split(' ');
  return words.length >= 2 && words.every((w) => !commonWord(w.toLowerCase()) && !titleWord(w.toLowerCase())) && !goodsTitle(words);
}

/** Each capitalised name right after a match of the cue `re` that `accepts` (from, end) takes (signed-in-name.ts, addressed-name.ts). */
export function scanNamesAfter(re: RegExp, text: string, out: Detection[], kind: string, accepts: (from: number, end: number) => boolean): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end > from && accepts(from, end)) out.push({ start: from, end, kind });
    if (r.lastIndex === m.index) r.lastIndex++;
  }
}

// After a relative or party label and a spaced dash, a title's words: `Parent - Teacher Night`, `Partner - Blue
// Cross`, `Partner - Aetna Open House`. Skipped only when the first two words are both such words (or the only one
// is): a name keeps at least one word of its own (`Mother - Jane Cross`, `Partner - Blue Okafor`).
const TITLE_AFTER_DASH = new Set(['teacher', 'teachers', 'night', 'nights', 'evening', 'morning', 'conference', 'conferences', 'open', 'house',
  'fair', 'breakfast', 'lunch', 'luncheon', 'dinner', 'gala', 'workshop', 'workshops', 'orientation', 'tour', 'tours', 'meeting', 'panel', 'class',
  'classes', 'program', 'programs', 'group', 'groups', 'support', 'event', 'events', 'session', 'sessions', 'blue', 'cross', 'shield', 'aetna',
  'cigna', 'humana', 'kaiser', 'anthem', 'regence', 'united', 'healthcare', 'medicare', 'medicaid', 'tricare', 'plan', 'plans', 'insurance',
  'network', 'sponsor', 'sponsors', 'day', 'days', 'week', 'month', 'visit', 'visits', 'resources', 'guide', 'yoga', 'bonding', 'swim']);
const DASH_END = /[ ]-[ ]+$/;
const LABEL_END = /[:=\u2013-][ ]*$/;
const MS_CAPS = /(?<![A-Za-z])MS[ ]+$/;

function titleAfterDash(text: string, from: number, end: number): boolean {
  const words = text.slice(from, end).toLowerCase().split(' ');
  return TITLE_AFTER_DASH.has(words[0]) && (words.length === 1 || TITLE_AFTER_DASH.has(words[1]));
}

/** A sign-off's name closes the text or its line. */
function closesLine(text: string, end: number): boolean {
  return SPACES_DOTS_BANGS_TO_LINE_END.test(text.slice(end, end + 8));
}

// A whole short value written as a record system prints a name: `OKAFOR, JANE M`, `Okafor, Jane M.`,
// `SMITH JOHN A`. The middle initial is what tells it from `PORTLAND, OREGON` or `Cardiology,
// Pediatrics` (no dictionary of names: `DOE, JANE` alone stays). Words that take a letter after
// them (`Medicare Part B`, `Hepatitis, Type A`) are not names.
const EHR_NAME = /^(?:\p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}[\p{L}'\u2019-]+)?, \p{Lu}[\p{L}'\u2019-]+ \p{Lu}\.?|[A-Z][A-Z'-]+ [A-Z][A-Z'-]+ [A-Z])$/u;
export const NOT_NAME = new Set(['part', 'type', 'vitamin', 'hepatitis', 'hep', 'plan', 'group', 'phase', 'level', 'class', 'grade', 'section', 'unit',
  'suite', 'building', 'bldg', 'floor', 'wing', 'tower', 'lot', 'zone', 'area', 'step', 'option', 'tier', 'schedule', 'room', 'gate', 'row',
  'block', 'appendix', 'exhibit', 'form', 'site', 'campus', 'lab', 'clinic', 'hall', 'medicare', 'medicaid', 'strep', 'influenza', 'flu', 'covid', 'category', 'size', 'model', 'version', 'track', 'lane', 'pod', 'bay', 'dose']);
export const WHOLE_NAME_MAX = 48;
// A document's file name may carry a name (file-name.ts); the walk marks its extension's dot.
const FILE_HINT = /\.(?:pdf|docx?|xlsx?|rtf|odt|txt|csv|jpe?g|png|heic|tif|json|xml|zip|hl7|dcm)(?![A-Za-z0-9])/i;
const CLOCK_HINT = /\d:\d\d(?::\d\d)?(?: ?[AaPp][Mm])?[\])]/;
const RECORD_HINT = /[A-Z]{2}, ?[A-Z]{3}/;
const MIXED_HINT = /\p{L}, ?\p{Lu}\p{Ll}/u;

/** NAME_CUE for the prefilter when a short text ends in a capital initial (` M`, ` M.`): the only texts EHR_NAME can match. */
export function initialEnd(text: string): boolean {
  const n = text.length;
  if (n < 6 || n > WHOLE_NAME_MAX) return false;
  const e = text.charCodeAt(n - 1) === 46 ? n - 1 : n;
  const c = text.charCodeAt(e - 1);
  return c >= 65 && c <= 90 && text.charCodeAt(e - 2) === 32;
}

function wholeName(text: string): boolean {
  if (!initialEnd(text) || !EHR_NAME.test(text)) return false;
  for (const w of text.toLowerCase().split(NAME_PART_SEPARATORS)) if (NOT_NAME.has(w)) return false;
  return true;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (wholeName(text) || bareName(text)) { out.push({ start: 0, end: text.length, kind }); return; }
  const mark = out.length;
  scanCued(text, out, kind);
  // A short label closing or opening with a name (`Reminder Sent Siobhan Haddad`; bare-name.ts), where no cue found it already.
  const tail = labelName(text, hasDigits(text, 1) ? 1 : 0);
  if (tail !== undefined && !out.some((d, i) => i >= mark && d.start < tail.end && d.end > tail.start)) out.push({ ...tail, kind });
}

function scanCued(text: string, out: Detection[], kind: string): void {
  if (CLOCK_HINT.test(text)) scanSpeakers(text, out, kind);
  if (FILE_HINT.test(text)) scanFileNames(text, out, kind);
  if (giftItem(text)) scanGiftItem(text, out, kind);
  if (RECORD_HINT.test(text)) scanRecordNames(text, out, kind);
  if (MIXED_HINT.test(text)) scanMixedNames(text, out, kind);
  scanNameCues(text, out, kind);
  scanFamilyNames(text, out, kind);
  scanKinIs(text, out, kind); // `my husband is Sean O'Neil` (kin-name.ts)
  scanListedNames(text, out, kind); // `c/o Jane Doe`, `Jane Doe, (503) 555-0142`, `Attendees: Jane Doe, Robert Chen` (listed-name.ts)
  const re = resetAt(CUE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const label = m[1] !== undefined;
    // A patient who is a doctor (`Patient: Dr. Jane Doe`, `my name is Dr. Jane Doe`): the clinician's title spares a
    // provider named on a page, never the person a name label or the patient's label names. The name after it is a full name.
    const title = label || (m[2] !== undefined && PATIENT_LABEL.test(m[2])) ? DOCTOR_TITLE.exec(text.slice(from, from + 12)) : null;
    if (title !== null) {
      const end = nameEnd(text, from + title[0].length, true, true);
      if (end > 0 && fullName(text, from + title[0].length, end)) { out.push({ start: from + title[0].length, end, kind }); re.lastIndex = end; }
      continue;
    }
    // A Dutch or German surname after an honorific may open with its particle (`Dhr. de Vries`, `Mevr. van Dijk`).
    const honorific = m[2] !== undefined && HONORIFIC_RE.test(m[2]);
    let end = nameEnd(text, honorific ? from + particleLead(text, from) : from, !label, !label);
    // A caller's `this is`, `it's`, `name is`, `i'm` or `i am` in a text with no capital at all (speech to text, a chat typed in lower case).
    const spoken = end < 0 && (m[4] !== undefined || m[3] !== undefined);
    if (spoken) end = spokenName(text, from);
    else if (m[2] !== undefined) end = kinNameEnd(m[2], text, from, end); // `my mother maria lopezcano`, `Dad (Franklin Eberhardt)`
    const caseless = end < 0 && (label || m[2] !== undefined) ? caselessName(text, from) : null; // `Patient: ليلى المنصوري`
    if (caseless !== null) { out.push({ start: caseless[0], end: caseless[1], kind }); re.lastIndex = caseless[1]; continue; }
    if (end < 0 || (label && sloganAfterCue(text, m.index, from, end))) continue;
    if (m[4] !== undefined && !spoken && (!callerTail(text, end, m[4][2] === 's' || m[4][2] === 'S') || (m[4][1] !== 'h' && m[4][1] !== 'H' && !fullName(text, from, end)))) continue;
    if (honorific && !honorificName(text, from + particleLead(text, from), end)) continue;
    if (m[5] !== undefined && !closesLine(text, end)) continue;
    if (m[6] !== undefined && !fullName(text, from, end)) continue;
    if (m[7] !== undefined && (!fullName(text, from, end) || !CALLING_TAIL.test(text.slice(end, end + 9)))) continue;
    if (m[2] !== undefined && DASH_END.test(m[2]) && titleAfterDash(text, from, end)) continue;
    // `MS` in capitals without a dot is Microsoft, multiple sclerosis or Mississippi before a mixed-case word (`MS Teams`).
    if (MS_CAPS.test(m[0]) && text.slice(from, end) !== text.slice(from, end).toUpperCase()) continue;
    // `Patient: Okafor, Kenji`: after a label, a surname then a comma and the given name (surname-first.ts).
    if (label || (m[2] !== undefined && LABEL_END.test(m[2]))) end = surnameFirstEnd(text, from, end);
    // A role label opening a line (`Caller: …`) is role-opening.ts's too: one detection of the same name.
    if (!out.some((d) => d.start === from && d.end === end)) out.push({ start: from, end, kind });
    re.lastIndex = end;
  }
}

/** Person names (A) after a cue that says a name follows. */
export const personNameDetector = defineDetector('person_name', '[NAME]', 'A', scan);
