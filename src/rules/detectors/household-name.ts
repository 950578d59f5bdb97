import { codeAt } from '../../common/code-at.js';
import { resetAt } from './scan.js';
import { GIVEN_NAMES } from './given-names.js';
import { nameWord, verbLike } from './verb-name.js';
import { TITLE_STOP, folded } from './name-words.js';
import { titleWord } from './item-name.js';
import { fullName, nameEnd } from './person-name.js';
import { WORD_NAMES } from './word-names.js';
import type { Detection } from './types.js';

// A relative's or a household member's name said in passing (Safe Harbor A: the individual's relatives and household
// members), where person-name.ts and relative-name.ts see no name: a given name that is also a word or not on the common
// list (`my daughter grace has a fever`, `mijn zoon daan heeft koorts`), after `our` (`our son ethan was seen`), in German
// with its capital (`mein Sohn Lukas hat Fieber`), after someone who lives with or looks after the patient (`my roommate
// Jake Torres`, `our neighbor, Tom Becker,`, `my caregiver rosalind pike picks up…`) or an honorific (`my landlord mr.
// hughes`, `mi vecina doña carmen`). With no capital to say so, the word is a name only when a sentence goes on after it
// with a verb (`has`, `hat`, `heeft`, `tiene`…), it stands between commas, or it is a common given name closing the clause:
// `my daughter really needs`, `my son has been`, `our neighbor's dog`, `meine Mutter Hilfe braucht` stay.
export const EN_KIN = '(?:(?:grand|great[ -]?grand|step|foster)[ -]?)?(?:mother|father|mom|mum|mommy|dad|daddy|husband|wife|spouse|partner|son|daughter|child|kid|' +
  'baby|boy|girl|brother|sister|aunt|auntie|uncle|nephew|niece|cousin|fianc[ée]e?|fiancee?|boyfriend|girlfriend|grandma|grandpa|granny|nana|twins?)(?:[ -]in[ -]law)?';
export const HOUSEHOLD = '(?:room[ -]?mate|house[ -]?mate|flat[ -]?mate|(?:next[ -]door[ ])?neighbou?r|landlord|landlady|tenant|lodger|care[ ]?giver|caretaker|carer|' +
  '(?:home[ ](?:health[ ])?)?aide|nanny|(?:baby[ ]?)?sitter|au[ ]pair|(?:best[ ])?friend|co-?worker|colleague|boss|supervisor|sponsor|housekeeper)';
const EN_ADJ = '(?:(?:little|big|baby|older|younger|oldest|youngest|eldest|twin|teenage|adult|elderly|new|old|dear|late|upstairs|downstairs)[ ])?';
const DE = 'meine?[mnrs]?[ ](?:mutter|vater|mama|papa|mann|ehemann|frau|ehefrau|sohn|tochter|oma|opa|gro(?:ß|ss)(?:mutter|vater)|schwester|bruder|tante|onkel' +
  '|enkel(?:in)?|kind|nachbar(?:in)?|mitbewohner(?:in)?|freund(?:in)?|pfleger(?:in)?|vermieter(?:in)?|betreuer(?:in)?|kollegin|kollege)';
const OTHER = '(?:mia|mio)[ ](?:madre|padre|mamma|pap[àa]|marito|moglie|figli[oa]|nonn[ao]|fratello|sorella|zi[ao]|vicin[oa]|amic[oa]|badante|coinquilin[oa])' +
  '|mijn[ ](?:moeder|vader|man|vrouw|zoon|dochter|oma|opa|zus|broer|tante|oom|buurman|buurvrouw|huisgenoot|vriend(?:in)?)' +
  '|(?:mi|minha|meu|ma|mon|notre|nuestr[oa])[ ](?:vecin[oa]|vizinh[oa]|compa[ñn]er[oa](?:[ ]de[ ](?:piso|cuarto|casa))?|cuidador[a]?|ni[ñn]era|amig[oa]|voisine?' +
  '|colocataire|amie?|nounou|hij[oa]|filh[oa]|fils|fille|espos[oa]|marido|mari|femme|herman[oa]|irm[ãa]o?|fr[èe]re|s(?:œ|oe)ur|abuel[oa]|av[óô])';
