import { defineDetector } from './define.js';
import { codeAt } from '../../common/code-at.js';
import { hasDigits, isAsciiLetter, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';
import { floorEnd, scanEuropeanStreets } from './street-eu.js';
import { scanAccessStreets } from './access-streets.js';
import { scanScriptStreets } from './script-streets.js';
import { LOWER_STATES, scanLowerLastLines } from './lower-last-line.js';
import { scanDwellingUnits } from './dwelling-units.js';
import { districtEnd, scanGridStreets } from './latam-streets.js';

// A street address in free text: a post office box (`P.O. Box 4471`), or a house number, one
// to four name words and a USPS street suffix, then up to two units (`3409 Evergreen Terrace
// Apt 5`, `12B N Main St., Suite 200`, `1420-B Oak Blvd Bldg 4 Apt 12`). Text without a space,
// tab or `+` is never scanned.
// Field names catch addresses sent under `street`/`address`; this catches the ones typed into
// comments, copied into event names and campaign values, or sent under names no list has.
// Gaps are spaces, tabs or `+` (a form-encoded space). Prose words (`in`, `for`, `the`...) may
// not be name words, so "10 Tips for a Healthy Way" is not an address.
const SUFFIX =
  '(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|terrace|terr|ter|place|pl|parkway|pkwy|' +
  'highway|hwy|circle|cir|trail|trl|square|sq|loop|pike|plaza|plz|alley|aly|crescent|cres|row|ridge|crossing|xing|' +
  'expressway|expy|turnpike|tpke|close|mews|grove|gardens|gdns|esplanade|esp|parade|pde)';
const UNIT = '(?:apt|apartment|suite|ste|unit|fl|floor|rm|room|bldg|building|#)';
// Spaces, tabs and `+`: the same characters isGap looks for.
const SP = '[ \\t+]';
const GAP = `${SP}{1,3}`;
// A rural route or highway contract box (`RR 2 Box 152`, `HC 61 Box 20`, `HCR 2 Box 9014`), read as a post office box is.
const RURAL = `(?:r\\.?r\\.?|rural${SP}route|h\\.?c\\.?(?:r\\.?)?|star${SP}route)${SP}{0,2}[0-9]{1,4}`;
// A post office box written `POB 9014` / `P.O.B. 4471` (the box word folded into its initial).
const POB = `p\\.?${SP}?o\\.?${SP}?b\\.?${SP}{0,2}#?${SP}{0,2}[0-9]{1,8}(?![0-9])`;
// Box-like addresses of other posts: a private mailbox (`PMB 442`), New Zealand's and Australia's
// `Private Bag 92019`, `Locked Bag 7`, `GPO Box 1234`.
const BAG = `(?:pmb|(?:private|locked)${SP}bag|gpo${SP}box)${SP}{0,2}#?${SP}{0,2}[0-9]{1,6}(?![0-9])`;
const STOP = '(?:in|for|of|to|the|a|an|and|or|with|on|at|by|from|your|our|my|is|are|was|per|near|off|top|best|ways?)';
// A name word, or a numbered street (`W 4th St`).
const WORD = `(?:[0-9]{1,3}(?:st|nd|rd|th)|(?!${STOP}(?![A-Za-z]))[A-Za-z][A-Za-z'.-]{0,24})`;
// French number-first addresses (`12 rue de la Paix`, `3 bis, boulevard Voltaire`): the type
// word comes first, then an optional article and a name word, which must be capitalised (see
// scan), so `2 place settings` stays prose.
const FR_LETTERS = 'A-Za-z\\u00c0-\\u024f';
const FR_LETTER = `[${FR_LETTERS}]`;
const FR_WORD = `[${FR_LETTERS}'-]{1,24}`; // after the first letter
const FR_TYPE = '(?:rue|boulevard|bd|chemin|all[ée]e|impasse|quai|avenue|place|cours)';
const FR_ARTICLE = `(?:(?:de${SP}la|des|de|du|la|le)${GAP}|l['\u2019]|d['\u2019])`;
export const ADDRESS_RE = new RegExp(
  `(?<![A-Za-z])(?:p\\.?${SP}?o\\.?|post${SP}office|${RURAL})${SP}{0,2}box${SP}{0,2}#?${SP}{0,2}[0-9]{1,8}(?:[A-Za-z](?![A-Za-z]))?(?![0-9])|(?<![A-Za-z])${BAG}|(?<![A-Za-z])${POB}|` +
  `(?<![0-9A-Za-z#.-])[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,5}|-[A-Za-z](?![A-Za-z]))?${GAP}(?:${WORD}${GAP}){1,4}${SUFFIX}\\.?(?![A-Za-z0-9])` +
    `(?:,?${GAP}${UNIT}\\.?${SP}{0,3}#?${SP}{0,2}[A-Za-z0-9-]{1,8}(?![A-Za-z0-9])){0,2}|` +
  `(?<![0-9A-Za-z#.-])[0-9]{1,5}(?:${SP}?(?:bis|ter))?,?${GAP}${FR_TYPE}${GAP}${FR_ARTICLE}?(${FR_LETTER}${FR_WORD})`,
  'gi',
);
const UPPER = /^\p{Lu}/u;
// Typed in lower case (`3 rue des lilas`, `12 avenue de la paix`): `rue` says street by itself after a number; the other types
// only before an article (`2 place settings`, `3 cours de yoga` stay).
const LOWER_FR_STREET = /[0-9,][ \t+]+(?:rue|(?:boulevard|bd|avenue|impasse|quai|all[ée]e)[ \t+]+(?:de|des|du|la|le|l['\u2019]|d['\u2019]))(?![a-z])/i;
// Without an article, the other types are a street only where French says so around them: a locative word before the number
// (`au 14 boulevard haussmann`, `j'habite 9 avenue kléber`, `adresse : 30 quai branly`) or a postcode after the name (`3 impasse
// rameau 69003 lyon`); `we have 2 boulevard entrances` stays.
const FR_CUE_BEFORE = /(?<![\p{L}])(?:au|à|habite|habitons|habitez|adresse|domicile|domicilié|demeurant|vis|vit|vivons|livraison)[ \t]*:?[ \t]*$/iu;
const FR_POSTCODE_AFTER = /(?:[ \t]+[\p{L}'-]{2,24}){0,2},?[ \t]+[0-9]{5}(?![0-9])/uy;
const FR_CUE_REACH = 16;

/** Whether the lower-case French street matched at [start, end) is read as one (LOWER_FR_STREET, FR_CUE_BEFORE, FR_POSTCODE_AFTER). */
function lowerFrenchStreet(text: string, match: string, start: number, end: number): boolean {
  if (LOWER_FR_STREET.test(match)) return true;
  return FR_CUE_BEFORE.test(text.slice(Math.max(0, start - FR_CUE_REACH), start)) || resetAt(FR_POSTCODE_AFTER, end).test(text);
}
// British and Australian street types are also everyday words (`2 doors close at 5pm`): read only capitalised.
const PROSE_SUFFIX = /[0-9A-Za-z][ \t+]+(?:close|mews|grove|gardens|gdns|esplanade|esp|parade|pde)\.?(?![A-Za-z])/;
// A flat's, an apartment's or a unit's number before the house number says an address follows, in any case (`flat 2, 131
// marlborough gardens`, `apt 4 12 elm grove`).
const UNIT_BEFORE = /(?<![\p{L}])(?:flat|apt|apartment|unit)\.?[ \t]?#?[0-9]{1,5}[a-z]?,?[ \t]+$/iu;
const unitBefore = (text: string, at: number): boolean => UNIT_BEFORE.test(text.slice(Math.max(0, at - 18), at));

const isGap = (c: number): boolean => c === 32 || c === 43 || c === 9;

/**
 * Whether the text has what either alternative of ADDRESS_RE starts with: a digit run (not glued
 * to a letter, `.`, `#` or `-` before it) followed by a gap, after at most a letter or a `-NN`
 * part; or the word `box`. User agents, timestamps and version strings have digits and spaces
 * but neither, and are the most common texts with both: they skip the regex.
 */
export function mayHoldAddress(text: string): boolean {
  return (addressShapes(text) & NUMBER_FIRST) !== 0 || BOX.test(text);
}

const NUMBER_FIRST = 1;
/** A digit run right after a gap: where a type-first address (`Calle Mayor 12`) ends. */
const NUMBER_AFTER_GAP = 2;

const nameEndAt = (c: number): boolean => isAsciiLetter(c) || c === 44 || c === 46 || c >= 0xc0;

/** Which address shapes the text's digit runs allow (one pass for both, see mayHoldAddress). */
function addressShapes(text: string): number {
  let shapes = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    const before = i === 0 ? 32 : text.charCodeAt(i - 1);
    // After a name word or its comma (`Mayor 12`, `Balmes, 45`, `Alcalá 28`), not after a digit or `(`.
    // After `No:` or `No.` too (a Turkish street's `Bağdat Cad. No:112`, street-eu.ts).
    if (i > 1 && ((isGap(before) && nameEndAt(text.charCodeAt(i - 2))) || ((before === 58 || before === 46) && (text.charCodeAt(i - 2) | 0x20) === 111))) shapes |= NUMBER_AFTER_GAP;
    let j = i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (!(isDigit(before) || isAsciiLetter(before) || before === 35 || before === 46 || before === 45)) {
      if (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
      // `-12` (a range) or `-B` (a lettered house number: `1420-B Main St`)
      if (codeAt(text, j) === 45) { j++; if (isAsciiLetter(codeAt(text, j))) j++; else while (j < text.length && isDigit(text.charCodeAt(j))) j++; }
      if (codeAt(text, j) === 44 && isGap(codeAt(text, j + 1))) j++; // `15, avenue Foch`
      if (j < text.length && isGap(text.charCodeAt(j))) shapes |= NUMBER_FIRST;
    }
    if (shapes === (NUMBER_FIRST | NUMBER_AFTER_GAP)) return shapes;
    i = j;
  }
  return shapes;
}
const BOX = /box|pmb|bag|p\.?[ \t+]?o\.?[ \t+]?b/i;

// After an address, the locality of a post whose postcode has four digits (Australia, New Zealand,
// and Safe Harbor's city goes with it): `, Parramatta NSW 2150`, `, Lambton Quay, Wellington 6145`,
// `, Victoria Street West, Auckland 1142`: up to two capitalised place parts, a capitalised suburb or
// city, an Australian state, then the four digits closing the text or followed by a comma or a break.
// A US tail's city goes with the address too (`4411 Juniper Hollow Rd, Wenatchee, WA`, `…, Ellensburg WA 98926`):
// the capitalised place words before a state's code or name; the state stays, and the ZIP is the zip detector's (ZIP-3).
const PLACE = "\\p{Lu}[\\p{L}'.-]*(?:[ \\t]+\\p{Lu}[\\p{L}'.-]*){0,3}";
const TAIL_RE = new RegExp(`(?:,[ \\t]*${PLACE}){0,2},?[ \\t]+(?:${PLACE}[ \\t]+)?(?:(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \\t]+)?[0-9]{4}(?=$|[ \\t]*[,;.\\n)])`, 'uy');
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|' +
  'VT|VA|WA|WV|WI|WY|PR|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|' +
  'Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|' +
  'New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|' +
  'Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
// A US city may carry a lower-case particle (`Coeur d'Alene`, `Lake of the Woods`), and may follow the street
// without a comma when a comma and the state follow it (`742 Evergreen Terrace Springfield, OR`).
const US_WORD = "(?:\\p{Lu}|[a-z]{1,2}['\u2019]\\p{Lu})[\\p{L}'\u2019.-]*";
const US_PLACE = `${US_WORD}(?:[ \\t]+(?:(?:of|the|on|upon|in|de|la|du)[ \\t]+){0,2}${US_WORD}){0,3}`;
// Words a message typed in lower case ends on after an address, which are no city's.
const LOWER_ENDING = '(?:thanks?|thank|thx|ty|tia|please|pls|plz|cheers|bye|ok|okay|sorry|today|tomorrow|tonight|now|asap|soon|again|too|also|here|' +
  'there|then|instead|only|right|yes|yeah|yep|lol|tho|though|pm|am|morning|afternoon|evening|night|entrance|door|side|back|front|parking|lot)';
const LOWER_CITY_WORD = `(?!(?:${STOP}|${LOWER_ENDING})(?![a-z]))[a-z]{3,}(?![\\p{L}])`;
// A sign-off or courtesy word closing a message is no city (`Meet at 100 Main St, Thanks!`, `…, Cheers`).
const SIGN_OFF = '(?:Thanks?|Thank[ \\t]+you|Thx|Ty|Cheers|Regards|Best|Please|Pls|Bye|Ok|Okay|Sincerely|Love|Sorry|Cordially|Tia)(?![\\p{L}])';
const CLOSING_WORD = `(?!${SIGN_OFF})(?:\\p{Lu}|[a-z]{1,2}['\u2019]\\p{Lu})[\\p{L}'\u2019-]*`;
const CLOSING_PLACE = `${CLOSING_WORD}(?:[ \\t]+(?:(?:of|the|on|upon|in|de|la|du)[ \\t]+){0,2}${CLOSING_WORD}){0,3}`;
const US_TAIL_RE = new RegExp(`(?:,[ \\t]*${US_PLACE}(?:,[ \\t]*${US_PLACE})?(?=,?[ \\t]+(?:${US_STATES})(?![\\p{L}]))` +
  `|[ \\t]+${US_PLACE}(?=,[ \\t]*(?:${US_STATES})(?![\\p{L}]))` +
  // The city alone after the street's comma, closing the text or its sentence (`pickup: 9522 Wexthwaite Ln, Oskmere`): its words
  // hold no full stop, which may end the sentence (`…, Oskmere. Thanks` keeps `Thanks`).
  `|,[ \\t]*${CLOSING_PLACE}(?=[ \\t]*(?:$|[.;!?\\n]))` +
  // Typed all in lower case (`77 harborview dr lowell ma`): one or two words then a state's code closing the text or its
  // sentence; codes that are also English words (`in`, `or`, `me`, `hi`…) are not read, nor prose words as the city.
  `|,?[ \\t]+(?!${STOP}[ \\t])[a-z]{3,}(?:[ \\t]+(?!${STOP}[ \\t])[a-z]{3,})?(?=,?[ \\t]+(?:${LOWER_STATES})[ \\t]*(?:$|[.,;!?\\n]))` +
  // or without the state (`12 oak st springfield`, `12 oak st, springfield`): one or two words closing the text or its sentence,
  // none a word a message ends on (`12 oak st tomorrow`, `…, thanks`, `… asap please`).
  `|,?[ \\t]+${LOWER_CITY_WORD}(?:[ \\t]+${LOWER_CITY_WORD})?(?=[ \\t]*(?:$|[.;!?\\n])))`, 'uy');

// An address's last line on its own (a verifier's `last_line: "Springfield MA 01105-2207"`, `Coeur d'Alene, ID 83814` in a
// note): the place before a state and a ZIP is the city, which goes; the state stays, the ZIP is the zip detector's.
const FIVE_DIGITS = /[ \t][0-9]{5}(?![0-9])/;
const LAST_LINE_RE = new RegExp(`(?<![\\p{L}\\p{N}'’.-])(${US_PLACE}),?[ \\t]+(?:${US_STATES}),?[ \\t]{1,2}[0-9]{5}(?:-[0-9]{4})?(?![0-9])`, 'gu');

// A continental European tail: the postcode before the city (`Lindenstraße 14, 10969 Berlin`, `12 rue de la Paix, 75002
// Paris`, `Calle Mayor 12, 28013 Madrid`, `Bahnhofstrasse 3, CH-8001 Zürich`): four or five digits, a country letter or two
// before them, then the capitalised city; both go with the address.
// Without a comma only five digits (`Lindenstraße 14 10969 Berlin`; `Hauptstraße 5 2026 tour` stays). After a comma, the postcodes
// written in their own shapes too: Dutch `1016 GV`, Swedish, Czech, Slovak and Greek `111 21`, Polish `02-583`, Portuguese `1250-096`.
const EU_POSTCODE = '[0-9]{4}[ ]?[A-Z]{2}(?![\\p{L}])|[0-9]{3}[ ][0-9]{2}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{4,5}';
const EU_TAIL_RE = new RegExp(`(?:,[ \\t]*(?:[A-Z]{1,2}-)?(?:${EU_POSTCODE})|[ \\t]+(?:[A-Z]{1,2}-)?[0-9]{5})[ \\t]+${PLACE}`, 'uy');

// A box's town may follow it without a comma (`RR 3 Box 12 Tarnfield`, `P.O.B. 4471 Oskmere`): a box line is followed by
// nothing else, so capitalised words closing the text or its sentence are the town (a street's next words may be prose).
const BOX_TOWN_RE = new RegExp(`[ \\t]+${CLOSING_PLACE}(?=[ \\t]*(?:$|[.;!?\\n]))`, 'uy');
const BOX_MATCH = /box|pob|p\.o\.b|pmb|bag/i;

/** `end` moved past a town closing the text after a box (BOX_TOWN_RE), when `address` is a box and no tail was found. */
function boxTownEnd(text: string, address: string, matchEnd: number, end: number): number {
  if (end !== matchEnd || !BOX_MATCH.test(address)) return end;
  const m = resetAt(BOX_TOWN_RE, end).exec(text);
  return m === null ? end : end + m[0].length;
}

/** Where an address's locality tail ends (see TAIL_RE, US_TAIL_RE and EU_TAIL_RE), or `end` when none follows. */
function tailEnd(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c !== 44 && c !== 32) return end;
  const m = resetAt(TAIL_RE, end).exec(text) ?? resetAt(US_TAIL_RE, end).exec(text) ?? resetAt(EU_TAIL_RE, end).exec(text);
  return m === null ? end : end + m[0].length;
}

/** After a type-first or grid street: its flat, district and city (`, apto 42, Col. Juárez, CDMX`). */
const latinTailEnd = (text: string, end: number): number => tailEnd(text, districtEnd(text, floorEnd(text, end)));

// Type-first addresses (es, pt, it, ca, and German compounds): `Calle Mayor 12`, `Avenida
// Paulista 1578`, `Rua Augusta 300`, `Via Roma 10`, `C/ Balmes, 45`, `Paseo de Gracia 21`,
// `Hauptstraße 5`. The name word must be capitalised, so `via email 2` stays prose.
const ES_TYPE =
  '(?:[Cc]alle|C/|[Aa]venida|[Aa]vda\\.?|[Aa]v\\.|[Rr]ua|[Vv]ia|[Vv]iale|[Pp]aseo|[Pp]laza|[Pp]za\\.|[Cc]arrer|[Cc]arretera|[Cc]amino|' +
  '[Tt]ravessa|[Pp]iazza|[Cc]orso|[Ll]argo|[Pp]ra[çc]a|[Rr]ambla|[Rr]onda|' +
  // Latin American ones: Peru's `Jr. Junín 345`, Mexico's `Calz. de Tlalpan 1500`, `Privada Los Pinos 12`, Brazil's `Estrada do Mar 80`.
  'Jr\\.|[Jj]ir[oó]n|[Pp]asaje|[Pp]sje\\.|[Cc]alzada|[Cc]alz\\.|[Cc]errada|[Pp]rivada|[Pp]rolongaci[oó]n|[Pp]rol\\.|[Aa]lameda|[Ee]strada|[Rr]odovia|[Aa]ndador)';
const ES_ARTICLE = "(?:(?:de[ \\t]la|de|del|da|do|dos|das|di|della|dei|degli)[ \\t]+|d['\u2019])";
const NAME_WORD = "\\p{Lu}[\\p{L}'.-]{1,24}";
// `av.` before an English measure's word is an average's (`av. copay 40`, `av. rating 4`), not an avenue's.
const AVERAGE_OF = '(?![ \\t]+(?:wait|time|cost|price|copay|score|rating|age|length|stay|size|weight|visits?|daily|per|total)(?![a-z]))';
// Italian `via` is English too (`via email 2 times`): a street's only after `in` (`abito in via roma 14`), and never before an English
// article or a channel (`come in via the kitchens gate 4`).
const LOWER_ES_TYPE = `(?:calle|avenida|avda\\.?|av\\.${AVERAGE_OF}|rua|carrer|paseo|travessa|rambla|carretera|viale|piazza|corso|(?<=(?<![a-z])in[ \\t])via(?![ \\t]+(?:the|a|an|our|your|my|their|his|her|this|that|email|e-mail|text|mail|phone|sms)(?![a-z])))`;
// `av.` is also an average's (`av. wait time 12 min`): a number read as a measure is no house's.
const NOT_A_MEASURE = '(?![ \\t]*(?:min|mins|minutes?|hrs?|hours?|days?|weeks?|months?|years?|yrs?|%|percent|pts?|points?|mg|ml|kg|lbs?|' +
  'uhr|std|stunden?|tage?|minuten|km|fois|heures?|jours?|ans)(?![a-z]))';
const LOWER_NAME_WORD = "[a-z\\u00e0-\\u00ff][a-z\\u00e0-\\u00ff'-]{1,24}";
const TYPE_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${ES_TYPE}[ \\t]+${ES_ARTICLE}?${NAME_WORD}(?:[ \\t]+(?:${ES_ARTICLE}|${NAME_WORD}[ \\t]+)?${NAME_WORD}){0,2},?[ \\t]+(?:n[º°o.][ \\t]?)?[0-9]{1,5}[A-Za-z]?(?![0-9])` +
    `|(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}-]{1,30}(?:straße|strasse|str\\.|gasse|allee|platz)[ \\t]+[0-9]{1,4}[a-z]?(?![0-9])` +
    // and in lower case (`hauptstr. 12`, `kastanienallee 23`); not `platz`, a parking or seat's (`parkplatz 3`).
    `|(?<![\\p{L}\\p{N}])[a-zäöüß][a-zäöüß-]{1,30}(?:straße|strasse|str\\.|gasse|allee)[ \\t]+[0-9]{1,4}[a-z]?(?![0-9])${NOT_A_MEASURE}` +
    // Typed in lower case (`calle mayor 12`, `av. paulista 1000`, `rua augusta 300`): only the type words no English text opens with.
    `|(?<![\\p{L}\\p{N}])${LOWER_ES_TYPE}[ \\t]+${ES_ARTICLE}?${LOWER_NAME_WORD}(?:[ \\t]+${ES_ARTICLE}?${LOWER_NAME_WORD}){0,2},?[ \\t]+(?:n[º°o.][ \\t]?)?[0-9]{1,5}[A-Za-z]?(?![0-9])${NOT_A_MEASURE}`,
  'gu',
);
// A street named without a type word (`Am Kirschgarten 7`, `Unter den Linden 12`, `Keizersgracht 123`, `Østerbrogade 44`):
// read only with the postcode and the city after it (`, 60311 Frankfurt`, `, 1015 CJ Amsterdam`, `, 111 21 Stockholm`,
// `, 2100 København`), which go with it. A four-digit postcode that reads as a year needs the Dutch letters (`Seite 3, 2026
// Ausgabe` stays).
const LEAD = '(?:(?:Am|An|Auf|Im|In|Unter|Zum|Zur|Vor|Hinter|Op|Aan|Bij|Het|De|Den|Der|Dem|Die|Das|der|den|dem|de|het|van)[ \\t]+){0,2}';
const POSTCODE = '(?:[A-Z]{1,2}-)?(?:[0-9]{4}[ ]?[A-Z]{2}(?![\\p{L}])|[0-9]{3}[ ][0-9]{2}|(?!(?:19|20)[0-9]{2}[ \\t])[0-9]{4,5})';
const NAMED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${LEAD}\\p{Lu}[\\p{L}'.-]{2,30}(?:[ \\t]+\\p{Lu}[\\p{L}'.-]{1,30}){0,2}[ \\t]+[0-9]{1,4}[A-Za-z]?,?[ \\t]+${POSTCODE}[ \\t]+${PLACE}`,
  'gu',
);
// The same street after a person addressed by an honorific and a comma, as a letter's or parcel's first line is written
// (`Herr Albrecht Wunderlich, Am Sonnenhang 3`, `Mevr. Jansen, Lindengracht 12`): the street and number close the text, line
// or clause. The name is person-name.ts's.
// A ward's, a room's or a stop's word and number after a name is where the person is in the building, not an address.
const NOT_STREET = '(?!(?:Room|Rm|Zimmer|Station|Unit|Bed|Bett|Suite|Floor|Ward|Kamer|Afdeling|Etage|Stock|Raum|Gate|Bay|Pod|Wing|Level|Ebene|Seite|Page|Linie|Line|Bus|Tram|Gleis|Track|Table|Tisch)(?![\\p{L}]))';
const ADDRESSEE_RE = new RegExp(
  `(?<![\\p{L}])(?:Herrn?|Frau|Dhr\\.?|Mevr\\.?|Mevrouw|Meneer|M(?:rs?|s)\\.?|Familie|Fam\\.)[ ]+(?:\\p{Lu}[\\p{L}'\u2019.-]*[ ]+){0,2}\\p{Lu}[\\p{L}'\u2019-]+[ ]*,[ ]*` +
    `(${LEAD}${NOT_STREET}\\p{Lu}[\\p{L}'.-]{2,30}(?:[ \\t]+\\p{Lu}[\\p{L}'.-]{1,30}){0,2}[ \\t]+[0-9]{1,4}[A-Za-z]?)(?=[ ]*(?:$|[,;\\n]))`,
  'gu',
);
const ADDRESSEE_HINT = /Herr|Frau|Dhr|Mevr|Meneer|Mr|Ms|Fam/;
const NAMED_HINT = /[0-9][A-Za-z]?,?[ \t]+(?:[A-Z]{1,2}-)?[0-9]{3,5}[ \t]/;
const YEAR_END = /[ \t](?:19|20)[0-9]{2}$/;
const AFTER_NUMBER = /[,;\n]/;
const TYPE_HINT = /alle|C\/|venida|vda|[Av]\.|[Rr]ua |[Vv]ia|aseo|laza|za\.|arrer|amino|ravessa|iazza|orso|argo|ra[çc]a|ambla|onda|stra(?:ß|ss)e|str\.|gasse|allee|platz|Jr\.|ir[oó]n|asaje|sje\.|alz|errada|rivada|rol|lameda|strada|odovia|ndador/;

// An address written as a slug or a key (`6183-birchwood-dr`, `from-914-Lincoln-St`, `55_Harborview_Rd` in a campaign value or an
// event's label): read with its `-`/`_` as spaces (the same length, so offsets hold). The house number opens the slug or follows a
// word that says a place follows (`from-`, `at-`, `address-`), has two digits at least and is no year, so a promotion's
// `2-for-1-main-st`, `top-10-park-ave-tips`, `covid-19-testing-center-dr` and `spring-2026-main-st-fair` stay.
const SLUG_STREET_HINT = /(?:^|[-_])[0-9]{2,6}[-_][A-Za-z]/;
const SLUG_PLACE_WORD = /(?:^|[-_])(?:from|at|to|near|address|addr|home|street|ship|deliver|delivery|pickup|dropoff|visit)[-_]$/i;
const SLUG_YEAR = /^(?:19|20)[0-9]{2}[-_]/;
const SLUG_SEPARATORS = /[-_]/g;
const NO_SPACE = /^[^\s]+$/;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 8 || !hasDigits(text, 1)) return;
  scanText(text, out, kind);
  if (SLUG_STREET_HINT.test(text) && NO_SPACE.test(text)) scanSlug(text, out, kind);
}

function scanSlug(text: string, out: Detection[], kind: string): void {
  const mark = out.length;
  scanText(text.replace(SLUG_SEPARATORS, ' '), out, kind);
  let kept = mark;
  for (let i = mark; i < out.length; i++) {
    const d = out[i];
    const opens = d.start === 0 || SLUG_PLACE_WORD.test(text.slice(Math.max(0, d.start - 10), d.start));
    if (opens && isDigit(text.charCodeAt(d.start)) && isDigit(text.charCodeAt(d.start + 1)) && !SLUG_YEAR.test(text.slice(d.start, d.start + 5))) out[kept++] = d;
  }
  out.length = kept;
}

function scanText(text: string, out: Detection[], kind: string): void {
  const shapes = addressShapes(text);
  if ((shapes & NUMBER_FIRST) !== 0 || BOX.test(text)) {
    const re = resetAt(ADDRESS_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const matchEnd = m.index + m[0].length;
      if ((m[1] !== undefined && !UPPER.test(m[1]) && !lowerFrenchStreet(text, m[0], m.index, matchEnd)) || (PROSE_SUFFIX.test(m[0]) && !unitBefore(text, m.index))) continue;
      // A French street's floor (`12 rue de la Paix, 3e étage, 75002 Paris`) before its postcode and city.
      const end = boxTownEnd(text, m[0], matchEnd, tailEnd(text, m[1] === undefined ? matchEnd : floorEnd(text, matchEnd)));
      out.push({ start: m.index, end, kind });
      re.lastIndex = end;
    }
  }
  if ((shapes & NUMBER_AFTER_GAP) !== 0 && NAMED_HINT.test(text)) {
    const re = resetAt(NAMED_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if ((shapes & NUMBER_AFTER_GAP) !== 0 && ADDRESSEE_HINT.test(text)) {
    const re = resetAt(ADDRESSEE_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
  }
  if ((shapes & NUMBER_AFTER_GAP) !== 0 && TYPE_HINT.test(text)) {
    const re = resetAt(TYPE_FIRST_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      // `Via Christi Hospital 2024 report`, `Plaza de España 2025 tour`: a year inside a sentence.
      if (YEAR_END.test(m[0]) && end < text.length && !AFTER_NUMBER.test(text[end])) continue;
      out.push({ start: m.index, end: latinTailEnd(text, end), kind });
    }
  }
  if ((shapes & NUMBER_AFTER_GAP) !== 0) scanGridStreets(text, out, kind, latinTailEnd); // `Calle 10 # 20-30`, `Cra. 15 No. 93-47` (latam-streets.ts)
  if ((shapes & NUMBER_AFTER_GAP) !== 0 && FIVE_DIGITS.test(text)) {
    scanLastLines(text, out, kind);
    scanLowerLastLines(text, out, kind); // `fresno, ca 93722` (lower-last-line.ts)
  }
  if ((shapes & NUMBER_AFTER_GAP) !== 0) scanEuropeanStreets(text, out, kind, tailEnd); // `ul. Długa 12/4`, `Storgatan 8B` (street-eu.ts)
  if (shapes !== 0) scanDwellingUnits(text, out, kind); // `staying at the Hyatt …, room 415`, `lot 8 at … trailer park` (dwelling-units.ts)
  scanAccessStreets(text, out, kind); // `4410 Calle Olvera`, `2718 Đường Tully`, `斯托克顿街1187号` (access-streets.ts)
  scanScriptStreets(text, out, kind); // `東京都新宿区西新宿2-8-1`, `강남구 테헤란로 152`, `ул. Ленина, д. 5` (script-streets.ts)
}

/** The city of each US last line (LAST_LINE_RE). */
function scanLastLines(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LAST_LINE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[1].length, kind });
}

/** Street addresses (B) in free text: house number, street name, street suffix, optional unit. */
export const streetAddressDetector = defineDetector('street_address', '[ADDRESS]', 'B', scan);
