import { defineDetector } from './define.js';
import { isAsciiAlnum, isAsciiLetter, isDigit, resetAt } from './scan.js';
import { ownAccount, scanMentions } from './handle-mention.js';
import { HANDLE_GATE } from './marker-bits.js';
import { textFeatures } from './prefilter.js';
import type { Detection } from './types.js';

// A person's account on a network, a game, a payment app or a site (Safe Harbor R, and N's personal web
// identity): `venmo me @Jake-Torres-3`, `cashapp $jtorres85`, `my gamertag is xXJakeTXx`, `discord jakeT#4821`,
// `my username is jdoe1961`, `mi usuario es tadeo_81`, and a handle mentioned in a post or a chat line
// (`@JaneDoe mentioned you`, `thanks @maria_g!`). The email detector keeps the `@` handles after `IG:`,
// `follow me` and a few other cues it found first (email.ts HANDLE_CUE).

// The network, game, app or label word before the account. `line`, `epic` and `signal` alone are too common
// (`line 2`, `Epic MyChart`): `signal` takes only a handle's shape after it, like every cue without `:` or `is`.
const CUE_RE = new RegExp('(?<![A-Za-z0-9_@.#$/-])(?:venmo|cash[ ]?app|cash[ ]?tag|paypal|gamer[ ]?tag|psn|playstation|xbox|steam|twitch|kik' +
  '|signal|skype|reddit|discord|telegram|snap(?:chat)?|insta(?:gram)?|ig|tiktok|threads|bluesky|bsky|mastodon|youtube|github|gitlab|linkedin' +
  '|pinterest|strava|roblox|minecraft|fortnite|nintendo|wechat|weixin|fitbit|garmin|myfitnesspal|peloton|user[ ]?name|user[ ]?id|screen[ ]?name' +
  '|display[ ]?name|nick[ ]?name|pseudo|usuario|usu[aá]rio|benutzername|identifiant|ign)(?![A-Za-z0-9])', 'gi');

/** A text that may hold a cue (one test before the scan; CUE_RE's words, shortened). */
const CUE_HINT = /venmo|cash|paypal|gamer|psn|playstation|xbox|steam|twitch|kik|signal|skype|reddit|discord|telegram|snap|insta|\big\b|tiktok|threads|bsky|bluesky|mastodon|youtube|github|gitlab|linkedin|pinterest|strava|roblox|minecraft|fortnite|nintendo|wechat|weixin|fitbit|garmin|peloton|user|screen|display|nick|pseudo|usu[aá]rio|benutzer|identifiant|\bign\b/i;

// Words between the cue and the account that say what follows (`venmo me @…`, `xbox, tag is …`, `discord id: …`).
const LINK_WORDS = new Set(['me', 'on', 'at', 'my', 'name', 'id', 'tag', 'account', 'code', 'handle', 'username', 'user', 'ign', 'live',
  'connect', 'friend', 'sur', 'en', 'auf', 'no', 'de', 'profile', 'login', 'gamertag', 'channel', 'as', 'under']);
