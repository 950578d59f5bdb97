import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { truncateUnits } from '../common/well-formed.js';
import type { AllowNode } from '../rules/allow-tree.js';
import { scrubString, type ScrubContext } from '../rules/scrub-tree.js';
import type { ClientContext } from '../destinations/types.js';

export type { ClientContext };

// What a Segment-style `context` says about the client software, for destinations that allow it
// (`context.os.*`, `context.device.model`, `context.**`...): the time zone, the OS, the app, the
// device's model, type and maker, the network's carrier, the screen's size and the tracking library. Only the named
// fields are read: a device's id, advertising id, push token or name (`Jane's iPhone`) never are.
// Text values are scanned like any allowed value; numbers must be plain sizes.

// The mobile network's operator (`context.network.carrier`: `Verizon`), which millions share, as the device's maker is.
const TEXT_FIELDS: Readonly<Record<TextGroup, readonly string[]>> = {
  os: ['name', 'version'],
  app: ['name', 'version', 'build', 'namespace'],
  device: ['model', 'type', 'manufacturer'],
  library: ['name', 'version'],
  network: ['carrier'],
};
type TextGroup = 'os' | 'app' | 'device' | 'library' | 'network';
const TEXT_GROUPS = ['os', 'app', 'device', 'library', 'network'] as const;
const SCREEN_FIELDS = ['width', 'height', 'density'];

// A time zone's name is a place. Kept only when the zone spans a US state or more, or a country
// (or most of one): `America/Indiana/Knox` (one county), `America/Menominee`, `America/Metlakatla`
// or `Europe/Busingen` (a town) would be a place smaller than a state. Anything else is left out.
const BROAD_ZONES: ReadonlySet<string> = new Set([
  'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'America/Detroit', 'America/Boise', 'America/Puerto_Rico', 'Pacific/Honolulu',
  'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'US/Alaska', 'US/Hawaii', 'US/Arizona', 'US/Michigan',
  'America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax', 'America/Regina',
  'America/Mexico_City', 'America/Sao_Paulo', 'America/Bogota', 'America/Lima', 'America/Santiago', 'America/Argentina/Buenos_Aires', 'America/Buenos_Aires', 'America/Caracas',
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam',
  'Europe/Brussels', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki',
  'Europe/Warsaw', 'Europe/Prague', 'Europe/Budapest', 'Europe/Athens', 'Europe/Bucharest', 'Europe/Kiev', 'Europe/Kyiv', 'Europe/Istanbul', 'Europe/Moscow',
  'Asia/Tokyo', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Kolkata', 'Asia/Calcutta',
  'Asia/Dubai', 'Asia/Manila', 'Asia/Jakarta', 'Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Jerusalem',
  'Asia/Riyadh', 'Asia/Tehran',
  'Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Perth', 'Australia/Adelaide', 'Pacific/Auckland',
  'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Cairo', 'Africa/Nairobi',
]);

function texts(source: JsonValue | undefined, keys: readonly string[]): Record<string, string> | undefined {
  if (!isJsonObject(source)) return undefined;
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof source[k] === 'string' && source[k] !== '') out[k] = source[k];
  return hasOwnKeys(out) ? out : undefined;
}

/** Object.keys(o).length > 0 without the array: every event asked it of seven small objects. */
function hasOwnKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

/** The client fields of a raw `context` (unscanned; projection scans them per destination). */
export function clientContextOf(context: JsonObject): ClientContext | undefined {
  const out: ClientContext = {};
  if (typeof context.timezone === 'string') out.timezone = context.timezone;
  for (const group of TEXT_GROUPS) {
    const t = texts(context[group], TEXT_FIELDS[group]);
    if (t !== undefined) out[group] = t;
  }
  if (isJsonObject(context.screen)) {
    const screen: Record<string, number> = {};
    for (const k of SCREEN_FIELDS) { const v = context.screen[k]; if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000) screen[k] = v; }
    if (hasOwnKeys(screen)) out.screen = screen;
  }
  return hasOwnKeys(out) ? out : undefined;
}

function scrubGroup(values: Record<string, string> | undefined, node: AllowNode | undefined, ctx: ScrubContext): Record<string, string> | undefined {
  if (!isJsonObject(values) || node === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const k of Object.keys(values)) {
    const v = values[k];
    // Typed, but a re-projected dead letter's values come back from the spool: strings only.
    const s = node.child(k) && typeof v === 'string' ? scrubString(v, ctx) : undefined;
    if (s !== undefined) out[k] = truncateUnits(s, 100);
  }
  return hasOwnKeys(out) ? out : undefined;
}

/** The allowed client fields, scanned (also re-projection of a dead letter: the same shape comes back). */
export function projectClientContext(c: ClientContext, allow: AllowNode, ctx: ScrubContext): ClientContext | undefined {
  const out: ClientContext = {};
  if (typeof c.timezone === 'string' && allow.child('timezone') && BROAD_ZONES.has(c.timezone)) out.timezone = c.timezone;
  for (const group of TEXT_GROUPS) {
    const g = scrubGroup(c[group], allow.child(group), ctx);
    if (g !== undefined) out[group] = g;
  }
  const screenNode = allow.child('screen');
  if (isJsonObject(c.screen) && screenNode !== undefined) {
    const screen: Record<string, number> = {};
    for (const [k, v] of Object.entries(c.screen)) if (screenNode.child(k) && typeof v === 'number') screen[k] = v;
    if (hasOwnKeys(screen)) out.screen = screen;
  }
  return hasOwnKeys(out) ? out : undefined;
}
