import { resetAt } from './scan.js';
import { nameWord, verbLike } from './verb-name.js';
import { TITLE_STOP } from './name-words.js';
import { titleWord } from './item-name.js';
import { nameEnd } from './person-name.js';
import type { Detection } from './types.js';

// Who signs a card, a note or a family's message, and a family named by its surname (Safe Harbor A: relatives and household):
//  - after a warm sign-off (`love`, `xoxo`, `hugs`, `love always`, `thanks so much`, `con cariño`, `bisous`, `alles Liebe`…), a
//    relative's title and its name closing the line, in any case (`love, grandma jean`, `xoxo nana bea`, `Love, Aunt Carol &
//    Uncle Jim`, `con cariño, tu abuela lupita`), or a capitalised name alone (`Thanks so much, Bernadette`);
//  - a family as its plural surname after `from`/`for`/`love` closing the line or before a room (`from the Nguyens`, `Flowers
//    for the Hendersons (room 214)`); a place's plural (`the Rockies`, `the Philippines`, `the Netherlands`) stays;
//  - an occupant named by bed or room (`the patient in bed 4 is Robert`), and a neighbour by where they live (`it's Kim from 4B`).
// `Love, the Northbay care team`, `love this clinic`, `from the team at Northbay` stay: no relative's title and no closing name.
const WARM = "(?:(?:lots[ ]of|all[ ](?:my|our)|with|much|sending)[ ]love|love(?:[ ](?:always|ya|you[ ](?:lots|all|so[ ]much)))?|xoxo|xo|(?:big[ ])?hugs(?:[ ]and[ ]kisses)?" +
  '|(?:thanks|thank[ ]you)[ ](?:so|very)[ ]much|many[ ]thanks|warmly|warm[ ]wishes|best[ ]wishes|take[ ]care|god[ ]bless|besos|abrazos|con[ ](?:cari[ñn]o|amor)' +
  '|(?:gros[ ])?bisous|affectueusement|alles[ ]liebe|baci|un[ ]abbraccio)';
const TITLE_KIN = '(?:(?:your|tu|ta|ton|dein|deine|votre|vostra|tua|tuo)[ ]+)?(?:(?:great[ -]?)?grand(?:ma|pa|mother|father|son|daughter)|granny|gran|nana|nanna|nan' +
  '|pop-?pop|poppy|papa|gigi|mimi|meemaw|aunt|auntie|aunty|uncle|cousin|mom|mum|mommy|dad|daddy|sis|bro|brother|sister|son|daughter|niece|nephew' +
  '|abuel[oa]|abuelit[oa]|t[íi][oa]|prim[oa]|hij[oa]|niet[oa]|mamie|papy|tata|tante|onkel|oma|opa|nonn[oa]|zi[oa]|wife|husband)';
// The sign-off ends with a comma (the prefilter marks it there: cue-at.ts breakCue), or is `xoxo`/`xo` (marked at the `x`).
const SIGN_OFF_RE = new RegExp(`(?:^|(?<=[\\n.!?][ ]*))(?:${WARM},|xoxo|xo)[ ]*[,!.]?[ \\n]+`, 'giu');
const TITLE_KIN_RE = new RegExp(`^${TITLE_KIN}[ ]+`, 'iu');
const JOINED_KIN_RE = new RegExp(`^[ ]*(?:&|and|y|et|und)[ ]+${TITLE_KIN}[ ]+`, 'iu');
const CLOSES = /^[ .!)]*(?:$|\r?\n)/;
const LETTERS = /^[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}]+)*/u;
const KIN_WORD = new RegExp(`^${TITLE_KIN}$`, 'iu');
const HINT = /love|xo|hug|thank|warm|wishes|care|bless|beso|abrazo|cari|amor|bisou|affectueuse|liebe|bac|abbraccio/i;