// Words that say the account comes next: after them (or `:`, `=`) any name that is no common word counts.
const IS_WORDS = new Set(['is', 'es', 'est', 'ist', 'é', 'its', "it's", 'it’s', 'are', 'was', 'sind', 'era']);
// Words that end the look: a sentence goes on about something else (`your user id is on the back`).
const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'for', 'to', 'of', 'in', 'on', 'at', 'with', 'by', 'from', 'as', 'if', 'so',
  'not', 'no', 'yes', 'your', 'my', 'our', 'their', 'his', 'her', 'its', 'it', 'this', 'that', 'these', 'those', 'here', 'there', 'what', 'which',
  'where', 'how', 'why', 'who', 'when', 'same', 'different', 'wrong', 'correct', 'incorrect', 'invalid', 'valid', 'required', 'optional', 'case',
  'below', 'above', 'shown', 'printed', 'listed', 'blank', 'empty', 'missing', 'locked', 'taken', 'available', 'unavailable', 'private', 'public',
  'hidden', 'visible', 'changed', 'sensitive', 'unique', 'also', 'still', 'now', 'just', 'only', 'usually', 'always', 'never', 'too', 'very',
  'something', 'nothing', 'none', 'null', 'undefined', 'unknown', 'pending', 'ok', 'okay', 'fine', 'new', 'old', 'email', 'password', 'phone',
  'number', 'please', 'will', 'can', 'cannot', 'should', 'must', 'may', 'has', 'have', 'had', 'be', 'been', 'being', 'we', 'you', 'they', 'he',
  'she', 'i', 'us', 'them', 'and/or', 'n/a', 'na', 'tbd', 'etc', 'link', 'page', 'server', 'group', 'app', 'website', 'site', 'guest',
  'admin', 'anonymous', 'demo', 'test', 'see', 'check', 'ask', 'call', 'contact', 'enter', 'use', 'visit', 'refer', 'find', 'read', 'click',
  'tap', 'go', 'type', 'select', 'choose', 'create', 'set', 'reset', 'change', 'down', 'up', 'open', 'closed', 'free', 'welcome', 'tonight',
  'today', 'tomorrow', 'soon', 'live', 'coming', 'back', 'off', 'out', 'over', 'under', 'about', 'all', 'any', 'every', 'each', 'some']);
// Prose after `is` or `:`: a verb's participle (`cash app is accepted`, `rules are pinned`) or a capitalised title (`YouTube: Heart Health 101`).
const PROSE_WORD = /^[a-z]+(?:ed|ing)$/;
const TITLE_NEXT = /^[A-Z][a-z]+ [A-Z0-9]/;
// Letters with digits that are a time, a distance or an ordinal, not a handle (`7pm`, `5k`, `2nd`).
const MEASURE = /^[0-9]+(?:am|pm|k|km|mi|mg|ml|x|st|nd|rd|th|s|h|min|hrs?|yrs?|lbs?|kg)$/i;

/** A token shaped as a handle people pick, not a word: an underscore, letters with digits, a dotted name or a Discord tag. */
function handleShape(tok: string): boolean {
  let letters = 0;
  let digits = 0;
  let innerDot = false;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c === 95) return true;
    if (isDigit(c)) digits++;
    else if (isAsciiLetter(c)) letters++;
    else if (c === 46 && i > 0 && isAsciiLetter(tok.charCodeAt(i - 1)) && isAsciiAlnum(tok.charCodeAt(i + 1))) innerDot = true;
  }
  return letters > 0 && (digits > 0 || innerDot) && !MEASURE.test(tok);
}

/** A name with no handle's shape after `is` or `:` (`github username: ferrisjunebug`), not a word of prose. */
function plainName(text: string, i: number, tok: string): boolean {
  return tok.length >= 3 && !PROSE_WORD.test(tok) && !TITLE_NEXT.test(text.slice(i, i + 40)) && gateOpen(text);
}

/** What the prefilter's gate asks (prefilter.ts), asked again where nothing else in the match implies it: a text the gate
 * skips must not be one this detector redacts. Reached only after a cue, `is` and a plain name. */
function gateOpen(text: string): boolean {
  const f = textFeatures(text);
  return f.digits > 0 || (f.flags & HANDLE_GATE) !== 0;
}

const LOWER_WORD = /^[a-z]{2,12}$/;
const GAMERTAG = /^gamer[ ]?tag$/i;
const SPACED_TAG_RE = /[A-Z][A-Za-z0-9]{1,14}(?: [A-Z0-9][A-Za-z0-9]{0,14}){1,2}(?![A-Za-z0-9])/y;

