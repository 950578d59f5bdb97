import { pushTailed, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Street addresses as visitors in Poland, Romania, Hungary, Belgium and Switzerland, the Netherlands, the Nordics, Finland,
// Czechia and Slovakia write them in free text, with no label and often with no postcode (Safe Harbor B):
//  - a type word first, then the name and the number: Polish `ul. Długa 12/4`, `al. Jerozolimskie 144 m. 17`, `os. Tysiąclecia
//    48/12`, `pl. Grunwaldzki 3`; Romanian `Str. Mihai Eminescu nr. 14, bl. 3`, `Bd. Unirii 27`, `Calea Victoriei 12`; French with
//    the number after the name (`rue des Lilas 18`, `avenue Jean Jaurès 112 bis`);
//  - the type word after the name: Hungarian `Kossuth Lajos utca 12.`, `Váci út 8`, `Deák Ferenc tér 3`;
//  - the type glued to the name: Dutch `Kerkstraat 14-2`, `Lindenlaan 3`, Swedish `Storgatan 8B`, `Sveavägen 12`, Danish
//    `Østerbrogade 44`, `Vesterbrovej 3`, Norwegian `Kirkeveien 5`, Finnish `Mannerheimintie 12`, `Hämeenkatu 4`, German `Birkenweg 4`;
//  - a Czech, Slovak or Polish street adjective before a house and orientation number (`Vinohradská 1284/56`, `Mickiewiczowska
//    5/3`): the `N/N` number and the adjective's ending together, so `Size 38/40` and `Season 2024/25` stay.
// The flat, block, stair and floor after any of these go too (`m. 17`, `bl. 3, sc. B, ap. 12`, `2º B`, `3º Esq.`, `D:5`).
const NAME = "\\p{Lu}[\\p{L}'.-]{1,30}";
const ARTICLE = "(?:(?:de[ \\t]la|des|de|du|la|le|das|da|do|dos)[ \\t]+|l['\u2019]|d['\u2019])";
const NAMES = `${ARTICLE}?${NAME}(?:[ \\t]+${ARTICLE}?${NAME}){0,3}`;
const NUMBER = '[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4}[A-Za-z]?|-[0-9]{1,3})?(?:[ \\t]?(?:bis|ter))?(?![0-9/])';
// Polish and Romanian type words open a sentence too (`Ul. Długa 12/4`, `Str. Mihai Eminescu 14`): their first letter in either
// case; the regex has no `i` flag, under which `\p{Lu}` would take any letter and the name words' capital would say nothing.
// French ones are lower case in running text; capitalised only before an article (`Rue de la Paix 12`), so a button's `Place
// Your Order 2` stays.
const anyCaseFirst = (words: string): string => words.split('|').map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const FR_TYPES = 'rue|avenue|boulevard|bd|chemin|allée|allee|impasse|quai|place|cours';
const capitalised = (words: string): string => words.split('|').map((w) => `${w[0].toUpperCase()}${w.slice(1)}`).join('|');
const TYPE_FIRST = `(?:${anyCaseFirst('ul\\.|ulica|al\\.|aleja|os\\.|osiedle|pl\\.|plac|str\\.|strada|bd\\.|b-dul|bulevardul|calea|aleea|șos\\.|şos\\.|șoseaua')}` +
  `|${FR_TYPES}|(?:${capitalised(FR_TYPES)})(?=[ \\t]+(?:de|des|du|la|le|l['\u2019]|d['\u2019])))`;
const TYPE_AFTER = '(?:utca|u\\.|[úu]t|[úu]tja|t[ée]r|k[öo]r[úu]t|krt\\.|sor|köz|fasor)';
const GLUED = '(?:straat|laan|gracht|plein|kade|singel|dijk|gatan|v[äa]gen|gata|gade|vej|veien|vegen|katu|ntie|weg)';
// Turkish: the name, then its type abbreviated or not, then `No:` and the number (`Bağdat Cad. No:112`, `Gül Sok. No 7/3`,
// `Moda Mah. Bahariye Caddesi No: 12`), its flat (`D:5`, `Daire 5`, `Kat 3`) and the district closing the text or a clause
// (`… D:5 Kadıköy`, `… No:61 Nişantaşı/İstanbul`).
const TR_FLAT_DISTRICT = '(?:[ \\t]*(?:(?:D|K)[ \\t]?[:.]|(?:Daire|Kat)[ \\t]?[:.]?)[ \\t]?[0-9]{1,3})*(?:[ \\t]+\\p{Lu}\\p{Ll}+(?:[ \\t]*/[ \\t]*\\p{Lu}\\p{Ll}+)?(?=[ \\t]*(?:$|[,.;!?\\n])))?';
const TR_TYPE = '(?:Cad(?:desi)?\\.?|Cd\\.|Sok(?:ak|a[ğg][ıi])?\\.?|Sk\\.|Bulvar[ıi]|Blv\\.|Bul\\.|Mah(?:allesi)?\\.?|Mh\\.)';
const TR_STREET = `${NAMES}[ \\t]+${TR_TYPE},?[ \\t]*(?:No[ \\t]?[:.]?[ \\t]?|Numara[ \\t]?:?[ \\t]?)${NUMBER}${TR_FLAT_DISTRICT}`;
const SLAVIC = '(?:sk[áa]|ck[áa]|ní|ov[áa]|owa|ska|cka|ego)';
// Typed in lower case (`rue des lilas 18`, `chemin des pins 22b`): the name's words lower case too; `avenue` only before an article
// (`avenue 5 is the pharmacy`), and a measure after the number is no house's (`chemin de fer 2 fois`, `… 18 min à pied`).
const LOWER_NAME = "[a-z\\u00e0-\\u00ff][a-z\\u00e0-\\u00ff'-]{1,24}";
const LOWER_FR_TYPE = `(?:${anyCaseFirst('rue|boulevard|bd|chemin|impasse|quai|allée|allee')}|[Aa]venue(?=[ \\t]+${ARTICLE}))`;
const NOT_A_MEASURE = '(?![ \\t]*(?:min|mins|minutes?|h|hrs?|hours?|days?|weeks?|km|m|fois|heures?|jours?|ans|uur|minuten|dagen|weken|jaar|keer|%)(?![\\p{L}]))';
const LOWER_FR = `${LOWER_FR_TYPE}[ \\t]+${ARTICLE}?${LOWER_NAME}(?:[ \\t]+${ARTICLE}?${LOWER_NAME}){0,2},?[ \\t]+${NUMBER}${NOT_A_MEASURE}`;
// A Dutch, Flemish or Nordic street typed in lower case (`keizersgracht 123`, `storgatan 12`, `vesterbrogade 4`): the type glued to
// a name of four letters or more, so `plein 5 minutes` and `kade 4` stay, and `renegade 2` is no Danish `-gade`. A Norwegian
// `gate` or `vei` as a word of its own follows a genitive, its words capitalised or not (`kongens gate 3`, `Karl Johans gate 22`,
// `olav kyrres vei 5`): `-ens`, or `-s` after one more word that is no English one's (`boarding gate 22`, `At Arrivals gate 3`).
const LOWER_GLUED = `[a-z\\u00e0-\\u00ff][a-z\\u00e0-\\u00ff-]{3,30}` +
  '(?:straat|laan|gracht|plein|kade|singel|dijk|gatan|v[äa]gen|gata|(?<!rene)gade|vej|veien|vegen|katu|ntie|weg)';
const NOT_ENGLISH = `(?!(?:${anyCaseFirst('the|a|an|at|to|from|by|near|via|and|or|of|in|on|our|your|their|its|his|her|my|main')})[ \\t])`;
const GENITIVE_WORD = '[A-Za-z\\u00c0-\\u00ff][a-z\\u00e0-\\u00ff]';
// An English word before `-ens` makes it an English plural (`the gardens gate 2`, `by the queens gate 3`): Norwegian puts its
// article at the noun's end (`kongens`), never before it.
const ENGLISH_BEFORE = `(?<!(?<![\\p{L}])(?:${anyCaseFirst('the|a|an|our|your|their|its|his|her|my|this|that|these|those')})[ \\t])`;
const LOWER_GENITIVE = `(?:${NOT_ENGLISH}${GENITIVE_WORD}{1,24}[ \\t]+${GENITIVE_WORD}{1,23}s|${ENGLISH_BEFORE}${GENITIVE_WORD}{1,23}ens)[ \\t]+(?:gate|gata|vei|vej)`;
// A Flemish or Dutch street named by an adjective and a noun, in any case (`grote markt 1`, `Oude Vest 12`, `kleine markt 7`): the
// adjectives are no English words; a count after the number (`grote zaal 2 uur`) is no house's.
const DUTCH_ADJECTIVE_STREET = `(?:${anyCaseFirst('grote|kleine|oude|nieuwe|lange|korte|hoge|lage|brede|smalle|kromme|heilige')})[ \\t]+[A-Za-z\\u00e0-\\u00ff][a-z\\u00e0-\\u00ff-]{2,24}`;
const LOWER_NORDIC = `(?:${LOWER_GLUED}|${LOWER_GENITIVE}|${DUTCH_ADJECTIVE_STREET})[ \\t]+[1-9][0-9]{0,2}[a-z]?(?:-[0-9]{1,3})?(?![0-9/])${NOT_A_MEASURE}`;
const EU_STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TYPE_FIRST}[ \\t]*${NAMES},?[ \\t]+(?:nr\\.?[ \\t]?)?${NUMBER}|${LOWER_FR}|${LOWER_NORDIC}` +
    `|${NAMES}[ \\t]+${TYPE_AFTER}[ \\t]+${NUMBER}\\.?` +
    `|${TR_STREET}` +
    `|\\p{Lu}[\\p{L}-]{3,30}${GLUED}[ \\t]+${NUMBER}` +
    `|\\p{Lu}[\\p{L}-]{2,30}${SLAVIC}[ \\t]+[0-9]{1,4}/[0-9]{1,4}[A-Za-z]?(?![0-9/]))`,
  'gu',
);
// A flat, block, stair, floor or door after the number (Polish `m. 17`, `lok. 5`; Romanian `bl. 3, sc. B, et. 2, ap. 12`;
// Spanish and Portuguese `2º B`, `4º Izq`, `3º Esq.`); Latin American, Italian, French and German ones with their word (`apto 42`,
// `dpto. 302`, `int. 5`, `piso 4`, `conj. 52`, `casa 3`, `Wohnung 3`) or as an ordinal before it (`3e étage`, `2º piso`, `4. OG`).
const UNIT_WORD = '(?:apto|apt|apartamento|dpto|depto|departamento|int\\.|interior|interno|piso|conj\\.?|conjunto|cj\\.|sala|bloco|bloque|torre|casa|lote|mz\\.?|manzana|' +
  'andar|of\\.|ofic\\.?|oficina|local|puerta|pta\\.|planta|esc\\.|escalera|scala|piano|wohnung|whg\\.?)';
const FLOOR_RE = new RegExp('(?:,?[ \\t]*(?:(?:m|lok|bl|sc|et|ap|apt|app)\\.[ \\t]?[0-9A-Z]{1,4}|(?:d|daire|kat|k)[ \\t]?[:.][ \\t]?[0-9]{1,3}(?![0-9])' +
  `|${UNIT_WORD}\\.?[ \\t]?(?:n[º°o.][ \\t]?|#[ \\t]?)?[0-9]{1,4}[A-Za-z]?(?![\\p{L}\\p{N}])` +
  '|[0-9]{1,2}(?:e|er|[eè]me|\\.)?[ \\t]?(?:étage|etage|piso|andar|planta|piano|stock|og)(?![\\p{L}])' +
  '|[0-9]{1,2}[º°ª](?:[ \\t]?(?:[A-H]|izq(?:da)?|dcha|der|esq|dto|dir)\\.?)?(?![\\p{L}])))+', 'iuy');
