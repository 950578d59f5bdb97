import { pushTailed, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Latin American street addresses (Safe Harbor B) and the parts written after them:
//  - Colombian (and Venezuelan, Ecuadorian) grid addresses, the street's number and then the cross street's and the
//    house's after `#` or `No.`: `Calle 10 # 20-30`, `Carrera 7 # 72-41`, `Cra. 15 No. 93-47`, `Cl 26 Sur # 48-12`,
//    `Diagonal 40A Bis # 15-20`, `Av. Calle 26 # 68-90`; in any case, the `# N-N` says address by itself;
//  - the district after a street (`Av. Reforma 222, Col. Juárez`, `Rua das Flores 123 - Bairro Jardim`, `Urb. Los Álamos`),
//    and after a district, the city, state and postcode it is followed by (`, CDMX`, `, Guadalajara, Jalisco, 44100`,
//    `, C.P. 06600`, `- SP, 01304-001`): a neighbourhood and a city are subdivisions smaller than a state.
// Type-first streets (`Jr. Junín 345`, `Av. Reforma 222`) are street-address.ts TYPE_FIRST_RE's; their flats (`apto 42`,
// `dpto. 302`, `piso 4`) street-eu.ts FLOOR_RE's.
const GRID_TYPE = '(?:avenida[ \\t]+(?:calle|carrera|cra\\.?)|av\\.?[ \\t]+(?:calle|carrera|cra\\.?)|calle|cl|cll|carrera|cra|cr|kr|kra|diagonal|dg|diag|transversal|tv|trans|avenida|av|ak|ac|circular|circ)';
const SIDE = '(?:[ \\t]+(?:sur|norte|este|oeste)(?![\\p{L}]))?';
const GRID_NUMBER = '[0-9]{1,3}(?:[ \\t]?[a-z](?![\\p{L}]))?(?:[ \\t]?bis(?:[ \\t]?[a-z](?![\\p{L}]))?)?';
const GRID_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${GRID_TYPE}\\.?[ \\t]*${GRID_NUMBER}${SIDE}[ \\t]*(?:#|n[oº°]\\.?|nro\\.?|n[uú]m(?:ero)?\\.?)[ \\t]*${GRID_NUMBER}[ \\t]*-[ \\t]*[0-9]{1,3}(?![0-9])${SIDE}`,
  'giu',
);
const GRID_HINT = /(?:#|[Nn](?:[oº°]|ro|[uú]m)\.?)[ \t]*[0-9]{1,3}[ \t]?[A-Za-z]?[ \t]*-[ \t]*[0-9]/;

const DISTRICT_WORD = '(?:[Cc]ol\\.|[Cc]olonia|[Ff]racc\\.|[Ff]raccionamiento|[Bb]arrio|[Bb]airro|B[º°]|[Uu]rb\\.|[Uu]rbanizaci[oó]n|[Ss]ector|[Jj]ardim|Jd\\.|[Vv]ila|[Rr]esidencial|[Rr]eparto|[Rr]pto\\.)';
const PLACE_WORD = "\\p{Lu}[\\p{L}'.-]{0,24}";
const LINK = '(?:de|del|da|do|dos|das|la|las|los|el)';
const PLACE = `${PLACE_WORD}(?:[ \\t]+(?:${LINK}[ \\t]+)?${PLACE_WORD}){0,3}`;
const DISTRICT_RE = new RegExp(`,?[ \\t]*(?:-[ \\t]*)?${DISTRICT_WORD}[ \\t]+(?:${PLACE}|(?:${LINK}[ \\t]+)?[a-z\\u00e0-\\u00ff]{3,24}(?![\\p{L}]))`, 'uy');
// After the district: up to three places or postcodes, each after a comma or a dash.
const POSTAL = '(?:(?:C\\.?[ \\t]?P\\.?|CEP)[ \\t]*)?[0-9]{5}(?:-[0-9]{3})?(?![0-9])';
const AFTER_DISTRICT_RE = new RegExp(`(?:[ \\t]*[,-][ \\t]*(?:${POSTAL}|${PLACE}(?![ \\t]*[0-9])))*`, 'uy');

/** Where a district and the places after it end (DISTRICT_RE, AFTER_DISTRICT_RE), or `end` when no district follows. */
export function districtEnd(text: string, end: number): number {
  const district = resetAt(DISTRICT_RE, end).exec(text);
  if (district === null) return end;
  const afterDistrict = end + district[0].length;
  const places = resetAt(AFTER_DISTRICT_RE, afterDistrict).exec(text);
  return afterDistrict + (places === null ? 0 : places[0].length);
}

/** Grid addresses (GRID_RE), each with what `tail` reads after it (a flat, a district, a city). */
export function scanGridStreets(text: string, out: Detection[], kind: string, tail: (text: string, end: number) => number): void {
  if (GRID_HINT.test(text)) pushTailed(GRID_RE, text, out, kind, tail);
}
