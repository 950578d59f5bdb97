import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { CAPITALISED, commonWord, loginShaped } from './file-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { scanHomeFolders } from './home-folder.js';
import type { Detection } from './types.js';

// Phones, computers, earbuds and home networks are named after their owners, and apps, Bluetooth and crash reports send
// those names (Safe Harbor A: the owner's name): `Jane's iPhone`, `Kenji’s AirPods Pro` (iOS, macOS), `Galaxy S23 de Lucía`,
// `iPad de Joaquín`, `iPhone von Jürgen` (the same devices set up in Spanish, French, Portuguese, Italian or German), a
// computer's host name (`DPATEL-LAPTOP`, `MGARCIA-PC`, `Tobias-MacBook-Pro.local`, `Rebeccas-iMac`), a home network
// (`Okafor Family 5G`, `Lindqvist_Home_2.4G`), a mail's `Sent from my iPhone - Robert`. Only the name goes. A possessive
// after a determiner or of a role, a relative, a brand or a day stays (`the patient's MacBook`, `my son's iPad`, `Apple's
// iPhone 16`, `Mother's Day`), and so does `de`/`von` before a lower-case word, a number or a brand (`iPad de segunda
// mano`, `Galaxy S23 de 256 GB`, `iPhone de Apple`).
const DEVICE = 'iphone|ipad|ipod|imac|macbook|mac|airpods|airtag|apple[ ]watch|watch|galaxy|pixel|chromebook|echo|kindle|fitbit|surface|' +
  'laptop|phone|cellphone|cell|pc|computer|desktop|tablet|beats|buds|android|homepod|thinkpad|oneplus|moto|oura|garmin|xperia|redmi';
const DEVICE_WORD = new RegExp(`^(?:${DEVICE})$`, 'i');
const DEVICE_AT = new RegExp(`(?:${DEVICE})(?![\\p{L}])`, 'iuy');
const POSSESSIVE_RE = new RegExp(`(?<![\\p{L}\\p{M}'\\u2019-])(\\p{L}[\\p{L}\\p{M}]{1,24})['\\u2019]s[ ](?=(?:${DEVICE})(?![\\p{L}]))`, 'giu');
const DEVICE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${DEVICE})(?:[ ][\\p{L}\\p{N}+]{1,12}){0,3}[ ]$`, 'iu');
const OF_OWNER_RE = new RegExp(`(?<![\\p{L}])(?:${DEVICE})(?:[ ][\\p{L}\\p{N}+]{1,12}){0,3}?[ ](?:de|von|di|do)[ ](\\p{L}[\\p{L}\\p{M}'\\u2019-]{1,24})(?![\\p{L}\\p{M}])`, 'giu');
const SENT_FROM_RE = new RegExp(`sent[ ]from[ ]my[ ](?:${DEVICE})(?:[ ][\\p{L}\\p{N}+]{1,12}){0,2}?[ ]*[-\\u2013\\u2014,][ ]*(\\p{L}[\\p{L}\\p{M}'\\u2019-]{1,24})(?=[ ]*(?:$|[\\n.!]))`, 'giu');
const HOST_DEVICE = 'laptop|pc|desktop|workstation|notebook|macbook|imac|ipad|iphone|mac|mbp|mba|surface|thinkpad|chromebook|galaxy|pixel|android';
const HOST_AT = new RegExp(`(?:${HOST_DEVICE})(?![A-Za-z])`, 'iy');
const HOST_RE = new RegExp(`(?<![A-Za-z0-9._'-])([A-Za-z][A-Za-z']{1,18}[A-Za-z])-(?=(${HOST_DEVICE})(?![A-Za-z]))`, 'gi');
// macOS writes its devices in camel case after the owner's capitalised name (`Tobias-MacBook-Pro`, `Rebeccas-iMac`).
const APPLE_CASED = /^(?:MacBook|iMac|iPad|iPhone|Mac)$/;
const NET_RE = /(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}'\u2019-]{1,24})[ _-]+(?:family|home|house|household)[ _-]*(?:wi-?fi|5g(?:hz)?|2\.4(?:g(?:hz)?)?|net(?:work)?|guest|ext(?:ender)?|mesh)(?![\p{L}\p{N}])/giu;
const NET_AT = /(?:family|home|house|household)[ _-]*(?:wi-?fi|5g|2\.4|net|guest|ext|mesh)/iy;
const NET_HINT = /(?:family|home|house)[ _-]*(?:wi|5g|2\.4|net|guest|ext|mesh)/i;
const OF_HINT = /[ ](?:de|von|di|do)[ ]\p{Lu}/u;
const SENT_HINT = /sent[ ]from[ ]my[ ]/i;
// An organisation's device programme or line, not a person's device (`Northbay's iPhone app`, `St. Luke's phone line`, `St.
// Joseph's iPad loaner program`): a saint's name before, or a word of a service after the device.
const SAINT_BEFORE = /(?:^|[^\p{L}])(?:st|ste|saint|san|santa|sainte)\.?[ ]+$/iu;
const SERVICE_AFTER = new RegExp(`^(?:${DEVICE})(?:[ ][\\p{L}\\p{N}+]{1,12})?[ ](?:app|apps|application|line|lines|number|numbers|directory|hours|` +
  'loaner|loaners|lending|program|programs|programme|kiosk|kiosks|store|deals|support|plan|plans|service|services|policy|repair|charging|station|stations)(?![\\p{L}])', 'iu');
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|my|your|his|her|our|their|a|an|this|that|each|every|any|whose|one|el|la|mi|tu|su|le|mon|ton|son|sa|das|mein|dein|sein|ihr)[ ]+$/iu;
const NOT_OWNER: ReadonlySet<string> = new Set(('patient patients caller member user visitor customer client guest doctor doctors nurse nurses provider ' +
  'physician surgeon therapist staff teacher student owner parent parents child children kid kids baby son daughter mom dad mum mother ' +
  'father grandma grandpa granny nana papa mama wife husband sister brother aunt uncle cousin friend boyfriend girlfriend partner spouse ' +
  'roommate neighbor neighbour boss coworker somebody someone anyone everyone nobody everybody other others one today tomorrow yesterday ' +
  'year week world america nation valentine women men apple google samsung amazon microsoft sony bose verizon sprint tmobile comcast xfinity ' +
  'dell lenovo asus acer hp huawei motorola nokia lg garmin fitbit dexcom medtronic abbott insulet tandem walmart target costco buy ' +
  'empresa prueba trabajo casa oficina segunda demo test office work home school guest lab clinic hospital').split(' '));
// A host name's generic first words (`OFFICE-PC`, `Gaming-PC`, `FRONTDESK-LAPTOP`, `refurbished-laptop`).
const HOST_GENERIC: ReadonlySet<string> = new Set(('gaming budget best new used old cheap refurbished spare travel main front desk frontdesk ' +
  'reception admin kiosk dev prod server shared loaner library station room billing win windows linux ubuntu media living kitchen den ' +
  'basement studio conference lobby exam triage radiology pharmacy business personal company corp nursing mobile rental touch').split(' '));
function ownerWord(word: string): boolean {
  const w = word.toLowerCase();
  return !NOT_OWNER.has(w) && !commonWord(w) && !HOST_GENERIC.has(w);
}

/** At an apostrophe: `'s` and a device word follow (the prefilter's NAME_CUE). */
export function deviceOwnerAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i + 1)) !== 115 || codeAt(text, i + 2) !== 32) return false;
  const re = resetAt(DEVICE_AT, i + 3);
  return re.test(text);
}

