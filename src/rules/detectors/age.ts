import { defineDetector } from './define.js';
import { foundAt, resetAt } from './scan.js';
import type { Detection } from './types.js';
import { scanApproxAges } from './age-approx.js';

// Safe Harbor lets no age over 89 through (spec §1.4): `92 years old`, `age: 93`, `93yo`,
// `95-year-old`, `edad: 96`, `92 ans`, `91 años`, `93 Jahre alt` go (`[AGE]`, like every other
// redaction). A number alone is not an age, so an age word must come before it (`age`, `aged`,
// `edad`, `âge`, `Alter`) or an age unit after it (`years old`, `yrs`, `y/o`, `yo`, `ans`, `años`,
// `anni`, `Jahre alt`, `-jährige(r)` (not `-jähriges`, a jubilee), `jaar oud`, `år gammal`, `lat`, `歳`; Polish `lata`, Czech/Slovak `let`/`rokov`, Croatian
// `godina`, Romanian `(de) ani`, Finnish `vuotta`/`-vuotias`, Lithuanian `metai`, Hungarian `éves`, Turkish `yaşında`, Greek `ετών`). `90+` is the Safe Harbor category
// itself and stays, `95+` tells more; `ages 95 and up` is how programs and prose speak, and stays.
// One leading zero: DICOM writes an age as `096Y`, a form may pad one (`AGE 092`).
const NUM = '(0?(?:9[0-9]|1[01][0-9]))';
// `90 ans de soins`, `90 años de experiencia`, `90 anni di storia`: a span of years, not an age.
const NOT_AN_AGE = "(?![ \\t]+(?:d['\u2019]|(?:de(?![ \\t]+(?:idade|edad))|di|da|do|of|del|della|dans|en|w|tradycji)(?![\\p{L}\\p{M}])|experi))";
const AGE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:ages?|aged|edad|âge|alter|età|idade)(?:[ \\t]{0,2}(?:[:=#-]|is|of|was|de|von))?[ \\t]{0,2}${NUM}` +
    '(?![0-9]|[.,][0-9]|[ \\t]+(?:and|or|&)[ \\t]+(?:up|over|older|above))' +
    `|(?<![0-9]|[0-9][.,]|[$€£])${NUM}(?:[ \\t]{0,2}|[ \\t]?-[ \\t]?)` +
    '(?:(?:years?[ \\t-]+old|years?[ \\t-]+of[ \\t]+age|yrs?\\.?|y\\.[ \\t]?o\\.?|y/o|yo|(?<=[0-9])y' +
    `|(?:ans|años|anos|anni|lat|lata|let|rokov|godina|godine|(?:de[ \\t]+)?ani|vuotta|metai|metų)${NOT_AN_AGE}|jahre[ \\t]+alt|jaar[ \\t]+oud|år[ \\t]+gam(?:mal|mel)` +
    '|éves|yaşında(?:ki)?|vuotias|j(?:ä|ae)hrige[rn]?|ετών|χρονών|tuổi)(?![\\p{L}\\p{M}])' +
    // Japanese, Chinese and Korean write the unit against the next word (`93歳です`, `93岁的母亲`, `93세 어머니`, `93살이에요`): no
    // boundary after it. Korean `세대` (households), `세계` and `세금` after a number are not ages.
    '|歳|岁|歲|살|세(?!대|계|금))',
  'giu',
);
// A relative's word after its owner (`my grandmother`, `her husband`): PERSON_AGE_RE, PERSON_SAYS and OTHER_AGE_RE read it.
const KIN_WORD = '(?:grand|great[ -]?grand)?(?:father|mother|dad|mom|mum|pa|ma|parent|husband|wife|spouse|partner|brother|sister|aunt|uncle)';
// A person, then the number: `my father is 94`, `my husband turned 92`, `she's 91`, `I'm 93`, `I am 95`, `she is turning 92`,
// `my mom (93)`
// (how a chat or survey answer says an age without an age word). Units that make the number
// something else (`he is 95 lbs`, `I'm 90% sure`, `she was 92 minutes late`) are not ages.
const PERSON_AGE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:(?:my|his|her|our|their)[ \\t]+${KIN_WORD}` +
    "(?:[ \\t]{1,2}(?:is|was|turned|turns|(?:is[ \\t]+)?turning|just[ \\t]+turned)|['\u2019]s|[ \\t]{0,2}\\((?=[ \\t]?[0-9]))" +
    "|(?:he|she)(?:[ \\t]{1,2}(?:is|was|turned|turns|(?:is[ \\t]+)?turning)|['\u2019]s)|i[ \\t]+am|i['\u2019]m)" +
    `[ \\t]{0,2}${NUM}(?![0-9]|[.,][0-9]|[ \\t]*(?:%|°)|[ \\t]*(?:percent|per|pounds?|lbs?|kgs?|kilos?|minutes?|mins?|seconds?|hours?|hrs?|days?|weeks?|months?|miles?|mph|degrees?|dollars?|cents?|points?|pages?|feet|ft|inch|cm|mg|ml)(?![\\p{L}\\p{M}]))`,
  'giu',
);
// Clinical shorthand: the age glued to the sex in capitals (`92M presents with`, `91F w/ fall`, `grandpa 90M fell`), read
// where a note goes on as a note does (a clinical verb or abbreviation, punctuation or the end), so a million (`92M patients`,
// `$95M`) and a temperature (`fever 101F since`, `temp 99F.`: a temperature word before it) stay.
const SHORTHAND_RE = new RegExp(
  `(?<![0-9$€£]|[0-9][.,])${NUM}[MF](?=[ \\t]*(?:$|[.,;:)\\n]|-[ \\t]|(?:presents?|presenting|presented|w/|with|c/o|s/p|h/o|hx|pmh|fell|admitted|here|who|brought|comes?|came|pt|seen|s/s|now|is|was|has|had|on|hx|w/o)(?![\\p{L}])))`,
  'gu',
);
// An age said other ways: an ordinal birthday (`her 95th birthday`, `grandma's 100th bday`), the sex and the age across a slash
// (`F/93`, `93/M`), a `y` with a space and the sex after it (`96 y female`), `who is 97`, and a relative's age between commas
// (`my mom, 96, fell`). Each alternative's match is the number alone.
const KIN = `(?:${KIN_WORD}|grandpa|grandma|granny|nana)`;
const OTHER_AGE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${NUM}(?:st|nd|rd|th)(?=[ \\t]+(?:birthday|bday|b-day|cumpleaños|anniversaire|geburtstag)(?![\\p{L}]))` +
    `|(?<=(?<![\\p{L}])[MF]/)${NUM}(?![0-9/\\p{L}])|(?<![\\p{L}\\p{N}/])${NUM}(?=/[MF](?![\\p{L}]))` +
    `|(?<![\\p{L}\\p{N}])${NUM}(?=[ \\t]y(?:rs?)?[ \\t]+(?:female|male|woman|man|f|m)(?![\\p{L}]))` +
    `|(?<=(?<![\\p{L}])who[ \\t]+(?:is|was|turned|turns)[ \\t]+)${NUM}(?![0-9]|[.,][0-9]|[ \\t]*(?:%|°|percent|minutes?|mins?|hours?|days?|weeks?|months?|miles?|degrees?|dollars?|pounds?|lbs?)(?![\\p{L}]))` +
    `|(?<=(?<![\\p{L}])(?:my|his|her|our|their)[ \\t]+${KIN},[ \\t]?)${NUM}(?=[ \\t]?[,)])`,
  'giu',
);
const TEMPERATURE_BEFORE = /(?:(?<![a-z])(?:fever|febrile|temp|temperature|tmax|t|degrees?|high|low|heat|outside|weather)|°)[ \t:=]*(?:of|at|to|was|is)?[ \t]*$/i;
// After `90`: `+` (the category itself; `95+` tells more).
const CATEGORY_AFTER = /^[ \t]*\+/;
// The same ages in words (a chat or survey answer): `ninety-two years old`, `aged ninety one`,
// `a hundred and one years young`. `in her nineties` is no finer than `90+` and stays.
const WORDS = '(?:ninety(?:[ -]?(?:one|two|three|four|five|six|seven|eight|nine))?|(?:one[ -]|a[ -])?hundred(?:[ -]and)?(?:[ -](?:one|two|three|four|five|six|seven|eight|nine|ten))?)';
// A person said to be that old, in words (`my grandmother turned ninety three`, `she is ninety-four`, `I'm a hundred and
// one`): the same people as PERSON_AGE_RE, or `turned`/`turns`; a unit after it makes it something else (`is ninety minutes`).
const PERSON_SAYS = `(?:turned|turns|turning|(?:he|she|i|who|(?:my|his|her|our|their)[ \\t]+${KIN_WORD})` +
  "(?:[ \\t]+(?:is|was)|['\u2019]s)|i['\u2019]m|i[ \\t]+am)[ \\t]{1,2}(?:now[ \\t]+|just[ \\t]+)?";
