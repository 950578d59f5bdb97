import { resetAt } from './scan.js';
import { GIVEN_NAMES } from './given-names.js';
import { nameWord } from './verb-name.js';
import { goodsWord, titleWord } from './item-name.js';
import { folded } from './name-words.js';
import { after } from './household-name.js';
import type { Detection } from './types.js';
const LEADING_WORD = /^[\p{L}\p{M}'\u2019-]+/u;
const LEADING_CAPITALISED_WORD = /^\p{Lu}[\p{Ll}\p{M}'\u2019-]+/u;
const WORD_END = /^(?:$|[ ,.!?;:)\n])/;
const LIST_SEPARATOR = /^(?:,[ ]+(?:and[ ]+|&[ ]+)?|[ ]+(?:and|&)[ ]+)/;
const OPENS_HAPPY = /^happy/i;
const WORLD_WORD = /world|mundo|monde/i;
const OPENS_Y = /^y/i;


// A newborn's or a child's name in a family's own words (Safe Harbor A: the individual's and their relatives' names): birth
// announcements, maternity, NICU and pediatric chats and forms. person-name.ts and household-name.ts read a name after a
// relative (`our son Liam was born`); here the cue is what says a small child is meant:
//  1 a newborn's or small child's word before the name: `baby Ava arrived`, `welcome baby Zoe!`, `our newborn Isla is…`,
//    `my preemie Wyatt is…`, `little Mateo has…`, `NICU graduate Josiah goes home`, `big sister Poppy is…`, `my 4 year old
//    Aiden has…`, `my 3yo Arlo has…`; the name must go on as a sentence does (a verb, a birth's words, a weight, the end), so
//    products and classes stay (`Baby Dove lotion`, `Baby Steps class`, `Baby Bjorn carrier`, `Little Mermaid story time`);
//  2 naming words: `we named her Sophia Grace`, `se llama Valentina`, `It's a girl! Harper Rose`, `Welcome to the world,
//    Camila!`, `Happy first birthday Eli!`;
//  3 several children after a plural (`twins Aria and Nora`, `my kids Liam and Noah`, `triplets Lila, Rosa and Cora`);
//  4 a child's age or care right after the name (`Mason (4) and Lucas (2)`, `Maya (age 7)`, `Elena is 3 weeks old`, `meet
//    Oliver, 3 weeks old`, `Luna's 2 month shots`, `Remy's 4 month checkup`, `Penelope, born 11/28`).
// A name is one capitalised word no title or shop names things with, and a second for the middle name, or a common given
// name typed in lower case. The prefilter's walk marks each cue (child-cues.ts).
const NAME = "\\p{Lu}[\\p{Ll}\\p{M}'\u2019-]+";
const AGE_UNIT = '(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)';
const LEAD_RE = new RegExp(
  '(?<![\\p{L}\\p{M}])(?:' +
  '((?:welcome[ ]+)?(?:(?:our|my|his|her|their|sweet|new)[ ]+)?(?:baby|b[eé]b[eéê]|newborn|preemie|toddler|nicu[ ]grad(?:uate)?|(?:big|little|baby)[ ](?:brother|sister|bro|sis)|little)(?:[ ](?:son|daughter|boy|girl|grandson|granddaughter|nephew|niece))?)' +
  "|((?:we[ ])?named[ ](?:him|her|them|(?:our|my|the)[ ](?:son|daughter|baby|boy|girl))|(?:se|te)[ ]llama|s['\u2019]appelle|it['\u2019]?s[ ]a[ ](?:girl|boy)[!.,:]*" +
  '|(?:welcome[ ]to[ ]the[ ]world|bienvenid[oa]s?[ ]al[ ]mundo|bienvenue[ ]au[ ]monde),?' +
  '|happy[ ](?:(?:1[0-9]|[1-9])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth)[ ]birthday(?:,|[ ]to(?:[ ](?:our|my|little))?)?)' +
  '|((?:my|our|the|his|her|their)[ ](?:kids|children|boys|girls|sons|grandkids|grandchildren|twins|triplets|little[ ]ones)|twins|triplets)' +
  `|((?:my|our|his|her|their)[ ][0-9]{1,2}[ -]?(?:${AGE_UNIT}[ -]old|yo|mo))` +
  ')(?:,[ ]*|[ ]+)',
  'giu',
);
// A child's age or care after the name: `Elena is 3 weeks old`, `Oliver, 3 weeks old`, `Mason (4)`, `Maya (age 7)`.
const AGE_AFTER_RE = new RegExp(`(?<![\\p{L}\\p{M}])(${NAME})(?:(?:,[ ]*|[ ]+is[ ]+(?:now[ ]+|only[ ]+|just[ ]+)?)([0-9]{1,2})[ -]?(${AGE_UNIT})[ -]old(?![\\p{L}])` +
  `|[ ]?\\((age[ ]?)?([0-9]{1,2})(?:[ ]?(yo|${AGE_UNIT}))?\\))`, 'gu');
const CARE_AFTER_RE = new RegExp(`(?<![\\p{L}\\p{M}])(${NAME})['\u2019]s[ ](?:[0-9]{1,2}[ -]?(?:day|week|month|year|wk|mo|yr)s?[ -](?:old[ ])?)?` +
  '(?:shots|vaccines?|vaccinations|immunizations|check-?ups?|well[ -](?:child|baby|visit)|physical|newborn[ ]screen|ear[ ]infection|fever|rash)(?![\\p{L}])', 'gu');
// A birth said right after the name, at a sentence's start (`Penelope, born 11/28 at 2:14 pm`, `Jasper Lee, 8 lbs 1 oz`); a birthplace
// and a clinician's title before stay (`Dr. Helena Marsh, born in Ohio`).
const BIRTH_AFTER_RE = new RegExp(`(?:^|(?<!(?:^|[^\\p{L}])(?:[Dd]r|[Mm]rs?|[Mm][sx]|[Pp]rof|[Ss][tr]|[Jj]r))[.!?\\n][ ]*)(${NAME}(?:[ ]${NAME})?)(?:(?:,[ ]|[ ]was[ ])born[ ](?:on|at|today|yesterday|this|last|early|[0-9])|,?[ ][0-9]{1,2}[ ]?(?:lbs?|pounds?),?[ ][0-9]{1,2}[ ]?oz)(?![\\p{L}])`, 'gu');
const CHILD_HINT = /baby|b[eé]b[eéê]|born|newborn|preemie|toddler|nicu|brother|sister|little|named|llama|appelle|it['\u2019]?s a|world|mundo|monde|birthday|kids|children|boys|girls|sons|daughters|grandkids|twins|triplets|ones|oz|[0-9][ -]?(?:y|mo|w|d)|\(|['\u2019]s /iu;
// After the name of a newborn's or a child's word: a birth's words, a weight or a clock (`baby Ava arrived at 3am, 7 lb 2 oz`).
const BIRTH_TAIL = /^[ ]+(?:turns|arrived|weighs|weighed|heads|born|home|today|tonight|yesterday|[0-9]{1,2}[ ]?(?:lbs?|oz|kg|am|pm)|[0-9]{1,2}:[0-9]{2})(?![\p{L}])/iu;
const BORN_TAIL = /^[ ]+(?:was|is|has)[ ](?:born|here|arrived)(?![\p{L}])/iu;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:a|an|the)[ ]$/iu;
// A verb's negative going on after the name (`big brother Caleb can't wait`, `… won’t eat`).
const NOT_CONTRACTION = /^[ ]+[a-z]{2,5}n['\u2019]t(?![a-z])/i;
// Words a title or a shop puts after `Baby`, `Little`, `It's a Girl`, or that open no name there.
const NOT_CHILD = new Set(['baby', 'babies', 'shower', 'showers', 'party', 'kit', 'kits', 'sign', 'banner', 'cake', 'balloon', 'balloons', 'our', 'the', 'your', 'my',
  'and', 'or', 'of', 'on', 'in', 'at', 'to', 'for', 'with', 'is', 'was', 'has', 'had', 'girl', 'boy', 'girls', 'boys', 'children', 'kids', 'women', 'men', 'mom', 'moms',
  'mother', 'mothers', 'dad', 'dads', 'today', 'tonight', 'tomorrow', 'this', 'next', 'weekend', 'parents', 'parent', 'family', 'families', 'care', 'center', 'unit', 'ward', 'nursery', 'league', 'ones']);

/** Whether `w` may be a child's name: a capitalised word no title or shop uses, or a common given name in lower case. */
function childWord(w: string): boolean {
  const l = w.toLowerCase();
  if (w === l) return GIVEN_NAMES.has(folded(l));
  return nameWord(l) && !titleWord(l) && !goodsWord(l) && !NOT_CHILD.has(l);
}

/** The end of the child's name at `from` (a given name and a capitalised middle name), or -1. */
function childNameEnd(text: string, from: number): number {
  const first = LEADING_WORD.exec(text.slice(from, from + 32))?.[0] ?? '';
  if (first.length < 2 || !childWord(first)) return -1;
  let end = from + first.length;
  if (first !== first.toLowerCase() && text.charCodeAt(end) === 32) {
    const second = LEADING_CAPITALISED_WORD.exec(text.slice(end + 1, end + 32))?.[0] ?? '';
    if (second !== '' && childWord(second) && WORD_END.test(text.slice(end + 1 + second.length, end + 2 + second.length))) end += 1 + second.length;
  }
  return end;
}

/**
 * Whether the text goes on after a newborn's or a child's name as a sentence does (see group 1). After a title-cased lead (`Baby
 * Einstein is on sale`, `Baby Shark plays`, `Baby Steps!`) only a birth's words do, or a common given name going on (`Baby Ava is…`).
 */
function goesOn(text: string, from: number, end: number, capital: boolean): boolean {
  if (BIRTH_TAIL.test(text.slice(end, end + 12)) || BORN_TAIL.test(text.slice(end, end + 16))) return true;
  if (capital && !GIVEN_NAMES.has(folded(text.slice(from, end).split(' ')[0]?.toLowerCase() ?? ''))) return false;
  const next = after(text, end);
  if (next === 'verb' || NOT_CONTRACTION.test(text.slice(end, end + 12))) return true;
  return next === 'close' || next === 'comma';
}

/** Two or more names joined by commas and `and`/`&` at `from` (group 3), pushed; false when fewer than two. */
function pushList(text: string, from: number, out: Detection[], kind: string): void {
  const found: Detection[] = [];
  let at = from;
  for (let n = 0; n < 6; n++) {
    const end = childNameEnd(text, at);
    if (end < 0) break;
    found.push({ start: at, end, kind });
    const sep = LIST_SEPARATOR.exec(text.slice(end, end + 8));
    if (sep === null) break;
    at = end + sep[0].length;
  }
  if (found.length >= 2) out.push(...found);
}

function scanLeads(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LEAD_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    if (m[3] !== undefined) { pushList(text, from, out, kind); continue; }
    // `little` only in prose: `Little Mermaid`, `Little Free Library` are titles.
    // An article before the word makes it a product's (`a toddler Bed Rail`, `the Baby Jogger`).
    if (m[1] !== undefined && (m[1] === 'Little' || ARTICLE_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index)))) continue;
    const end = childNameEnd(text, from);
    if (end < 0) continue;
    const capital = m[1] !== undefined && (m[1].slice(m[1].lastIndexOf(' ') + 1).codePointAt(0) ?? 97) < 97;
    const tailed = m[2] !== undefined ? !OPENS_HAPPY.test(m[2]) && !WORLD_WORD.test(m[2]) : false;
    if (!tailed && !(m[2] !== undefined ? after(text, end) === 'close' || after(text, end) === 'comma' : goesOn(text, from, end, capital))) continue;
    out.push({ start: from, end, kind });
    re.lastIndex = end;
  }
}