// Group 1: the English owner (its relative's capital says prose or a title: `our son Ethan` against `Our Partner Hospitals`);
// group 2: the relative's word; group 3: German, where a noun is capitalised too.
const LEAD_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:(my|his|her|their|our)[ ]${EN_ADJ}(?:(?:${EN_KIN}|${HOUSEHOLD})['\u2019]s[ ])?(${EN_KIN}|${HOUSEHOLD})|(${DE})|${OTHER})[ ]*(,?)[ ]+`, 'giu');
const LEAD_HINT = /(?:^|[^a-z])(?:my|his|her|their|our|meine?[mnrs]?|mia|mio|mijn|mi|minha|meu|ma|mon|notre|nuestr[oa])[ ]/i;

// What a sentence goes on with after its subject: a verb, a modal or an adverb before one, in the languages above.
const GOES_ON = new Set(('is was are were has had have turns arrived weighs weighed needs need wants want will would can could should may might must did does do got gets get went ' +
  'goes keeps kept fell broke came comes said says lives died turned seems looks feels felt hurt woke found drove brought took takes gave told saw ' +
  'left sent ran hit ate just really also still never always usually only hardly even again too now who isnt wasnt doesnt didnt cant wont ' +
  'hat ist war hatte wird wurde kann konnte muss musste soll will möchte braucht liegt lag bekommt bekam geht ging kommt kam hustet schläft weint ' +
  'brauche habe bin suche hätte würde bräuchte benötige ' +
  'wohnt lebt sagt fiel hat heeft had moet wil kon ligt gaat komt ha è era aveva sta deve vuole può tiene tuvo está esta es fue necesita quiere ' +
  'va tem teve foi precisa quer vai est était avait doit veut me se le no não ne').split(' '));
// Words that open no name after a relative (an adverb or pronoun before the verb: `my daughter often has`).
const NOT_A_NAME = new Set(('often sometimes already then once soon later today tonight yesterday tomorrow here there herself himself themselves ' +
  'alone both each all and or but which that not the a an this these those every some any what when where how why because since so if as ' +
  'however though anyway meanwhile instead perhaps maybe please again ' +
  // what closes a sentence after a relative and is no name (`for my son first.`, `with my mom lol`)
  'first last ok okay thanks thx lol asap haha pls plz tho jr sr either neither anymore yet outside inside upstairs downstairs home ever alone ' +
  // what a relative has, typed without its `'s` (`my mom phone is broken`)
  'phone cell number email address car bill bills appointment appt surgery test tests results meds medicine medication prescription ' +
  'birthday room nurse doctor school work job insurance condition pain fever house dog cat teacher ' +
  'ich er sie es und oder der die das den dem ein eine nicht auch noch schon immer jetzt heute gestern krank müde schwach besser hier da ' +
  'zuhause wieder e ed il lo la che non anche en het de een ' +
  'niet ook y o el los las que también et ou qui aussi').split(' '));
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|herr|frau|don|do[ñn]a|se[ñn]ora?|sra?|srta|monsieur|madame|mme|mlle|signora?|sig|dhr|mevr(?:ouw)?|meneer)$/i;
// A German subordinate clause puts its verb last (`…, ob meine Mutter Hilfe braucht`): there a noun stands where a name would.
const GERMAN_VERB_END = /(?:t|en|ern|eln)$/;
// A verb with more words after it: the clause goes on (a main clause's verb stands second, not last).
const TWO_WORDS_ON = /^[ ]+\S+[ ]+\S/u;
const GERMAN_SUBORDINATE = /(?:^|[^\p{L}])(?:dass|daß|weil|ob|wenn|da|obwohl|damit|als|bevor|nachdem|seit|sobald|falls)[ ]+(?:\p{L}+[ ]+)?$/iu;

const GERMAN_PREPOSITION = /(?:^|[^\p{L}])(?:f(?:ü|ue)r|mit|bei|von|an|zu|über|wegen)[ ]+$/iu;
// After the name a new phrase may open with a preposition or `und` (`für meine Tochter Lena wegen Fieber`).
const GERMAN_PHRASE_ON = /^[ ]+(?:wegen|mit|zum|zur|ins|im|in|bei|nach|seit|am|um|ab|und|heute|morgen)(?![\p{L}])/iu;
// A sentence's or a text's end (not a comma or a question: `is that my son?`).
const SENTENCE_END = /^(?:$|[.!](?:$|[ \n])|\n)/;
const OBJECTS = new Set(['up', 'out', 'me', 'him', 'her', 'us', 'them', 'my', 'his', 'our', 'their', 'the', 'a', 'an', 'in', 'on', 'off', 'over']);
const LETTERS = /^[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}]+)*/u;

