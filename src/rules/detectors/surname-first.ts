import { plainWord, secondGivenEnd } from './record-name.js';

// After a label that says a person's name follows (`Patient: Okafor, Kenji`, `Name: Okafor, Kenji M.`), a single word then a
// comma and a capitalised word is the name written surname first: the given name goes with the surname. Without the label
// such a pair is a place or a list as often (`Portland, Oregon`), so record-name.ts asks a common given name there; here the
// label has said whose words these are. The given name may not be a word titles or places are made of (record-name.ts plainWord).
const GIVEN_AFTER_COMMA = /^,[ ]?(\p{Lu}[\p{Ll}\p{M}'’-]{1,20})(?![\p{L}\p{M}])/u;

/** The end of `Surname, Given` when the name found at [from, end) is one word followed by a given name after a comma, else `end`. */
export function surnameFirstEnd(text: string, from: number, end: number): number {
  if (text.charCodeAt(end) !== 44 || text.lastIndexOf(' ', end - 1) >= from) return end;
  const given = GIVEN_AFTER_COMMA.exec(text.slice(end, end + 24));
  if (given === null || !plainWord(given[1]) || !plainWord(text.slice(from, end))) return end;
  // A second given name or an initial (`Okafor, Mary Ann`, `Okafor, Kenji M.`), as record-name.ts reads one.
  return secondGivenEnd(text, end + given[0].length);
}
