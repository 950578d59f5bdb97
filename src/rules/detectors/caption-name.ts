import { GIVEN_NAMES, givenNameAt } from './given-names.js';
import { matchesAt, codeAt } from './marker-bits.js';
import { nameEnd } from './person-name.js';
import { wholeFullName } from './verb-name.js';
import type { Detection } from './types.js';

// A caption, an image's alt text or an aria label that opens with a person's full name and goes on about
// that person's own care or life (a patient story's picture): `Maria Gonzalez after her knee surgery`,
// `Photo: James O'Neil, recovering at home`, `Video: Deborah Kessler talks about her rehab`. No label says a
// name follows, so three things must hold together: the name opens the text (after a caption's own lead:
// `Photo:`, `Image of`, `Pictured:`), its first word is a common given name (given-names.ts) and the whole
// name is a full name with no team's, place's or product's word (verb-name.ts wholeFullName); then, within
// five words, a pronoun for that person (`her`, `his`, `their`) or a word for being cared for (`recovering`,
// `surgery`, `treatment`, `discharged`). `Saint Mary Hospital entrance`, `Mayo Clinic campus`, `Dr. Smith's
// team`, `Apple Watch heart rate screen` and `Mary Jones Award winners announced` stay.
const LEADS = ['photo of ', 'photo: ', 'photo - ', 'image of ', 'image: ', 'picture of ', 'picture: ', 'pictured: ', 'pictured ', 'video: ',
  'portrait of ', 'portrait: ', 'caption: ', 'alt: ', 'photo : ', 'photo de ', 'foto: ', 'foto de ', 'foto di ', 'foto van ', 'foto von ',
  'imagen de ', 'imagem de ', 'image de ', 'immagine di ', 'bild: ', 'bild von ', 'afbeelding van '];
// The same care words in Spanish, French, German, Portuguese, Italian and Dutch (a patient story on a site in those languages):
// possessives (`tras su cirugía`, `après son opération`, `nach seiner Knie-OP`, `na haar knieoperatie`) and care nouns. They also
// say a building's or an event's (`Kölner Dom nach seiner Renovierung`): PLACE_WORD holds those languages' place words too.
const CARE_FOREIGN = 'su|sus|cirug[ií]a|operaci[óo]n|tratamiento|recuperaci[óo]n|rehabilitaci[óo]n|quimioterapia|diagn[óo]stico|paciente|' +
  'son|sa|ses|op[ée]ration|chirurgie|traitement|r[ée][ée]ducation|gu[ée]rison|patiente|ihrer|ihrem|ihre|ihren|seiner|seinem|seine|seinen|' +
  'operation|behandlung|reha|therapie|genesung|patientin|seu|sua|seus|suas|cirurgia|tratamento|recupera[çc][ãa]o|suo|intervento|' +
  'operazione|terapia|riabilitazione|paziente|haar|zijn|operatie|behandeling|revalidatie|herstel';
const WORD = "[\\p{L}\\p{M}\u2019']+";
const TAIL_RE = new RegExp(
  `^(?:,|\\s[-\u2013\u2014]|:)?\\s(?:${WORD},?\\s){0,5}?` +
  '(?:her|his|their|she|he|recovering|recovers|recovered|recovery|surgery|operation|treatment|therapy|rehab|rehabilitation|diagnosis|' +
  `diagnosed|discharged|discharge|transplant|bedside|hospital\\sbed|as\\sa\\spatient|patient|${CARE_FOREIGN})(?![\\p{L}\\p{M}])`, 'iu');
// A clinician's credential right after the name (`Linda Nguyen, RN, with her team`): staff, whom the caption names as such.
const CREDENTIAL_RE = /^,?\s(?:MD|DO|RN|BSN|MSN|NP|APRN|CNM|CRNA|PA|PA-C|PhD|PharmD|DDS|DMD|DPT|OD|LCSW|FACS|FACC)(?![A-Za-z])/;

