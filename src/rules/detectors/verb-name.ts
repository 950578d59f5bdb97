import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { fullName, nameEnd } from './person-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { commonWord } from './file-name.js';
import type { Detection } from './types.js';

const SPACE_OR_DOT_RUNS = /[ .]+/;
const VERB_LIKE_ENDING = /(?:ing|ed|ly)$/;

// A person named as whom to reach, after a contact verb (Safe Harbor A): a button's or a care
// team card's label, `Call Eudora Whitlock at the front desk`, `Text Ottoline Farrimond`,
// `Message Cornelius Bramwell`, `please phone Jane Doe`. The verb and one space, then a full name:
// two or three capitalised words, none a title or a word a desk, team or service is named by.
// A provider named with a title stays, as on a find-a-doctor page (`Call Dr. Priya Raman`: `Dr.`
// is a title word, README's policy), and so do `Call Now`, `Call the front desk`, `Call Pharmacy`,
// `Email Billing Team`. The prefilter's walk marks the verb at its first letter (verbNameAt).
// A staff note says whom it spoke with (`Spoke with J. Whitlock about her refill`): an initial and a surname count as a full name.
// A call log's past tense and shorthand too: `called back J. Abernathy-Cole`, `texted P. Lindgren`, `left vm for T. Ruiz`,
// `LVM for …`, `left a voicemail for …`, `spoke w/ R. Oyelaran`. A longer verb comes before its prefix (`called` before `call`).
// A voicemail's caller names themselves after asking to be called back (`please call me back, Evangeline Ridgeway`,
// `text me back, …`), and a message says whom it is for (`this message is for Jane Doe`).
const VERBS = ['called back', 'called', 'call me back,', 'call', 'texted', 'text me back,', 'text', 'messaged', 'message for', 'message is for',
  'message', 'phoned', 'phone', 'spoke with', 'spoke to', 'spoke w/', 'spoken with', 'spoken to', 'voicemail for', 'vm for', 'lvm for'] as const;
const VERB_RE = /(?<![\p{L}\p{M}])(?:called(?:[ ]back)?|call(?:[ ]me[ ]back,)?|texted|text(?:[ ]me[ ]back,)?|messaged|message(?:[ ](?:is[ ])?for)?|phoned|phone|spoke[ ]w\/|spoken?[ ](?:with|to)|(?:l?vm|voicemail)[ ]for)[ ](?=\p{Lu})/giu;
// Words that name a place, a desk or a service to call rather than a person.
const NOT_PERSON = new Set(['now', 'today', 'us', 'our', 'ahead', 'back', 'team', 'desk', 'front', 'office', 'department', 'dept', 'line',
  'center', 'centre', 'clinic', 'pharmacy', 'billing', 'support', 'services', 'service', 'nurse', 'nurses', 'hotline', 'helpline', 'unit',
  'ward', 'reception', 'scheduling', 'appointments', 'appointment', 'customer', 'member', 'members', 'patient', 'patients', 'care', 'health',
  'hospital', 'emergency', 'services', 'toll', 'free', 'poison', 'control', 'crisis', 'lab', 'labs', 'records', 'admissions', 'triage',
  'on', 'call', 'me', 'my', 'the', 'a', 'an', 'anytime', 'doctor', 'dr', 'mobile', 'home', 'work', 'number', 'main', 'general', 'info',
  'information', 'sales', 'help', 'helpdesk', 'concierge', 'operator', 'security', 'urgent', 'after', 'hours', 'message', 'text', 'email',
  // a page's control named by its verb (`Call Button Clicked`, `Text Link Tapped`, `Call CTA Clicked`; probe C)
  'button', 'buttons', 'link', 'links', 'icon', 'cta', 'banner', 'widget', 'tab', 'menu', 'modal', 'popup', 'form', 'clicked', 'tapped', 'click', 'tap']);

// The verbs by first letter (in VERBS' order, a longer verb before its prefix), and their lengths by last letter: the
// walk and mayHold ask at most a few verbs per position, not all of them (18 x 18 per capital made mayHold ~35 µs on
// a 100-character message).
const BY_FIRST = new Map<number, string[]>();
for (const v of VERBS) BY_FIRST.set(v.charCodeAt(0), [...(BY_FIRST.get(v.charCodeAt(0)) ?? []), v]);
const LENGTHS_BY_LAST = new Map<number, number[]>();
for (const v of VERBS) {
  const last = v.charCodeAt(v.length - 1), seen = LENGTHS_BY_LAST.get(last) ?? [];
  if (!seen.includes(v.length)) LENGTHS_BY_LAST.set(last, [...seen, v.length]);
}