const NOT_UNIT = '(?![ \\t-]*(?:percent|per|pounds?|lbs?|kilos?|minutes?|mins?|seconds?|hours?|days?|weeks?|months?|miles?|degrees?|dollars?|cents?|points?|pages?|feet)(?![\\p{L}\\p{M}]))';
const SPELLED_RE = new RegExp(
  `(?<![\\p{L}\\p{M}-])(?:(?:ages?|aged|age[ \\t]+of)(?:[ \\t]*[:=#-][ \\t]{0,2}|[ \\t]{1,2})(?:is[ \\t]+)?(${WORDS})|(${WORDS})(?=[ \\t-]{1,2}(?:years?[ \\t-]+(?:old|young|of[ \\t]+age)|yrs?|year-old|y/o)(?![\\p{L}\\p{M}]))` +
    `|${PERSON_SAYS}(${WORDS})${NOT_UNIT})(?![\\p{L}\\p{M}])`,
  'giu',
);
// The same in the other languages hospital sites serve, before their age unit (`zweiundneunzig Jahre alt`, `noventa y dos
// años`, `quatre-vingt-treize ans`, `novantadue anni`, `tweeënnegentig jaar`): a span of years (`neunzig Jahre Klinik`) has
// no `alt`, and `ans`/`años`/`anni` take NOT_AN_AGE as the digits do.
const FOREIGN_WORDS = "(?:(?:ein|zwei|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun)und)?neunzig|noventa(?:[ ](?:y|e)[ ](?:un[oa]?|um|dos|duas|dois|tres|três|cuatro|quatro|cinco|seis|siete|sete|ocho|oito|nueve|nove))?" +
  '|quatre-vingt-(?:dix(?:-(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize)|nonante(?:-(?:et-un|deux|trois|quatre|cinq|six|sept|huit|neuf))?' +
  '|novant(?:a|uno|adue|atr[eé]|aquattro|acinque|asei|asette|otto|anove)|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|en))?negentig';