/** Group 4: a child's age, care or birth right after the name. */
function scanAfterName(text: string, out: Detection[], kind: string): void {
  const paren: Detection[] = [];
  // exec loops, not matchAll: matchAll constructs a new RegExp on every call (the plan's callgrind showed one per scan).
  // No pattern here matches an empty string, so the loops never stall.
  const age = resetAt(AGE_AFTER_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = age.exec(text)) !== null) {
    const name = m[1] as string;
    if (!childWord(name)) continue;
    const given = GIVEN_NAMES.has(folded(name.toLowerCase()));
    const d = { start: m.index, end: m.index + name.length, kind };
    if (m[0].endsWith(')')) { if (m[4] !== undefined || m[6] !== undefined) out.push(d); else paren.push(d); continue; }
    if (m[3] !== undefined ? !OPENS_Y.test(m[3]) || given : given) out.push(d);
  }
  // A bare number in brackets is a child's age after a common given name, or when two or more stand together (`Mason (4) and Lucas (2)`).
  out.push(...(paren.length >= 2 ? paren : paren.filter((d) => GIVEN_NAMES.has(folded(text.slice(d.start, d.end).toLowerCase())))));
  for (const re of [CARE_AFTER_RE, BIRTH_AFTER_RE]) {
    resetAt(re, 0);
    while ((m = re.exec(text)) !== null) {
      const name = m[1] as string;
      if (!name.split(' ').every(childWord)) continue;
      const start = m.index + m[0].indexOf(name);
      out.push({ start, end: start + name.length, kind });
    }
  }
}

/** Newborns' and children's names (see above). */
export function scanChildNames(text: string, out: Detection[], kind: string): void {
  if (text.length < 8 || !CHILD_HINT.test(text)) return;
  scanLeads(text, out, kind);
  scanAfterName(text, out, kind);
}