// A family's plural surname (group 1) after a card's words; a place's plural ending stays.
const PLURAL_RE = /(?<![\p{L}\p{M}])(?:[Ff]rom|[Ff]or)[ ][Tt]he[ ](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?s)(?=[ ]*(?:$|[\n.!,]|\())/gu;
const PLACE_PLURAL = /(?:ies|lands|ines|ades|ands|as|ains|ills|ers|ites)$/;
const OCCUPANT_RE = /(?<![\p{L}\p{M}])(?:in|at)[ ](?:room|rm\.?|bed|bay|cama|chambre|zimmer)[ ]?#?[0-9][0-9A-Za-z-]{0,5}[ ]is[ ]+/giu;
const FROM_HOME_RE = /(?<![\p{L}\p{M}])(?:it['\u2019]s[ ]+|its[ ]|this[ ]is[ ]+)(\p{Lu}\p{Ll}+)[ ]+from[ ]+(?:apt\.?|apartment|unit|room|suite|flat|#|next[ ]door|upstairs|downstairs|across[ ]the[ ]hall|[0-9])/giu;

/** The words of a signature from `from`, each a name word, to the line's end: the end, or -1. */
function signatureEnd(text: string, from: number, anyCase: boolean): number {
  let p = from;
  let words = 0;
  while (words < 3) {
    const w = LETTERS.exec(text.slice(p, p + 40))?.[0] ?? '';
    const lower = w.toLowerCase();
    if (w === '' || KIN_WORD.test(lower) || !nameWord(lower) || titleWord(lower) || TITLE_STOP.has(lower) || verbLike(lower) || (!anyCase && w[0] === lower[0])) break;
    p += w.length;
    words++;
    if (text.charCodeAt(p) !== 32 || !LETTERS.test(text.slice(p + 1, p + 2))) break;
    p++;
  }
  const end = text.charCodeAt(p - 1) === 32 ? p - 1 : p;
  return words > 0 ? end : -1;
}

/** A signature after the warm sign-off ending at `from`: relatives' titles and names (`Aunt Carol & Uncle Jim`), or a capitalised name. */
function scanSignature(text: string, from: number, out: Detection[], kind: string): void {
  let p = from;
  const found: Detection[] = [];
  for (let kin = TITLE_KIN_RE.exec(text.slice(p, p + 40)); kin !== null; kin = JOINED_KIN_RE.exec(text.slice(p, p + 40))) {
    const start = p + kin[0].length;
    const end = signatureEnd(text, start, true);
    if (end < 0) return;
    found.push({ start, end, kind });
    p = end;
  }
  if (found.length === 0) {
    const end = signatureEnd(text, from, false);
    if (end > from) found.push({ start: from, end, kind });
  }
  const last = found.length > 0 ? (found[found.length - 1] as Detection).end : -1;
  if (last > 0 && CLOSES.test(text.slice(last, last + 4))) out.push(...found);
}

/** Names a card or a neighbour signs with, families' plural surnames and occupants (see above). */
export function scanSignOffNames(text: string, out: Detection[], kind: string): void {
  if (HINT.test(text)) {
    const re = resetAt(SIGN_OFF_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) scanSignature(text, m.index + m[0].length, out, kind);
  }
  if (text.indexOf('the ') >= 0) {
    const re = resetAt(PLURAL_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const name = m[1] as string;
      if ((PLACE_PLURAL.test(name) && !name.includes('-')) || !nameWord(name.slice(0, -1).toLowerCase())) continue;
      const start = m.index + m[0].length - name.length;
      out.push({ start, end: start + name.length, kind });
    }
  }
  scanAfter(OCCUPANT_RE, text, out, kind);
  scanAfter(FROM_HOME_RE, text, out, kind);
}

/** The capitalised name right after each match of `re` (its group 1 when it has one). */
function scanAfter(re: RegExp, text: string, out: Detection[], kind: string): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const start = m.index + m[0].indexOf(m[1], 3);
      if (nameWord(m[1].toLowerCase()) && !TITLE_STOP.has(m[1].toLowerCase())) out.push({ start, end: start + m[1].length, kind });
      continue;
    }
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end > from) out.push({ start: from, end, kind });
  }
}