const FOREIGN_SPELLED_RE = new RegExp(
  `(?<![\\p{L}\\p{M}-])(${FOREIGN_WORDS})[ \\t]+(?:jahre[ \\t]+alt|(?:años|anos|ans|anni)${NOT_AN_AGE}|jaar[ \\t]+oud)(?![\\p{L}\\p{M}])`,
  'giu',
);
const FOREIGN_HINT = /neunzig|novent|novant|nonante|quatre-vingt|negentig/i;

/** A text shorter than `ninety yr` (or `age ninety`, 10) holds no age in words (prefilter.ts). */
export const SPELLED_AGE_MIN = 9;
const SPELLED_HINT = /inety|undred/i;

function scanSpelled(text: string, out: Detection[], kind: string): void {
  const re = resetAt(SPELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const words = m[1] ?? m[2] ?? m[3];
    const end = m.index + m[0].length;
    out.push({ start: end - words.length, end, kind });
  }
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 3) return; // `92y` alone is an age
  const mark = out.length;
  const re = resetAt(AGE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const end = m.index + m[0].length;
      if (m[1] === '90' && CATEGORY_AFTER.test(text.slice(end, end + 12))) continue;
      out.push({ start: end - m[1].length, end, kind });
    } else out.push({ start: m.index, end: m.index + m[2].length, kind });
  }
  const person = resetAt(PERSON_AGE_RE, 0);
  while ((m = person.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[1] === '90' && CATEGORY_AFTER.test(text.slice(end, end + 12))) continue;
    // `she is 96 years old`: the unit already found this number.
    if (!foundAt(out, mark, end)) out.push({ start: end - m[1].length, end, kind });
  }
  const other = resetAt(OTHER_AGE_RE, 0);
  while ((m = other.exec(text)) !== null) {
    const temperature = text.charCodeAt(m.index + m[0].length) === 47 && TEMPERATURE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)); // `temp 93/F`
    if (!temperature && !foundAt(out, mark, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (SPELLED_HINT.test(text)) scanSpelled(text, out, kind);
  scanShorthand(text, out, kind);
  scanApproxAges(text, out, kind); // `in her late 90s`, `pushing 95`, `between 91 and 94` (age-approx.ts)
  if (FOREIGN_HINT.test(text)) {
    const re = resetAt(FOREIGN_SPELLED_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[1].length, kind });
  }
}

/** `92M presents` (SHORTHAND_RE), unless a temperature word comes right before it. */
function scanShorthand(text: string, out: Detection[], kind: string): void {
  const re = resetAt(SHORTHAND_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (TEMPERATURE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Ages over 89 (C), after an age word or before an age unit, in digits or in words. */
export const ageOver89Detector = defineDetector('age_over_89', '[AGE]', 'C', scan);