/** At the `d` of `de`/`di`/`do` or the `v` of `von`: a device word before it, a capital after it (the prefilter's NAME_CUE). */
export function deviceOfAt(text: string, i: number): boolean {
  if (codeAt(text, i - 1) !== 32) return false;
  const len = lower(codeAt(text, i)) === 118 ? 3 : 2;
  if (codeAt(text, i + len) !== 32 || lower(codeAt(text, i + len + 1)) === codeAt(text, i + len + 1)) return false;
  return DEVICE_BEFORE.test(text.slice(Math.max(0, i - 64), i));
}

/** At a `-`: a host name's device word follows (`DPATEL-LAPTOP`; the prefilter's NAME_CUE). */
export function hostOwnerAt(text: string, i: number): boolean {
  if (!isLetter(codeAt(text, i - 1)) || !isLetter(codeAt(text, i + 1))) return false;
  return resetAt(HOST_AT, i + 1).test(text);
}

/** At the `h` of `home`/`house` or the `f` of `family`: a network's suffix follows (the prefilter's NAME_CUE). */
export const netOwnerAt = (text: string, i: number): boolean => !isLetter(codeAt(text, i - 1)) && resetAt(NET_AT, i).test(text);

/** Whether a host name's first word before `device` is its owner's: a given name, a capitalised word before Apple's
 * camel case (`Tobias-MacBook-Pro`; `Razer-Laptop`, `Surface-Laptop` stay) or a login (`DPATEL-LAPTOP`, `mgarcia-pc`). */
function hostOwner(word: string, device: string): boolean {
  const w = word.toLowerCase();
  const bare = w.endsWith("'s") ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w;
  if (GIVEN_NAMES.has(w) || GIVEN_NAMES.has(bare)) return true;
  if (!ownerWord(w) || !ownerWord(bare) || DEVICE_WORD.test(w)) return false;
  return (CAPITALISED.test(word) && APPLE_CASED.test(device)) || loginShaped(w);
}

function scanHosts(text: string, out: Detection[], kind: string): void {
  const re = resetAt(HOST_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (hostOwner(m[1] as string, m[2] as string)) push(out, m.index, m[1] as string, kind);
}

function push(out: Detection[], start: number, name: string, kind: string): void {
  out.push({ start, end: start + name.length, kind });
}

function scanPossessives(text: string, out: Detection[], kind: string): void {
  const re = resetAt(POSSESSIVE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[1] as string;
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (!ownerWord(name) || DETERMINER_BEFORE.test(before) || SAINT_BEFORE.test(before)) continue;
    if (SERVICE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 48))) continue;
    push(out, m.index, name, kind);
  }
}

/** Group 1 of each match of `re` that `ok` accepts (capitalised when `capital`): the match's last word when `last`, else its first. */
function scanGroup(re: RegExp, text: string, out: Detection[], kind: string, capital: boolean, last: boolean, ok: (w: string) => boolean): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const name = m[1] as string;
    if ((capital && lower(name.charCodeAt(0)) === name.charCodeAt(0)) || !ok(name)) continue;
    push(out, last ? m.index + m[0].length - name.length : m.index, name, kind);
  }
}

/** Owners' names on their devices and networks, and home folders in paths (see above and home-folder.ts). */
export function scanDeviceOwners(text: string, out: Detection[], kind: string): void {
  if (text.indexOf("'") >= 0 || text.indexOf('\u2019') >= 0) scanPossessives(text, out, kind);
  if (OF_HINT.test(text)) scanGroup(OF_OWNER_RE, text, out, kind, true, true, ownerWord);
  if (SENT_HINT.test(text)) scanGroup(SENT_FROM_RE, text, out, kind, true, true, ownerWord);
  if (text.indexOf('-') >= 0) scanHosts(text, out, kind);
  if (NET_HINT.test(text)) scanGroup(NET_RE, text, out, kind, true, false, ownerWord);
  if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) scanHomeFolders(text, out, kind);
}
