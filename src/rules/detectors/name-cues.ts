import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { fullName, nameEnd } from './person-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { scanRoleName, scanVerbName } from './verb-name.js';
import { scanScriptCues } from './script-cues.js';
import { scanVietHonorifics } from './viet-honorific.js';
import { scanAccessCues } from './access-cues.js';
import { scanRoleOpening } from './role-opening.js';
import { scanCaptionName } from './caption-name.js';
import { scanPersonPaths } from './person-path.js';
import { scanMisreadLabels } from './ocr-label.js';
import { NAME_ID_HINT, scanNameBeforeId } from './name-before-id.js';
import { SPELLED_HINT, scanSpelledNames } from './spelled-name.js';
import { scanSignedIn } from './signed-in-name.js';
import { scanAddressedNames } from './addressed-name.js';
import { scanRelativeNames } from './relative-name.js';
import { scanDeviceOwners } from './device-owner.js';
import { scanChildNames } from './child-name.js';
import type { Detection } from './types.js';

const CLOSING_PAREN_COLON = /^\)[ ]?:/;
const ONLY_SPACES_DOTS_BANGS = /^[ .!]*$/;
const END_OR_COMMA_PAREN_NEWLINE = /^(?:$|[ ]*[,(\n])/;
// After a greeting's name: its punctuation, or a page title's separator (`Welcome back, Jane Doe | Northbay Health`).
const AFTER_GREETED_NAME = /^[ ]*(?:[,!:|\u2022\u00b7]|[ ]-[ ]|[ ][\u2013\u2014][ ])/;
const ONLY_SPACES = /^[ ]*$/;
const LEADING_COMMA_OR_SEMICOLON = /^[ ]*[,;][ ]*/;
const LEADING_FOUR_DIGITS = /^\d{4}/;
const HYPHEN_OR_DASH = /[-\u2013\u2014\u2015]/;

// Names after weaker cues in longer text (Safe Harbor A), each needing the shape around the name
// as well as the cue, so prose and titles stay:
//  - a chat transcript's speaker named in brackets after a role: `Visitor (Jane Doe): …`,
//    `Guest (Folasade Oyelowo):` (the bracket must close on the name, a colon after it);
//  - a testimonial's attribution: a dash after a closing quote, a sentence or at a line's start,
//    then a full name and a comma, a bracket or the end (`"…" — Jane Doe, patient`);
//  - a greeting opening a line: `Hi Priyanka,`, `Hello, Jane Doe!`, a signed-in page's `Welcome back, Jane Doe | Site`,
//    `Good morning, Jane Doe` (`Hi there,` stays; after `welcome` or `good morning` only a given name or a full name, so `Welcome Center | Site` stays);
//  - the text of a mailto/tel/sms link: `<a href="mailto:…">Jane Doe</a>`, `[Jane Doe](tel:+1…)`;
//  - a copy line opening a line: `cc: jane doe; Mark Lee` (full names, lower case too);
//  - a row of cells: a given name and a surname beside a date (`Jane | Doe | 1980-02-03`).
// The prefilter's walk marks each at one character (colonNameCue, attributionDashAt, greetingAt, pipeRowAt, redactedHrefAt) so other text skips the scans.

const ROLE_PAREN_RE = /(?<![\p{L}\p{M}])(?:visitor|guest|customer|client|caller|member|patient|user|parent|chat[ ]?user)[ ]?\((?=\p{Lu})/giu;
const ATTRIBUTION_RE = /(?:^|\n|["\u201d\u2019'][ ]*|[.!?][ ]+)(?:\u2014|\u2013|\u2015|--?)[ ]*(?=\p{Lu})/gu;
// Greetings in the other languages of a hospital's visitors (probe 49: `Bienvenido de nuevo, Lucía Castañeda | Northbay`,
// `Xin chào, Nguyễn Thị Hoa`, `Bon retour, Océane Rousseau`), read as `welcome` is: a given name or a full name after them.
const FOREIGN_GREETINGS = 'hola|bienvenid[oa]s?(?:[ ]de[ ]nuevo)?|buen(?:os|as)[ ](?:d[ií]as|tardes|noches)|bonjour|bonsoir|bon[ ]retour|bienvenue|' +
  'ol[aá]|bem-vind[oa]s?(?:[ ]de[ ]volta)?|bom[ ]dia|boa[ ](?:tarde|noite)|xin[ ]ch[aà]o|ch[aà]o[ ]m[uừ]ng(?:[ ]tr[oở][ ]l[aạ]i)?|' +
  'maligayang[ ]pagbabalik|kumusta|hallo|willkommen(?:[ ]zur[uü]ck)?|guten[ ](?:tag|morgen|abend)|ciao|bentornat[oa]|buongiorno';
const GREETING_RE = new RegExp(`(?:^|\\n)[ \\t]*\u00a1?(?:hi|hello|hey|hiya|(welcome(?:[ ]back)?|good[ ](?:morning|afternoon|evening)|${FOREIGN_GREETINGS}))(?:(,)[ ]*|[ ]+)(?=\\p{Lu})`, 'giu');
// After a greeting and a comma the name is the writer's own when `here` follows it (`Hey, Harriet Whitlock here`).
const HERE_AFTER = /^[ ]here(?![\p{L}\p{M}])/u;
// The href may already read `[REDACTED]`: an embedded `href=` pair is judged by its key before the scans (scrub-tree.ts).
const LINK_RE = /<a\b[^>]{0,200}?\bhref=["']?(?:mailto:|tel:|sms:|\[REDACTED\])[^>]{0,200}>[ ]*([^<]{2,60}?)[ ]*<\/a>|\[[ ]*([^\]\n]{2,60}?)[ ]*\]\((?:mailto|tel|sms):/giu;
// A copy line's people (`cc: jane doe; Mark Lee`), lower case too: each a full name.
const CC_RE = /(?:^|\n)[ \t]*b?cc[ ]*:[ ]*/giu;
// A record's row in cells: a given name and a surname in cells of their own, beside a date (`Jane | Doe | 1980-02-03`).
// The first cell must be a common given name, or the date a birth date's (a year before 2010): `Size | Medium | 2026-01-02` stays.
// The same row with `;` or a tab between its cells (a CSV export's row pasted without its header: `Achterhof;Marieke;12-04-1968`).
const PIPE_ROW_RE = /(?:^|\n|[|;\t])[ ]*(\p{Lu}[\p{Ll}'\u2019-]+)[ ]*([|;\t])[ ]*(\p{Lu}[\p{Ll}'\u2019-]+)[ ]*\2[ ]*(?:[^|;\t\n]{0,20}\2[ ]*){0,2}(\d{1,4}[-/.]\d{1,2}[-/.](\d{1,4}))/gu;
// Words a greeting addresses that are not a person (`Hi there,`, `Hello Everyone!`).
const NOT_ADDRESSEE = new Set(['there', 'all', 'everyone', 'everybody', 'team', 'folks', 'guys', 'friends', 'friend', 'world', 'again', 'neighbors',
  'neighbours', 'members', 'patients', 'parents', 'families', 'y', 'ya', 'you', 'support', 'billing', 'doctor', 'nurse', 'dr', 'doc',
  // After a greeting in another language: a place's preposition and its everyone (`Bienvenue Chez Nous`, `Hola A Todos`).
  'chez', 'aux', 'au', 'al', 'del', 'zur', 'zum', 'im', 'alla', 'nella', 'ao', 'na', 'no', 'sa', 'todos', 'todas', 'tous', 'tout', 'alle', 'tutti',
  'equipo', 'familia', 'amigos', 'mundo', 'monde', 'welt', 'pacientes']);

function scanRoleParen(text: string, out: Detection[], kind: string): void {
  const re = resetAt(ROLE_PAREN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end > from && CLOSING_PAREN_COLON.test(text.slice(end, end + 3))) out.push({ start: from, end, kind });
  }
}

// A message signed at its end after a spaced dash (`…you can reach me at 508-555-0176 - Imogen Thistlewood`): the full
// name must close the text, and the text before it must be someone's own words (a first-person word), so a page
// title's brand after a dash (`About Us - Kaiser Permanente`) stays.
const SIGNED_END_RE = /[ ](?:\u2014|\u2013|--?)[ ]{1,2}(?=\p{Lu}[^\n]{2,46}$)/u;
const FIRST_PERSON = /(?<![\p{L}\p{M}])(?:I|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|us|I['\u2019]m)(?![\p{L}\p{M}])/u;

function scanSignedEnd(text: string, out: Detection[], kind: string): void {
  const m = SIGNED_END_RE.exec(text.length > 64 ? text.slice(-64) : text);
  if (m === null) return;
  const from = text.length - Math.min(text.length, 64) + m.index + m[0].length;
  const end = nameEnd(text, from, true, true);
  if (end > from && ONLY_SPACES_DOTS_BANGS.test(text.slice(end)) && fullName(text, from, end) && FIRST_PERSON.test(text.slice(0, from))) out.push({ start: from, end, kind });
}

function scanAttribution(text: string, out: Detection[], kind: string): void {
  scanSignedEnd(text, out, kind);
  const re = resetAt(ATTRIBUTION_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end > from && fullName(text, from, end) && END_OR_COMMA_PAREN_NEWLINE.test(text.slice(end, end + 3))) out.push({ start: from, end, kind });
    if (re.lastIndex === m.index) re.lastIndex++;
  }
}

function scanGreeting(text: string, out: Detection[], kind: string): void {
  const re = resetAt(GREETING_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    const strict = m[1] !== undefined;
    const greeted = end > from && (greetedName(text, from, end, strict) || (strict && foreignGreetedAtEnd(text, from, end, m[1] as string)));
    if (greeted || (end > from && m[2] === ',' && writerHere(text, from, end))) out.push({ start: from, end, kind });
    if (re.lastIndex === m.index) re.lastIndex++;
  }
}

/** The words a greeting addresses are a person's name: not `there`/`everyone`; after `welcome` a given name or a full name
 * (a title's `Welcome Center`, `Welcome New Patients` stay); then the greeting's punctuation, a title's separator, or the
 * text's end after a common given name (`Welcome back, Sarah` goes, `Hello Kitty Backpack` stays). */
/** `Hi, Jane Doe here`: a full name the writer gives as their own after a greeting and a comma. */
function writerHere(text: string, from: number, end: number): boolean {
  return HERE_AFTER.test(text.slice(end, end + 6)) && !NOT_ADDRESSEE.has(text.slice(from, end).split(' ')[0].toLowerCase()) && fullName(text, from, end);
}

// A page's or message's whole text may end with the name a greeting in another language addresses (`Bon retour, Océane Rousseau`).
const ENGLISH_WELCOME = /^(?:welcome|good)/i;
function foreignGreetedAtEnd(text: string, from: number, end: number, greeting: string): boolean {
  return !ENGLISH_WELCOME.test(greeting) && ONLY_SPACES.test(text.slice(end)) && !NOT_ADDRESSEE.has(text.slice(from, end).split(' ')[0].toLowerCase()) && fullName(text, from, end);
}

function greetedName(text: string, from: number, end: number, welcome: boolean): boolean {
  const first = text.slice(from, end).split(' ')[0].toLowerCase();
  if (NOT_ADDRESSEE.has(first)) return false;
  const given = GIVEN_NAMES.has(first);
  if (welcome && !given && !fullName(text, from, end)) return false;
  return AFTER_GREETED_NAME.test(text.slice(end, end + 4)) || (given && ONLY_SPACES.test(text.slice(end)));
}

function scanLinkText(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LINK_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const inner = m[1] ?? m[2];
    const from = m.index + m[0].indexOf(inner, m[1] === undefined ? 0 : m[0].indexOf('>'));
    const end = nameEnd(text, from, true, true);
    if (end === from + inner.length && fullName(text, from, end)) out.push({ start: from, end, kind });
  }
}

function scanCc(text: string, out: Detection[], kind: string): void {
  const re = resetAt(CC_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let from = m.index + m[0].length;
    for (let n = 0; n < 6; n++) {
      const end = nameEnd(text, from, false, true);
      if (end <= from || !fullName(text, from, end)) break;
      out.push({ start: from, end, kind });
      const sep = LEADING_COMMA_OR_SEMICOLON.exec(text.slice(end, end + 4));
      if (sep === null) break;
      from = end + sep[0].length;
    }
    if (re.lastIndex === m.index) re.lastIndex++;
  }
}

/** A date whose year (first or last group, four digits; two digits from 30 read as 19xx) is before 2010. */
function oldYear(date: string, last: string): boolean {
  const first = LEADING_FOUR_DIGITS.exec(date);
  const y = first !== null ? Number(first[0]) : last.length === 4 ? Number(last) : last.length === 2 && Number(last) >= 30 ? 1900 + Number(last) : 9999;
  return y >= 1900 && y < 2010;
}

function scanPipeRows(text: string, out: Detection[], kind: string): void {
  const re = resetAt(PIPE_ROW_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const given = m.index + m[0].indexOf(m[1]);
    const surname = m.index + m[0].indexOf(m[3], given - m.index + m[1].length);
    if (!fullName(`${m[1]} ${m[3]}`, 0, m[1].length + 1 + m[3].length) || !(GIVEN_NAMES.has(m[1].toLowerCase()) || oldYear(m[4], m[5]))) continue;
    out.push({ start: given, end: given + m[1].length, kind }, { start: surname, end: surname + m[3].length, kind });
  }
}

/** Names after the weaker cues above, found by their shapes. */
export function scanNameCues(text: string, out: Detection[], kind: string): void {
  if (text.length < 6) return; // the prefilter's gate lets person_name run on 6 characters and more (prefilter.ts)
  if (text.indexOf('(') >= 0) scanRoleParen(text, out, kind);
  if (HYPHEN_OR_DASH.test(text)) scanAttribution(text, out, kind);
  scanGreeting(text, out, kind);
  scanSignedIn(text, out, kind); // `Signed in as Jane Doe`, `Not Jane Doe? Sign out` (signed-in-name.ts)
  scanAddressedNames(text, out, kind); // `Thanks for booking, Jane Doe.`, `Profile of Jane Doe` (addressed-name.ts)
  scanRelativeNames(text, out, kind); // `my daughter emma needs a refill` (relative-name.ts)
  scanChildNames(text, out, kind); // `baby Ava arrived`, `twins Aria and Nora`, `Mason (4)` (child-name.ts)
  if (text.indexOf(':') >= 0 || text.indexOf('[REDACTED]') >= 0) scanLinkText(text, out, kind);
  if (text.indexOf(':') >= 0) scanCc(text, out, kind);
  if (text.indexOf('|') >= 0 || text.indexOf(';') >= 0 || text.indexOf('\t') >= 0) scanPipeRows(text, out, kind);
  scanVerbName(text, out, kind);
  scanRoleName(text, out, kind);
  scanScriptCues(text, out, kind);
  scanVietHonorifics(text, out, kind);
  scanAccessCues(text, out, kind);
  scanRoleOpening(text, out, kind);
  scanCaptionName(text, out, kind);
  if (text.indexOf('/') >= 0) scanPersonPaths(text, out, kind);
  scanDeviceOwners(text, out, kind); // `Jane's iPhone`, `DPATEL-LAPTOP`, `C:\Users\jsmith\` (device-owner.ts)
  if (text.indexOf(':') >= 0) scanMisreadLabels(text, out, kind);
  if (NAME_ID_HINT.test(text)) scanNameBeforeId(text, out, kind);
  if (SPELLED_HINT.test(text)) scanSpelledNames(text, out, kind);
}

const ROLES = ['visitor', 'guest', 'customer', 'client', 'caller', 'member', 'patient', 'user', 'parent'];

/** At a `:`: `Role (Jane Doe):` before it, `cc:` opening a line, or a link's `mailto:`/`tel:`/`sms:` scheme after `href=` or `](`. */
export function colonNameCue(text: string, i: number): boolean {
  if (codeAt(text, i - 1) === 41 || (codeAt(text, i - 1) === 32 && codeAt(text, i - 2) === 41)) {
    const open = text.lastIndexOf('(', i);
    if (open < 1 || i - open > 64) return false;
    const j = codeAt(text, open - 1) === 32 ? open - 1 : open;
    for (const w of ROLES) if (j >= w.length && matchesAt(text, j - w.length, w, true) && !isLetter(codeAt(text, j - w.length - 1))) return true;
    return false;
  }
  if (lower(codeAt(text, i - 1)) === 99 && lower(codeAt(text, i - 2)) === 99) return lineStart(text, lower(codeAt(text, i - 3)) === 98 ? i - 3 : i - 2);
  let s = i;
  if (lower(codeAt(text, i - 1)) === 111) s = i - 6; // mailto
  else if (lower(codeAt(text, i - 1)) === 108 || lower(codeAt(text, i - 1)) === 115) s = i - 3; // tel, sms
  else return false;
  if (!(matchesAt(text, s, 'mailto', true) || matchesAt(text, s, 'tel', true) || matchesAt(text, s, 'sms', true))) return false;
  const p = codeAt(text, s - 1);
  return p === 40 || p === 61 || p === 34 || p === 39;
}

/** At a dash (`—`, `–`, ` - `, `~`): a testimonial's attribution may follow (after a quote, a sentence or at a line's start). */
export function attributionDashAt(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && (codeAt(text, j - 1) === 32 || codeAt(text, j - 1) === 45)) j--;
  if (j > 0) {
    const p = codeAt(text, j - 1);
    // Elsewhere only a signature closing the text (scanSignedEnd): the dash within its last 50 characters.
    if (!(p === 10 || p === 34 || p === 39 || p === 0x201d || p === 0x2019 || p === 46 || p === 33 || p === 63) && text.length - i > 50) return false;
  }
  let k = i + 1;
  while (k < text.length && (codeAt(text, k) === 32 || codeAt(text, k) === 45)) k++;
  const c = codeAt(text, k);
  return (c >= 65 && c <= 90) || c >= 192;
}

/** At the `[` of an href already judged `[REDACTED]` (a mailto link's address, see LINK_RE). */
export function redactedHrefAt(text: string, i: number): boolean {
  if (!matchesAt(text, i, '[REDACTED]', false)) return false;
  const j = codeAt(text, i - 1) === 34 || codeAt(text, i - 1) === 39 ? i - 1 : i;
  return matchesAt(text, j - 5, 'href=', true);
}

/** Whether only spaces or tabs stand between a line's start and `i`. */
function lineStart(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && (codeAt(text, j - 1) === 32 || codeAt(text, j - 1) === 9)) j--;
  return j === 0 || codeAt(text, j - 1) === 10;
}

/**
 * At a `|` (or a `;`, a tab): PIPE_ROW_RE's necessary shape around its first separator, the walk's NAME_CUE. A cell
 * ending in a small letter before it (spaces aside), a capitalised word of small letters after it, the same separator
 * right after that word, then a cell opening with a digit after at most two more cells (`Jane | Doe | 1980-02-03`).
 * A user agent's `(Linux; Android 14; Pixel 8)` has a number in its second cell, so it opens no name scan.
 */
export function pipeRowAt(text: string, i: number): boolean {
  const sep = codeAt(text, i);
  let b = i - 1;
  while (codeAt(text, b) === 32) b--;
  if (!rowWordChar(codeAt(text, b))) return false;
  let k = i + 1;
  while (codeAt(text, k) === 32) k++;
  const c = codeAt(text, k);
  if (!((c >= 65 && c <= 90) || c >= 128)) return false;
  let j = k + 1;
  while (rowWordChar(codeAt(text, j))) j++;
  if (j === k + 1) return false;
  while (codeAt(text, j) === 32) j++;
  return codeAt(text, j) === sep && dateCellAfter(text, j, sep);
}

/** PIPE_ROW_RE's `[\p{Ll}'\u2019-]` read loosely: a small ASCII letter, `'`, `-`, or any non-ASCII character. */
const rowWordChar = (c: number): boolean => (c >= 97 && c <= 122) || c === 39 || c === 45 || c >= 128;

/** After the separator at `j`: a digit opening a cell (after spaces), that cell or one of the two after it. */
function dateCellAfter(text: string, j: number, sep: number): boolean {
  for (let cells = 0; cells < 3; cells++) {
    j++;
    while (codeAt(text, j) === 32) j++;
    // The cell's first up to 21 characters (20 and its separator): a digit right after a space may start the date too.
    for (let n = 0; n <= 20; n++, j++) {
      const d = codeAt(text, j);
      if (d >= 48 && d <= 57 && (n === 0 || codeAt(text, j - 1) === 32)) return true;
      if (d === sep) break;
      if (d === 124 || d === 59 || d === 9 || d === 10 || j >= text.length) return false;
    }
    if (codeAt(text, j) !== sep) return false;
  }
  return false;
}

// The first words of FOREIGN_GREETINGS as the walk reads them (ASCII letters: `olá` and `chào` are `ol` and `ch` before an accent).
const FOREIGN_GREETING_WORDS: ReadonlySet<string> = new Set(['hola', 'bienvenido', 'bienvenida', 'bienvenidos', 'bienvenidas', 'buenos', 'buenas',
  'bonjour', 'bonsoir', 'bon', 'bienvenue', 'ola', 'bem', 'bom', 'boa', 'xin', 'maligayang', 'kumusta', 'hallo', 'willkommen', 'guten', 'ciao',
  'bentornato', 'bentornata', 'buongiorno']);

/** At the first letter of a greeting of FOREIGN_GREETINGS opening a line (after spaces, a tab or `¡`); most letters fail the first test. */
export function foreignGreetingAt(text: string, i: number): boolean {
  const p = i > 0 ? text.charCodeAt(i - 1) : 10;
  if (p !== 10 && p !== 32 && p !== 9 && p !== 161) return false;
  if (!lineStart(text, p === 161 ? i - 1 : i)) return false;
  let k = i + 1;
  while (k < text.length && isLetter(codeAt(text, k))) k++;
  const w = text.slice(i, k).toLowerCase();
  return FOREIGN_GREETING_WORDS.has(w) || ((w === 'ol' || w === 'ch') && codeAt(text, k) >= 128);
}

/** At the `h` of `hi`/`hello`/`hey`, the `w` of `welcome` or the `g` of `good morning`, opening a line. */
export function greetingAt(text: string, i: number): boolean {
  if (!lineStart(text, i)) return false;
  let k = i + 1;
  while (k < text.length && isLetter(codeAt(text, k))) k++;
  const w = text.slice(i, k).toLowerCase();
  const after = codeAt(text, k);
  if (w === 'good') return matchesAt(text, k, ' morning', true) || matchesAt(text, k, ' afternoon', true) || matchesAt(text, k, ' evening', true);
  return (w === 'hi' || w === 'hello' || w === 'hey' || w === 'hiya' || w === 'welcome') && (after === 32 || after === 44);
}