const TOKEN_RE = /(?:[@$]|[uU]\/)?([A-Za-z0-9_](?:[A-Za-z0-9_.'’-]{0,38}[A-Za-z0-9_])?(?:#[0-9]{4})?)/y;

/** The end of a cue's account, or -1: up to six words after the cue, past link words and `is`. */
// A site's own label (`Username: jdoe`, `user id is`) takes a handle's shape as labelled-id.ts's login rule does (`user: guest`
// stays), and so do networks named by a common word (`signal: weak`, `Steam: hot`; Signal's usernames end in digits anyway);
// another network's or a game's name takes a plain name after `:` or `is` (`twitch: mossbackgamer`, `my gamertag is BlazeRunner`).
const LABEL_CUE = /^(?:user|screen|display|nick|pseudo|usu|benutzer|identifiant|signal|steam|threads|snap$)/i;

function accountAfter(text: string, from: number, out: Detection[], kind: string, site: string, spaced: boolean, label: boolean): number {
  let i = from;
  let explicit = false;
  let skipped = false;
  for (let words = 0; words < 6; words++) {
    let seps = 0;
    while (seps < 4 && i < text.length && ' ,:=-'.includes(text[i])) { if (text[i] === ':' || text[i] === '=') explicit = true; i++; seps++; }
    if (seps === 0) return -1;
    const m = resetAt(TOKEN_RE, i).exec(text);
    if (m === null) return -1;
    const tok = m[1];
    const lower = tok.toLowerCase();
    const marked = m[0].length !== tok.length;
    const end = i + m[0].length;
    if (!marked && IS_WORDS.has(lower)) { explicit = true; i = end; continue; }
    if (!marked && LINK_WORDS.has(lower)) { spaced ||= lower === 'gamertag'; i = end; continue; }
    const next = text.charCodeAt(end);
    const whole = !(next === 64 || (next === 46 && isAsciiAlnum(text.charCodeAt(end + 1))));
    if (ownAccount(tok, site)) return -1; // `Instagram: northbayhealth`, the site's own
    if (whole && !STOP_WORDS.has(lower) && tok.length >= 2 && (marked || handleShape(tok) || (explicit && !skipped && !label && plainName(text, i, tok)))) {
      out.push({ start: i, end, kind });
      return end;
    }
    // An Xbox gamertag may hold spaces (`gamertag is Oxley Tundra 5`): up to three capitalised words or numbers.
    if (spaced && explicit && !marked) {
      const g = resetAt(SPACED_TAG_RE, i).exec(text);
      if (g !== null) { out.push({ start: i, end: i + g[0].length, kind }); return i + g[0].length; }
    }
    // A lower-case word may come before `is` (`my screen name on the forum is Velvet_Anchor_3`); anything else ends the look.
    // After such words only a handle's shape counts (`the Discord server rules are pinned` is prose).
    if (explicit || marked || !LOWER_WORD.test(tok)) return -1;
    skipped = true;
    i = end;
  }
  return -1;
}

function scanCues(text: string, out: Detection[], kind: string, site: string): void {
  if (!CUE_HINT.test(text)) return;
  const re = resetAt(CUE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = accountAfter(text, m.index + m[0].length, out, kind, site, GAMERTAG.test(m[0]), LABEL_CUE.test(m[0]));
    if (end > re.lastIndex) re.lastIndex = end;
  }
}


function scan(text: string, out: Detection[], kind: string, site: string): void {
  if (text.length < 4) return;
  scanCues(text, out, kind, site);
  if (text.indexOf('@') >= 0) scanMentions(text, out, kind, site);
  if (text.indexOf('u/') >= 0) scanRedditUsers(text, out, kind);
}

// A Reddit user written as the site writes it (`I am u/sleepless_in_yakima`); `/u/jdoe` in a path is person-path.ts's.
const REDDIT_USER_RE = /(?<![A-Za-z0-9/_.-])u\/[A-Za-z0-9_-]{3,20}(?![A-Za-z0-9_\/-])/g;

function scanRedditUsers(text: string, out: Detection[], kind: string): void {
  const re = resetAt(REDDIT_USER_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** A person's account name on a network, game or payment app after a word that names it, or mentioned with `@` (R). */
export const onlineHandleDetector = defineDetector('online_handle', '[HANDLE]', 'R', scan);