// A first word not in the list (`Oluwaseun Adeyemi after her knee surgery`, `Thandiwe Mokoena recovering at home`): the
// list cannot hold every given name, so a caption opening with two or three capitalised words is read as a name when,
// within three words, a pronoun for a person or a word for being cared for follows; and none of the words is a place's,
// a building's or an event's (`Central Park with her kids`, `Boston Marathon, his first since surgery`, `Northbay
// Pavilion after its renovation` stay). The prefilter asks UNLISTED_HINT of the 70 characters after the first word.
const CARE = 'her|his|their|she|he|recovering|recovers|recovered|recovery|surgery|operation|treatment|therapy|rehab|rehabilitation|' +
  'diagnosis|diagnosed|discharged|discharge|transplant|chemotherapy|chemo|dialysis|bedside|as\\sa\\spatient|patient|' + CARE_FOREIGN;
const UNLISTED_HINT = new RegExp(`(?<![\\p{L}\\p{M}])(?:${CARE})(?![\\p{L}\\p{M}])`, 'iu');
// After a comma or a dash, up to three words; after a space, the care word itself or a linking word first (`after her`,
// `with her twins`, `describes his`), so a product's verb (`Fitbit Charge helps her sleep`) does not read as a person's.
const LINK = 'after|during|with|and|before|following|at|in|talks|shares|describes|tells|says|holds|hugs|celebrates|returns|smiles|thanks|meets|reunites|' +
  'tras|despu[ée]s|durante|con|antes|y|apr[èe]s|avec|pendant|lors|et|nach|mit|w[äa]hrend|vor|bei|und|ap[óo]s|depois|com|e|dopo|na|met|tijdens|en';
const NEAR_TAIL_RE = new RegExp(`^(?:(?:,|\\s[-\u2013\u2014]|:)\\s(?:${WORD},?\\s){0,3}?|\\s(?:${LINK})\\s(?:${WORD},?\\s){0,2}?|\\s)(?:${CARE})(?![\\p{L}\\p{M}])`, 'iu');
const OPENS_NAME = /^\p{Lu}[\p{Ll}\p{M}]/u;
const CAPITAL = /\p{Lu}/u;
const PLACE_WORD = new Set(['park', 'lake', 'river', 'bridge', 'gate', 'mount', 'mountain', 'mountains', 'beach', 'bay', 'island', 'valley', 'hill',
  'hills', 'square', 'street', 'avenue', 'road', 'garden', 'gardens', 'museum', 'library', 'university', 'college', 'school', 'academy', 'stadium',
  'arena', 'field', 'church', 'chapel', 'cathedral', 'temple', 'mosque', 'building', 'tower', 'hall', 'pavilion', 'wing', 'campus', 'plaza',
  'memorial', 'trail', 'national', 'county', 'city', 'state', 'north', 'south', 'east', 'west', 'new', 'saint', 'st', 'san', 'santa', 'los', 'las',
  'fort', 'port', 'lodge', 'house', 'marathon', 'walk', 'run', 'ride', 'race', 'festival', 'gala', 'day', 'week', 'month', 'awards', 'award',
  'foundation', 'institute', 'medical', 'health', 'healthcare', 'clinic', 'hospital', 'center', 'centre', 'children', 'womens', 'mens', 'cancer',
  'heart', 'kaiser', 'permanente', 'mayo', 'apple', 'google', 'watch', 'app', 'program', 'programme', 'team', 'unit', 'ward', 'floor', 'lobby',
  // An event, a stream or a platform (`Zoom Webinar on her recovery`, `Facebook Live with her care team`, `YouTube Premiere of her story`).
  'live', 'livestream', 'stream', 'webinar', 'webcast', 'meeting', 'meet', 'event', 'session', 'premiere', 'podcast', 'episode', 'series',
  'talk', 'talks', 'conference', 'summit', 'seminar', 'workshop', 'class', 'course', 'panel', 'forum', 'interview', 'story', 'stories', 'video',
  'tour', 'night', 'fair', 'expo', 'fundraiser', 'concert', 'show', 'registration', 'tickets', 'zoom', 'teams', 'webex', 'youtube', 'instagram',
  'facebook', 'tiktok', 'linkedin', 'spotify', 'twitch',
  // Places and buildings in Spanish, French, German, Portuguese, Italian and Dutch (the possessives above also say theirs).
  'parque', 'parc', 'parco', 'plaza', 'praça', 'piazza', 'place', 'platz', 'plein', 'calle', 'rue', 'rua', 'via', 'straße', 'strasse', 'straat',
  'museo', 'musée', 'museu', 'museum', 'iglesia', 'église', 'igreja', 'chiesa', 'kirche', 'kerk', 'catedral', 'cathédrale', 'dom', 'duomo',
  'playa', 'plage', 'praia', 'spiaggia', 'strand', 'puente', 'pont', 'ponte', 'brücke', 'brug', 'jardín', 'jardin', 'jardim', 'giardino', 'schloss',
  'hospital', 'hôpital', 'ospedale', 'krankenhaus', 'ziekenhuis', 'klinik', 'klinikum', 'clínica', 'clinica', 'clinique', 'kliniek', 'praxis',
  'centro', 'zentrum', 'centrum', 'universidad', 'université', 'universität', 'universidade', 'università', 'escuela', 'école', 'schule', 'escola',
  'scuola', 'school', 'estadio', 'stade', 'stadion', 'estádio', 'stadio', 'torre', 'tour', 'turm', 'toren', 'mercado', 'marché', 'markt', 'mercato']);