/** At the first letter of a contact verb: the verb as a word, one space, a capital (Latin, or any non-ASCII letter). */
export function verbNameAt(text: string, i: number): boolean {
  if (isLetter(codeAt(text, i - 1)) || codeAt(text, i - 1) >= 192) return false;
  const verbs = BY_FIRST.get(lower(codeAt(text, i)));
  if (verbs === undefined) return false;
  for (const v of verbs) {
    if (!matchesAt(text, i, v, true) || codeAt(text, i + v.length) !== 32) continue;
    const c = codeAt(text, i + v.length + 1);
    return (c >= 65 && c <= 90) || c >= 192;
  }
  return false;
}

/** Whether a contact verb stands before a space and a capital somewhere in `text` (VERB_RE's precheck, no regex). */
function mayHold(text: string): boolean {
  for (let s = text.indexOf(' ', 4); s > 0; s = text.indexOf(' ', s + 1)) {
    const c = codeAt(text, s + 1);
    if (!((c >= 65 && c <= 90) || c >= 192)) continue;
    // A verb ending right before this space ends in the space's previous character (matchesAt compares lower-cased).
    const lengths = LENGTHS_BY_LAST.get(lower(codeAt(text, s - 1)));
    if (lengths !== undefined) for (const n of lengths) if (s >= n && verbNameAt(text, s - n)) return true;
  }
  return false;
}

/** Full names after a contact verb (see above). */
export function scanVerbName(text: string, out: Detection[], kind: string): void {
  if (mayHold(text)) scanCueName(VERB_RE, text, out, kind, false);
}

/**
 * A full name after each match of `cue` (a global regex ending at the name's first letter): two or three
 * capitalised words, none a desk or service word; with `givenFirst`, the first a common given name unless
 * the cue opens the text or a sentence of it and no word of the name is a department's (see ROLE_RE); with `'whose'`,
 * no word of it a department's (WHOSE_RE).
 */
function scanCueName(cue: RegExp, text: string, out: Detection[], kind: string, givenFirst: boolean | 'whose'): void {
  const re = resetAt(cue, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end <= from || !fullName(text, from, end)) continue;
    const words = text.slice(from, end).toLowerCase().split(SPACE_OR_DOT_RUNS);
    if (words.some((w) => NOT_PERSON.has(w))) continue;
    if (givenFirst === 'whose' ? !words.every(nameWord) : givenFirst && !GIVEN_NAMES.has(words[0] ?? '') && !(opensSentence(text, m.index) && words.every(nameWord))) continue;
    out.push({ start: from, end, kind });
  }
}

// A patient named in a note's text without a colon (`Patient Jane Doe presented with…`, `pt John
// Smith`): the role word, one space, a full name whose first word is a common given name (given-names.ts),
// so `Patient Portal Login`, `Patient Financial Services` and `Patient Rights` stay. The prefilter marks
// `patient`/`pt` at its `p` already (cue-at.ts pCue). Where the role word opens the text or a sentence
// (`Patient Ottoline Marchbanks called…`, a note's or a summary's first words), the name needs no common
// given name: a department there is named by words of its own (`Patient Experience Team`, `Patient
// Advocacy Office`, `Patient Transport Coordination`), which NOT_PERSON, the titles' words and DEPARTMENT say.
const ROLE_RE = /(?<![\p{L}\p{M}])(?:patient|pt)[ ](?=\p{Lu})/giu;
const DEPARTMENT = new Set(['experience', 'advocacy', 'advocate', 'advocates', 'access', 'relations', 'liaison', 'navigator', 'navigators',
  'navigation', 'engagement', 'satisfaction', 'safety', 'rights', 'responsibilities', 'portal', 'login', 'registration', 'transport',
  'transportation', 'accounts', 'account', 'affairs', 'representative', 'representatives', 'ombudsman', 'feedback', 'survey', 'surveys',
  'stories', 'story', 'testimonials', 'testimonial', 'intake', 'forms', 'form', 'handbook', 'library', 'lounge', 'assistance', 'financial',
  'finance', 'billing', 'payments', 'payment', 'scheduling', 'appointments', 'education', 'learning', 'information', 'services', 'service',
  'family', 'families', 'visitor', 'visitors', 'privacy', 'portal', 'app', 'guide', 'guides', 'hub', 'room', 'rooms', 'lift', 'flow',
  'coordinator', 'coordinators', 'coordination', 'advisory', 'council', 'committee', 'board', 'partners', 'partner', 'voices', 'voice', 'week',
  'day', 'month', 'appreciation', 'recognition', 'rounding', 'handoff', 'census', 'portal', 'care', 'centered', 'centred', 'first',
  // A page's or form's words in Spanish, Portuguese and French, after the role words WHOSE_RE reads in those languages (probe 49:
  // `para el paciente Nuevo Formulario`, `la paciente Recibe Atención`).
  'atenci\u00f3n', 'atencion', 'informaci\u00f3n', 'informacion', 'formulario', 'formularios', 'hospitalizado', 'hospitalizada', 'admisi\u00f3n', 'admision',
  'nuevo', 'nueva', 'nuevos', 'nuevas', 'novo', 'nova', 'nouveau', 'nouvelle', 'recibe', 'registro', 'servicios', 'cita', 'citas', 'derechos', 'guia',
  'gu\u00eda', 'pago', 'pagos', 'resultados', 'cadastro', 'atendimento', 'accueil', 'dossier', 'formulaire', 'ayuda', 'apoyo', 'bienvenida', 'bienvenido']);
