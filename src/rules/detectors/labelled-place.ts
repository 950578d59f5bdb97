import { codeAt, endsAt, isLetter, lower } from './marker-bits.js';
import { push } from './scan.js';
import type { Detection } from './types.js';

// A town, county or neighbourhood after the label a form or a note writes it with (Safe Harbor B: every subdivision smaller than
// a state): `City: Oakland`, `County: Alameda`, `Neighborhood = Mission Bay`, `Ciudad: Zapopan`, `Stadt: Bad Homburg`,
// `Place of birth: Lagos`. Its words capitalised (up to four, with particles: `Coeur d'Alene`, `Stratford upon Avon`), or one to
// three lower-case words closing the line or the clause (`city: fresno`); `N/A`, `unknown`, `same` stay.
const LABELS = ['city', 'town', 'county', 'parish', 'borough', 'village', 'suburb', 'hometown', 'neighborhood', 'neighbourhood', 'locality',
  'municipality', 'ciudad', 'municipio', 'colonia', 'barrio', 'bairro', 'cidade', 'ville', 'stadt', 'wohnort', 'ort', 'città', 'citta', 'comune',
  'gemeente', 'plaats', 'woonplaats', 'miasto', 'birthplace', 'place of birth', 'lugar de nacimiento', 'city of residence', 'city of birth'];
const LABEL_RE = LABELS.map((l) => l.split(' ').join('[ ]')).join('|');
const PARTICLE = "(?:de|del|la|las|los|of|the|on|upon|du|le|des|da|do|di|am|an|im|d['\u2019])";
const WORD = "\\p{Lu}[\\p{L}'\u2019.-]*";
const PLACE = `${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${WORD}){0,3}`;
const LOWER_PLACE = "\\p{Ll}[\\p{L}'\u2019-]{2,}(?:[ \\t]+\\p{Ll}[\\p{L}'\u2019-]{2,}){0,2}(?=[ \\t]*(?:$|[,;|\\n\\r]))";
const NO_PLACE = '(?!(?:n/?a|none|unknown|any|other|same|tbd|select|not[ ]sure|various|all)(?![\\p{L}]))';
const LABELLED_PLACE_RE = new RegExp(`(?<![\\p{L}])(?:${LABEL_RE})[ \\t]*[:=][ \\t]*${NO_PLACE}(${PLACE}|${LOWER_PLACE})`, 'giu');
const HINT = /city|town|county|parish|borough|village|suburb|neighbo|localit|municip|ciudad|colonia|barrio|bairro|cidade|ville|stadt|ort|citt|comune|gemeente|plaats|miasto|birth|lugar/i;

/** The place after each label above (geocode's `[GEO]`). */
export function scanLabelledPlaces(text: string, out: Detection[], kind: string): void {
  if (HINT.test(text)) push(LABELLED_PLACE_RE, text, out, kind);
}

// Each label's last letter (lower case): one test rules out most colons before the word list is read.
const LAST_LETTERS = new Set(LABELS.map((l) => l.charCodeAt(l.length - 1)));

/** The prefilter's GEOCODE at a `:` or `=` right after one of the labels above (spaces between allowed). */
export function placeLabelBefore(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && codeAt(text, j - 1) === 32) j--;
  if (!LAST_LETTERS.has(lower(codeAt(text, j - 1)))) return false;
  for (const w of LABELS) if (endsAt(text, j, w) && !isLetter(codeAt(text, j - w.length - 1))) return true;
  return false;
}
