import { chunk } from './batch.js';
import { GA4_MAX_EVENTS, type Ga4Payload } from './ga4-payload.js';
import type { OutboundItem } from './types.js';

// GA4's request body is not a list of stored payloads: one request per (client_id, user_id,
// consent) carries the `event` of each payload. The stored text of a payload (OutboundItem.payloadText,
// JSON.stringify of what toGa4Payload returned: client_id, user_id, consent, event, in that order)
// ends with its event's text, so the body splices those texts instead of serialising every event
// again; what GA4 receives is what the spool committed. A text laid out otherwise (a payload made
// elsewhere, extra keys) is not cut up: its event is serialised from the payload, as before.

// GA documents "smaller than 130kB" without a unit; the smaller reading is the safe one.
const MAX_BODY_BYTES = 130_000;
const EVENT_KEY = ',"event":';

/** A GA4 event to post: its payload (checked by isGa4Payload) and the item it came in. */
export interface Ga4Entry { payload: Ga4Payload; item?: OutboundItem }

export interface Ga4Request {
  indexes: number[];
  /** The request-level fields the events share. */
  head: Pick<Ga4Payload, 'client_id' | 'user_id' | 'consent'>;
  /** The events' JSON texts, in `indexes` order. */
  events: string[];
  /** The body as posted when every event is sent (the size check needs it). */
  text: string;
}

/** The request-level fields of a payload, as JSON.stringify writes them (undefined ones left out). */
function headOf(p: Ga4Payload): Ga4Request['head'] {
  const head: Ga4Request['head'] = { client_id: p.client_id };
  if (p.user_id !== undefined) head.user_id = p.user_id;
  if (p.consent !== undefined) head.consent = p.consent;
  return head;
}

/**
 * The event's JSON text: cut from the stored text when that is laid out as toGa4Payload writes
 * it (the payload's keys exactly client_id, user_id?, consent?, event; the text `headText`, the
 * request fields as JSON.stringify writes them, without its closing brace, then `,"event":` and
 * ending with the event's last field, its timestamp); else serialised.
 */
export function ga4EventJson(entry: Ga4Entry, headText = JSON.stringify(headOf(entry.payload))): string {
  const { payload: p, item } = entry;
  const text = item?.payloadText;
  if (text === undefined || !laidOutAsMapped(p)) return JSON.stringify(p.event);
  const at = headText.length - 1, start = at + EVENT_KEY.length;
  const tail = `,"timestamp_micros":${JSON.stringify(p.event.timestamp_micros)}}}`;
  if (!text.startsWith(EVENT_KEY, at) || !text.startsWith('{"name":', start) || !text.endsWith(tail) || !text.startsWith(headText.slice(0, -1))) return JSON.stringify(p.event);
  return text.slice(start, -1);
}

/** The payload's own keys are those toGa4Payload writes, in its order (a parse keeps the text's order). */
function laidOutAsMapped(p: Ga4Payload): boolean {
  const keys = Object.keys(p);
  let k = 0;
  if (keys[k++] !== 'client_id') return false;
  if (p.user_id !== undefined && keys[k++] !== 'user_id') return false;
  if (p.consent !== undefined && keys[k++] !== 'consent') return false;
  if (keys[k++] !== 'event' || k !== keys.length) return false;
  const ev = Object.keys(p.event);
  return ev.length === 3 && ev[0] === 'name' && ev[1] === 'params' && ev[2] === 'timestamp_micros';
}

/** JSON.stringify({ client_id, events, user_id?, consent? }) with the events' texts spliced in. */
export function ga4BodyJson(head: Ga4Request['head'], events: readonly string[]): string {
  const rest = JSON.stringify({ user_id: head.user_id, consent: head.consent });
  return `{"client_id":${JSON.stringify(head.client_id)},"events":[${events.join(',')}]${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
}

/** One request per (client_id, user_id, consent) with at most 25 events and < 130 kB. */
export function buildRequests(entries: ReadonlyArray<Ga4Entry | undefined>): Ga4Request[] {
  // Keyed by the request fields' JSON text: each payload's is made once, for the key and the stored-text check.
  const groups = new Map<string, number[]>();
  const events: string[] = [];
  entries.forEach((e, i) => {
    if (!e) return;
    const key = JSON.stringify(headOf(e.payload));
    events[i] = ga4EventJson(e, key);
    const group = groups.get(key);
    if (group) group.push(i); else groups.set(key, [i]);
  });
  const requests: Ga4Request[] = [];
  for (const indexes of groups.values()) {
    const head = headOf((entries[indexes[0]] as Ga4Entry).payload);
    for (const part of chunk(indexes, GA4_MAX_EVENTS)) requests.push(...splitBySize(part, head, part.map((i) => events[i])));
  }
  return requests;
}

function splitBySize(indexes: number[], head: Ga4Request['head'], events: string[]): Ga4Request[] {
  const text = ga4BodyJson(head, events);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most bodies need no byte count.
  if (indexes.length === 1 || text.length * 3 <= MAX_BODY_BYTES || Buffer.byteLength(text) <= MAX_BODY_BYTES) return [{ indexes, head, events, text }];
  const mid = Math.ceil(indexes.length / 2);
  return [...splitBySize(indexes.slice(0, mid), head, events.slice(0, mid)), ...splitBySize(indexes.slice(mid), head, events.slice(mid))];
}