// Word endings of a department's or a programme's words (`Registration`, `Engagement`, `Wellness`, `Safety`,
// `Radiology`, `Logistics`, `Assistance`), which given names and surnames rarely have.
const DEPARTMENT_END = /(?:tion|sion|ment|ness|ity|ogy|ics|ices|ance|ancy|ship|ware)$/;

// A first word ending like a verb or an adverb (`Updated`, `Looking`, `Kindly`) opens a sentence, not a name, after a weak
// cue; common given names end so too (`Mildred`, `Emily`), and so does every `-fred` (`Winnifred`, `Wilfred`, `Manfred`).
export function verbLike(w: string): boolean {
  return VERB_LIKE_ENDING.test(w) && !GIVEN_NAMES.has(w) && !w.endsWith('fred');
}

export function nameWord(w: string): boolean {
  return !DEPARTMENT.has(w) && !commonWord(w) && !DEPARTMENT_END.test(w);
}

/** Whether the cue at `at` opens the text, a line or a sentence (after `.`, `!`, `?`, `;`, `:` or a dash). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i--;
  return i < 0 || '.!?;:\n\r-\u2013\u2014|'.includes(text[i]);
}

// Whose the name is, said before it (`for patient Clementine Vespardine`, `regarding pt …`, `deliver to patient …`, `visiting patient …`, `patient name Clementine
// Vespardine` without a colon, `on behalf of Clementine Vespardine`): the cue says a person follows, so the name needs no
// common given name, only words no department, programme or title is named by (`on behalf of Blue Cross` stays). The
// prefilter marks `patient`/`pt` at its `p` and `behalf` at its `b` (cue-at.ts).
// The same in Spanish, Portuguese and French (probe 49): the role after an article or a preposition (`Llamar a la paciente …`,
// `soy familiar del paciente …`, `Ligar para a paciente …`, `Rappeler la patiente …`) and on someone's behalf (`A nombre de …`,
// `em nome de …`, `au nom de …`, `de la part de …`); the prefilter marks `paciente`/`patiente` at its `p` and `nombre`/`nome`/`nom` at
// its `m` (cue-at.ts).
const WHOSE_RE = /(?<![\p{L}\p{M}])(?:(?:for|of|to|regarding|re:?|about|visit|visiting|see)[ ](?:the[ ]|our[ ]|your[ ])?(?:patient|pt)|(?:patient|pt)(?:['\u2019]s)?[ ]name|on[ ]behalf[ ]of|(?:la|el|le|al|del|a|de|para|por|con|\u00e0|au|pour|avec|ao|do|da|com)[ ](?:(?:la|el|le|o|a|nuestra|nuestro|su|mi|notre|sa|son)[ ])?(?:paciente|patiente)|(?:a|en|em|au)[ ](?:nombre|nome|nom)[ ]d[eo]|de[ ]la[ ]part[ ]de)[ ](?=\p{Lu})/giu;

/** Full names after `patient`/`pt` and a space (see above), and after a cue saying whose the name is. */
export function scanRoleName(text: string, out: Detection[], kind: string): void {
  scanCueName(ROLE_RE, text, out, kind, true);
  scanCueName(WHOSE_RE, text, out, kind, 'whose');
}

// Words a work's or a place's title is made of, never a surname (`Resident Evil Village`, `Resident Alien`, `Member Berries
// Season 2`): a game, a show or a town after a role word is no person.
const WORK_TITLE = new Set(['evil', 'village', 'alien', 'aliens', 'kingdom', 'legends', 'legend', 'world', 'wars', 'chronicles', 'saga',
  'quest', 'edition', 'remastered', 'episode', 'season', 'series', 'movie', 'film', 'game', 'games', 'show', 'tour', 'album', 'trilogy',
  'returns', 'rising', 'origins', 'remake', 'dead', 'zombie', 'zombies', 'heroes', 'adventures', 'mystery', 'empire', 'galaxy',
  'requiem', 'revelations', 'district', 'hotel', 'island', 'planet', 'universe', 'league', 'podcast', 'radio', 'magazine', 'part']);

/** Whether the whole of `text` is a full name as above with no department's or title's word (`Ignatius Fairweather`, not `Financial Services`). */
export function wholeFullName(text: string): boolean {
  if (text.length < 5 || text.length > 48) return false;
  const end = nameEnd(text, 0, true, true);
  if (end !== text.length || !fullName(text, 0, end)) return false;
  const words = text.toLowerCase().split(SPACE_OR_DOT_RUNS).filter((w) => w.length > 0);
  return words.every((w) => !NOT_PERSON.has(w) && !WORK_TITLE.has(w) && (w.length === 1 || nameWord(w)));
}