/** The word at `i` (letters, marks, inner `'` or `-`), or ''. */
function wordAt(text: string, i: number): string {
  return LETTERS.exec(text.slice(i, i + 40))?.[0] ?? '';
}

/** Whether lower-case `w` can be a name right after a relative (no verb, adverb, pronoun or title word). */
function nameLike(w: string): boolean {
  return w.length >= 2 && !GOES_ON.has(w) && !NOT_A_NAME.has(w) && !TITLE_STOP.has(w) && nameWord(w) && !titleWord(w) && !adverbOrVerb(w) && !w.includes("'");
}

// A short `-ly` word is a name as often as an adverb (`lily`, `holly`, `polly`); these few are adverbs.
const SHORT_ADVERBS = new Set(['only', 'early', 'daily', 'badly', 'truly', 'oddly', 'madly', 'fully', 'duly', 'wholly', 'sadly']);
function adverbOrVerb(w: string): boolean {
  return verbLike(w) && (w.length > 5 || !w.endsWith('ly') || SHORT_ADVERBS.has(w));
}

/** Between commas after a relative (`my sister, june, needs a ride`) a month or a site's word is a name too. */
function appositive(w: string): boolean {
  return w.length >= 2 && !GOES_ON.has(w) && !NOT_A_NAME.has(w) && !TITLE_STOP.has(w) && !adverbOrVerb(w) && !w.includes("'");
}

/** What follows a name ending at `end`: 'verb' (a sentence going on), 'close' (end, punctuation) or 'word' (kin-title.ts reads it too). */
export function after(text: string, end: number): 'verb' | 'close' | 'comma' | 'word' {
  const c = codeAt(text, end);
  if (end >= text.length || c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 41) return 'close';
  if (c === 44) return 'comma';
  if (c !== 32) return 'word';
  const next = wordAt(text, end + 1).toLowerCase();
  if (GOES_ON.has(next) || (next.length > 3 && verbLike(next))) return 'verb';
  // A verb in `-s` before its object or particle (`… picks up my meds`, `… gives him his inhaler`).
  return next.length > 3 && next.endsWith('s') && OBJECTS.has(wordAt(text, end + 2 + next.length).toLowerCase()) ? 'verb' : 'word';
}

