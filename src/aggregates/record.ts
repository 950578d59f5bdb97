import { deriveChannel } from '../attribution/channel.js';
import type { CleanEvent } from '../destinations/types.js';
import { generalizeUa } from '../rules/ops/generalize.js';
import type { JsonObject } from '../common/json.js';
import type { AggregateConfig, Dimension } from './options.js';
import type { CellDelta } from './store.js';

const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/;

// What an aggregate destination keeps of an event: the configured dimensions, numeric sums
// and (with attribution) a touch or conversion. Free text never becomes a dimension: every
// value comes from a closed set or from a field the rule plan already generalised.

export interface AttributionPart {
  /** HMAC of the visitor key under the destination's own secret. */
  v: string;
  ch: string;
  cp: string;
  /** The event is a touch worth recording (marketing signal or a landing page view). */
  touch: boolean;
  direct: boolean;
  conv?: { type: string; value: number; id: string };
  lead?: boolean;
  /** HMAC of the normalized-SHA-256 email match key, when the plan provides one. */
  e?: string;
}

export interface AggregateRecord {
  t: number;
  /** HMAC of the visitor (pseudonymous id or anonymousId) so a cell counts visitors, not events. */
  u?: string;
  d: string[];
  s: Record<string, number>;
  a?: AttributionPart;
}

const NONE = '(none)';
const US_STATES = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP'.split(' '));
const GENERALIZED_UA = /^.+ \/ .+ \/ ([a-z]+)$/;

function device(ua: string | undefined): string {
  if (!ua) return NONE;
  const generalized = GENERALIZED_UA.exec(ua)?.[1] ?? GENERALIZED_UA.exec(generalizeUa(ua))?.[1];
  return generalized ?? NONE;
}

function region(e: CleanEvent): string {
  for (const v of [e.properties.region, e.properties.state, e.traits.state]) {
    if (typeof v === 'string' && US_STATES.has(v.trim().toUpperCase())) return v.trim().toUpperCase();
  }
  return NONE;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try { return new URL(url).hostname.toLowerCase(); } catch { return undefined; }
}

export function channelOf(e: CleanEvent): string {
  return deriveChannel({ campaign: e.campaign, clickIds: e.clickIds, referrer: e.page?.referrer, pageHost: hostOf(e.page?.url) });
}

export function eventLabel(e: CleanEvent): string {
  if (e.event !== undefined) return e.event;
  return e.type === 'page' ? 'page_view' : e.type;
}

function dimension(d: Dimension, e: CleanEvent): string {
  switch (d) {
    case 'event': return eventLabel(e);
    case 'page_group': return e.pageGroup ?? NONE;
    case 'channel': return channelOf(e);
    case 'campaign': return e.campaign?.name?.slice(0, 100) ?? NONE;
    case 'device': return device(e.userAgent);
    case 'region': return region(e);
  }
}

function numeric(props: JsonObject, name: string): number | undefined {
  const v = props[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' && DECIMAL_NUMBER.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function toRecord(e: CleanEvent, config: AggregateConfig, who: string | undefined, attribution?: (e: CleanEvent) => AttributionPart | undefined): AggregateRecord {
  const s: Record<string, number> = {};
  for (const name of config.sums) {
    const n = numeric(e.properties, name);
    if (n !== undefined) s[name] = n;
  }
  const time = Date.parse(e.timestamp);
  const rec: AggregateRecord = { t: Number.isFinite(time) ? time : Date.parse(e.receivedAt), d: config.dimensions.map((d) => dimension(d, e)), s };
  if (who !== undefined) rec.u = who;
  const a = attribution?.(e);
  if (a) rec.a = a;
  return rec;
}

export function conversionValue(e: CleanEvent): number {
  return numeric(e.properties, 'value') ?? 0;
}

/**
 * A batch's records grouped per cell, sorted by (window, dims): concurrent writers then lock
 * cells in one order (no deadlock between instances on PostgreSQL).
 */
export function cellDeltas(records: readonly AggregateRecord[], span: number): CellDelta[] {
  const byCell = new Map<string, CellDelta & { who: string[]; seen: Set<string>; sums: Record<string, number> }>();
  for (const rec of records) {
    const windowStart = Math.floor(rec.t / span) * span;
    const dims = JSON.stringify(rec.d);
    const key = `${windowStart}\u0000${dims}`;
    let cell = byCell.get(key);
    if (!cell) byCell.set(key, (cell = { windowStart, dims, events: 0, who: [], anonymous: 0, sums: {}, seen: new Set() }));
    cell.events++;
    if (rec.u === undefined) cell.anonymous++;
    else if (!cell.seen.has(rec.u)) { cell.seen.add(rec.u); cell.who.push(rec.u); }
    for (const [k, v] of Object.entries(rec.s)) cell.sums[k] = (cell.sums[k] ?? 0) + v;
  }
  return [...byCell.values()]
    .map(({ seen: _seen, ...c }) => c)
    .sort((a, b) => a.windowStart - b.windowStart || (a.dims < b.dims ? -1 : a.dims > b.dims ? 1 : 0));
}