/** Start of the name the text opens with (after a caption's lead), or -1: a capital starting a common given name,
 * or any two capitalised words with a word for the person or their care soon after (UNLISTED_HINT, see below). */
export function captionNameStart(text: string): number {
  let from = 0;
  const c0 = codeAt(text, 0);
  const l0 = c0 | 0x20; // p, i, v, c, a, f, b: the first letters of LEADS
  if (l0 === 112 || l0 === 105 || l0 === 118 || l0 === 99 || l0 === 97 || l0 === 102 || l0 === 98) {
    for (const lead of LEADS) if (matchesAt(text, 0, lead, true)) { from = lead.length; break; }
  }
  const a = codeAt(text, from), b = codeAt(text, from + 1);
  // A name may open with a letter beyond ASCII (`Ólafur Sigurðsson`, `Γιώργος Παπαδόπουλος`): a capital, then a small letter.
  const wide = a >= 128 || b >= 128;
  if (wide ? !OPENS_NAME.test(text.slice(from, from + 2)) : a < 65 || a > 90 || b < 97 || b > 122) return -1;
  const sp = text.indexOf(' ', from + 2);
  if (sp < 0 || sp - from > 14) return -1;
  if (sp - from <= 12 && GIVEN_NAMES.has(text.slice(from, sp).toLowerCase())) return from;
  const c = codeAt(text, sp + 1);
  return ((c >= 65 && c <= 90) || (c >= 128 && CAPITAL.test(text[sp + 1]))) && UNLISTED_HINT.test(text.slice(sp, sp + 70)) ? from : -1;
}

/** The full name a caption opens with, when the words after it are about that person's care (see above). */
export function scanCaptionName(text: string, out: Detection[], kind: string): void {
  const from = captionNameStart(text);
  if (from < 0) return;
  const end = nameEnd(text, from, true, true);
  if (end < 0 || !wholeFullName(text.slice(from, end))) return;
  const listed = givenNameAt(text, from);
  if (!listed && !unlistedName(text.slice(from, end))) return;
  if (!(listed ? TAIL_RE : NEAR_TAIL_RE).test(text.slice(end, end + 80)) || CREDENTIAL_RE.test(text.slice(end, end + 9))) return;
  if (!out.some((d) => d.start <= from && d.end >= end)) out.push({ start: from, end, kind });
}

/** Two or three words, none a place's, building's or event's word, none in capitals only (an acronym). */
function unlistedName(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 3 && words.every((w) => w.length >= 2 && w !== w.toUpperCase() &&
    w.toLowerCase().split('-').every((part) => !PLACE_WORD.has(part)));
}
