import { isIPv6 } from 'node:net';
import { defineDetector } from './define.js';
import { isAsciiAlnum, resetAt } from './scan.js';
import { dottedVersion } from './calendar-build.js';
import type { Detection } from './types.js';

const OCTET = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)';
// Not glued to a longer dotted number (`1.2.3.4.5`), nor a product version (`Chrome/120.0.0.0`,
// `v1.2.3.4`), which user agents and asset paths are full of. Optional CIDR suffix.
const IPV4_RE = new RegExp(
  `(?<![0-9]|[0-9]\\.|[A-Za-z]/|[vV])(?:${OCTET}\\.){3}${OCTET}(?:/(?:3[0-2]|[12]?[0-9]))?(?![0-9]|\\.[0-9])`,
  'g',
);
// Candidate only: hex/colon run with two colons near its start, an optional dotted IPv4 tail
// (`::ffff:192.0.2.1`) and zone id. `net.isIPv6` does the real validation, which keeps the
// pattern trivial and rules out clock times and MAC addresses.
const IPV6_RE = /(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\.[0-9]{1,3}){0,3}(?:%[0-9A-Za-z]{1,15})?/g;

// Public DNS resolvers' anycast addresses (Cloudflare, Google, Quad9, OpenDNS), which help pages name (`set your DNS to
// 1.1.1.1`): shared by millions of networks, never a visitor's own address.
const PUBLIC_RESOLVERS: ReadonlySet<string> = new Set(['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4', '9.9.9.9', '149.112.112.112',
  '208.67.222.222', '208.67.220.220']);

// A version after the word for it (`firmware 2.0.14.7`, `build 10.4.2.118`; blind pass 52): four parts read as an address too,
// but no one writes `fw` or `version` before their address (calendar-build.ts dottedVersion). Its first two parts are a
// version's small numbers: `version 192.168.10.27` is still an address.
const SMALL_HEAD = /^\d{1,2}\.\d{1,2}\./;
const versionAfterWord = (text: string, start: number, end: number): boolean =>
  SMALL_HEAD.test(text.slice(start, end)) && dottedVersion(text, start, end, 4);

/** IPv4 scan after IPv6, skipping the dotted tail of an IPv4-mapped address already found. */
function scanV4(text: string, out: Detection[], kind: string, v6From: number): void {
  const re = resetAt(IPV4_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let inside = false;
    for (let i = v6From; i < out.length && !inside; i++) inside = out[i].start < end && start < out[i].end;
    if (!inside && !PUBLIC_RESOLVERS.has(m[0]) && !versionAfterWord(text, start, end)) out.push({ start, end, kind });
  }
}

function scanV6(text: string, out: Detection[], kind: string): void {
  const re = resetAt(IPV6_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let candidate = m[0];
    const after = text.charCodeAt(m.index + candidate.length);
    if (isAsciiAlnum(after)) continue;
    // Prose like "from 2001:db8::1: denied" leaves a trailing colon on the candidate.
    if (!isIPv6(candidate) && candidate.endsWith(':') && !candidate.endsWith('::')) {
      candidate = candidate.slice(0, -1);
    }
    if (!isIPv6(candidate)) continue;
    // `::` alone is the unspecified address, not anyone's address.
    if (candidate === '::') continue;
    out.push({ start: m.index, end: m.index + candidate.length, kind });
  }
}

// Defanged addresses, as threat reports and support tickets write them so nothing turns them
// into a link (`10[.]0[.]0[.]1`, `10(.)0(.)0(.)1`, `10{.}0`, `10[dot]0`, `10 . 0 . 0 . 1`); the
// address still reads as one. `hxxp://10.0.0.1/` is a plain address after a defanged scheme.
const DEFANG_SEP = '(?:\\[(?:\\.|dot)\\]|\\((?:\\.|dot)\\)|\\{\\.\\}|[ \\t]\\.[ \\t]|\\.)';
const DEFANGED_RE = new RegExp(`(?<![0-9A-Za-z.])${OCTET}(?:${DEFANG_SEP}${OCTET}){3}(?![0-9]|${DEFANG_SEP}[0-9])`, 'gi');
const DEFANG_HINT = /[[({]|[ \t]\.[ \t]/;

function scanDefanged(text: string, out: Detection[], kind: string): void {
  const re = resetAt(DEFANGED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Plain dotted quads are scanV4's (with its version-string exclusions).
    if (DEFANG_HINT.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

// An address inside a host name, as ISPs, clouds and wildcard DNS name hosts after it:
// `ip-73-21-100-9.isp.net`, `c-73-21-100-9.hsd1.or.comcast.net`, `ec2-54-12-33-4.compute-1.amazonaws.com`,
// `dsl-73-21-100-9-dyn.isp.example`, `73-21-100-9.sslip.io`, `73_21_100_9.dyn.example`: four octets
// joined by dashes (or underscores), then more of the host name. (The reverse `9.100.21.73.in-addr.arpa`
// and `73.21.100.9.nip.io` are dotted quads, found by scanV4.) Not the tail of a longer dashed
// number (`1-73-21-100-9`); a word ending in a digit may lead (`ec2-`).
const DASHED_RE = new RegExp(`(?<![0-9])(?<!(?:^|[^A-Za-z0-9])[0-9]+[-_])${OCTET}([-_])${OCTET}\\1${OCTET}\\1${OCTET}(?=[._-][A-Za-z0-9_-]*[A-Za-z])`, 'g');
// Hexadecimal octets (`0x49.0x15.0x64.0x9`): inet_aton and browsers read them as the same address.
const HEX_QUAD_RE = /(?<![0-9A-Za-z.])0x[0-9a-f]{1,2}(?:\.0x[0-9a-f]{1,2}){3}(?![0-9A-Za-z]|\.[0-9A-Za-z])/gi;

/** A host's label led by a word (`ip-`, `ec2-`), or a name of two more labels after it (`.sslip.io`): not a file (`1-2-3-4.done`). */
function hostLike(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if ((before === 45 || before === 95) && isAsciiAlnum(text.charCodeAt(start - 2))) return true;
  let dots = 0;
  for (let i = end; i < text.length && i - end < 64; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) dots++;
    else if (!isAsciiAlnum(c) && c !== 45 && c !== 95) break;
  }
  return dots >= 2;
}

function scanHosts(text: string, out: Detection[], kind: string): void {
  let m: RegExpExecArray | null;
  if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
    const re = resetAt(DASHED_RE, 0);
    while ((m = re.exec(text)) !== null) if (hostLike(text, m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (text.indexOf('0x') < 0 && text.indexOf('0X') < 0) return;
  const hex = resetAt(HEX_QUAD_RE, 0);
  while ((m = hex.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 3) return;
  const mark = out.length;
  if (text.indexOf(':') >= 0) scanV6(text, out, kind);
  const dot = text.indexOf('.') >= 0;
  if (dot) scanV4(text, out, kind, mark);
  if (dot) scanHosts(text, out, kind);
  if ((dot || DOT_WORD_RE.test(text)) && DEFANG_HINT.test(text)) scanDefanged(text, out, kind);
}
const DOT_WORD_RE = /dot/i;

/** IP addresses (O): IPv4 and IPv6 (full, compressed, IPv4-mapped, zoned). */
export const ipDetector = defineDetector('ip', '[IP]', 'O', scan);
