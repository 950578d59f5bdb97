import { NOT_NAME } from './detectors/person-name.js';
import { STATE_NAME } from './detectors/zip.js';
import { GIVEN_NAMES } from './detectors/given-names.js';

const NAME_PART_SEPARATORS = /[ ,.]+/;

// A person's name used as an object key, as a record system prints it: `{"Okafor, Kenji": {visits: 3}}`, a roster
// or a lookup keyed by patient. Keys name things and are never prose, so the `Surname, Given` shape (each word
// capitalised, a middle initial allowed) is read as a name without the given-names dictionary a value needs to tell
// `Doe, Jane` from `Portland, Oregon` (a city is a Safe Harbor identifier too). Keys with a lower-case word, a state
// code (`Boston, MA`), a digit or a word that takes a letter or number after it (`Hepatitis, Type A`, `Suite, Floor`) stay.
// A word: `Okafor`, `O'Brien`, `McKenna`, `Rivera-Ortiz`.
const WORD = "\\p{Lu}(?:['\\u2019]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}?\\p{Ll}+)?";
const RECORD_NAME_KEY = new RegExp(`^${WORD}(?: ${WORD})?, ${WORD}(?: ${WORD})?(?: \\p{Lu}\\.?)?$`, 'u');

// A city and its state spelled out (`Portland, Oregon`, `Salem, Massachusetts`: a locator's or a report's count by
// place) is a place, unless the state is also a common given name (`Jackson, Virginia`, `Stone, Georgia` stay names).
const CITY_STATE_KEY = new RegExp(`, (?:${STATE_NAME})$`);
const STATES_AS_NAMES = new Set(['virginia', 'georgia', 'dakota', 'indiana', 'montana', 'florida', 'nevada', 'washington', 'carolina']);

function cityAndState(key: string): boolean {
  if (!CITY_STATE_KEY.test(key)) return false;
  const state = key.slice(key.lastIndexOf(', ') + 2).toLowerCase();
  return !STATES_AS_NAMES.has(state) && !GIVEN_NAMES.has(state);
}

/** Whether an object key is a person's name written `Surname, Given` (see above). */
export function personNameKey(key: string): boolean {
  if (key.length > 60 || key.indexOf(', ') < 0 || !RECORD_NAME_KEY.test(key) || cityAndState(key)) return false;
  for (const w of key.toLowerCase().split(NAME_PART_SEPARATORS)) if (NOT_NAME.has(w)) return false;
  return true;
}