/** The end of the name at `from` after a lead (see above), or -1; `comma` says the lead closed with a comma. */
function nameAfterLead(text: string, from: number, m: RegExpExecArray): number {
  const first = wordAt(text, from);
  if (first === '') return -1;
  const firstEnd = from + first.length;
  if (HONORIFIC.test(first)) {
    const at = codeAt(text, firstEnd) === 46 ? firstEnd + 2 : firstEnd + 1;
    const surname = wordAt(text, at);
    return codeAt(text, at - 1) === 32 && nameLike(surname.toLowerCase()) ? at + surname.length : -1;
  }
  const lower = first.toLowerCase();
  const capital = first !== lower;
  if (m[4] === ',' && after(text, firstEnd) === 'comma' && appositive(lower)) return firstEnd;
  const german = m[3] !== undefined;
  if (capital) {
    // An English title capitalises the relative too (`Our Partner Hospitals`); a German noun needs a verb after it, in a main clause.
    if (m[2] !== undefined && m[2] !== m[2].toLowerCase()) return -1;
    if (german && GERMAN_SUBORDINATE.test(text.slice(Math.max(0, m.index - 24), m.index))) return -1;
    const end = nameEnd(text, from, true, true);
    if (end <= from) return -1;
    if (end > firstEnd) return fullName(text, from, end) ? end : -1;
    const next = after(text, end);
    // A German verb closing its clause is a subordinate clause's (`meine Mutter Hilfe braucht`): the name needs one going on.
    // After a preposition the relative is its object: a capitalised word closing the phrase is their name (`für meinen Sohn Lukas`).
    // A new phrase after it: a German noun stands there as often (`für meine Tochter Schuhe mit …`), so only a given name.
    const phraseEnds = next === 'close' || (next === 'word' && GIVEN_NAMES.has(folded(lower)) && GERMAN_PHRASE_ON.test(text.slice(end, end + 12)));
    if (german && phraseEnds && nameLike(lower) && GERMAN_PREPOSITION.test(text.slice(Math.max(0, m.index - 8), m.index))) return end;
    if (german && (next !== 'verb' || !TWO_WORDS_ON.test(text.slice(end, end + 40)))) return -1;
    if (!nameLike(lower)) return -1;
    return next === 'verb' || next === 'close' || (next === 'comma' && m[4] === ',') ? end : next === 'word' ? pairEnd(text, end, m[4] === ',') : -1;
  }
  if (!(nameLike(lower) || wordName(text, lower, firstEnd)) || (german && GERMAN_SUBORDINATE.test(text.slice(Math.max(0, m.index - 24), m.index)))) return -1;
  // A surname may follow (`my caregiver rosalind pike picks up`), then the verb.
  let end = firstEnd;
  let next = after(text, end);
  if (next === 'word') {
    const second = wordAt(text, end + 1);
    if (second === second.toLowerCase() && nameLike(second) && after(text, end + 1 + second.length) === 'verb') return end + 1 + second.length;
  }
  if (next === 'verb' || (next === 'comma' && m[4] === ',')) return end;
  if (next === 'word') return pairEnd(text, end, m[4] === ',');
  // Closing a German main clause typed in lower case, a word is no verb unless it ends like one (`mein sohn lukas`; `… schläft`).
  // Closing its sentence, a word that is no verb, adverb or title is the name too (`a note for my daughter hope.`).
  return GIVEN_NAMES.has(folded(first)) || (german && !GERMAN_VERB_END.test(lower)) || (next === 'close' && SENTENCE_END.test(text.slice(end, end + 2))) ? end : -1;
}

/** A given name that is also a word or a month (word-names.ts), closing its sentence or before a verb that goes on (`my sister faith`). */
function wordName(text: string, lower: string, end: number): boolean {
  if (!WORD_NAMES.has(lower)) return false;
  const next = after(text, end);
  return next === 'close' ? SENTENCE_END.test(text.slice(end, end + 2)) : next === 'verb' && GOES_ON.has(wordAt(text, end + 1).toLowerCase());
}

const JOINERS = new Set(['and', 'und', 'y', 'et', 'e', 'en', '&']);

/** Two names joined by `and` before the verb (`my twins emma and isla have pink eye`): the end of the second, or -1. */
function pairEnd(text: string, end: number, comma: boolean): number {
  const joiner = text.slice(end + 1, text.indexOf(' ', end + 1));
  if (!JOINERS.has(joiner.toLowerCase())) return -1;
  const at = end + 2 + joiner.length;
  const second = wordAt(text, at);
  const next = after(text, at + second.length);
  return nameLike(second.toLowerCase()) && (next === 'verb' || (comma && next === 'comma')) ? at + second.length : -1;
}

/** Names after a relative or a household member (see above). */
export function scanHouseholdNames(text: string, out: Detection[], kind: string): void {
  if (!LEAD_HINT.test(text)) return;
  const re = resetAt(LEAD_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameAfterLead(text, from, m);
    if (end > from) {
      out.push({ start: from, end, kind });
      re.lastIndex = end;
    }
  }
}

const OUR_LEAD = new RegExp(`^our[ ]${EN_ADJ}(?:${EN_KIN}|${HOUSEHOLD})(?![\\p{L}\\p{M}])`, 'iu');

/** At the `o` of `our` before a relative or a household member (the prefilter's NAME_CUE; `my`, `mein`, `mi` are marked already). */
export function ourLeadAt(text: string, i: number): boolean {
  return OUR_LEAD.test(text.slice(i, i + 48));
}