const HINT = /cad|cd\.|sok|sk\.|bulvar|blv|bul\.|mah|mh\.|grote|kleine|oude|nieuwe|lange|korte|hoge|lage|brede|smalle|kromme|heilige|ul\.|al\.|os\.|pl\.|ulica|aleja|osiedle|plac|str|bd|bul|calea|aleea|os\.|oseaua|rue|avenue|boulevard|chemin|all[ée]e|impasse|quai|place|cours|utca|u\.|[úu]t|t[ée]r|k[öo]r|sor|köz|straat|laan|gracht|plein|kade|singel|dijk|gat|v[äa]g|gade|vej|vei|vegen|katu|tie|weg|[0-9]\/[0-9]/i;

/** Where a flat, block or floor after an address ending at `end` ends, or `end` when none follows. */
export function floorEnd(text: string, end: number): number {
  const m = resetAt(FLOOR_RE, end).exec(text);
  return m === null ? end : end + m[0].length;
}

/** The street addresses above (B), with the flat or floor after them and the postcode and town `tail` reads after those (`, 02-583 Warszawa`). */
export function scanEuropeanStreets(text: string, out: Detection[], kind: string, tail: (text: string, end: number) => number): void {
  if (HINT.test(text)) pushTailed(EU_STREET_RE, text, out, kind, (t, end) => tail(t, floorEnd(t, end)));
}
