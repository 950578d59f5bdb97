import Database from 'better-sqlite3';
import fc from 'fast-check';
import net from 'node:net';
import { join } from 'node:path';

// Pieces of tests/server/http-fuzz.test.ts: hostile JSON text, a raw HTTP/1.1 client (for what
// fetch refuses to send) and a reader of the SQLite spool (what a 2xx acknowledged).

/** Injected into values, keys, URLs and headers: no error body or log line may quote it. */
export const MARK = 'Qz7MARKq';

/** JSON leaves a parser or a validator could trip on, as JSON text. */
const leafText = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '-0', '0', '1e400', '-1e400', '123456789012345678901234567890', '1e-400', '0.1',
    '"\\ud800"', '"\\udfff\\ud800"', '"a\\u0000b"', '""', `"${MARK}"`, `"${MARK}@example.com"`, `"%E0%A4%A${MARK}"`,
    `"https://www.northbay-health.example/services/x?e=${MARK}%40x.org#${MARK}"`, '"/patient-portal/\\ud800"', '"\\ufeff"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.double({ noNaN: true }).map((n) => JSON.stringify(n)),
);

/** Keys: the envelope's own, prototype-polluting ones, and random ones (repeats make duplicate keys). */
const keyText = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'event', 'messageId', 'anonymousId', 'userId', 'properties',
    'context', 'traits', 'page', 'url', 'path', 'batch', 'writeKey', 'timestamp', 'ip', 'consent', MARK),
  fc.string({ maxLength: 8 }),
).map((k) => JSON.stringify(k));

/** Any JSON text, nested up to a few levels, with duplicate and forbidden keys. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    leafText,
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc.array(fc.tuple(keyText, tie('value')), { maxLength: 5 }).map((kv) => `{${kv.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
})).value;

/** An event envelope with a wrong type (or a hostile value) in some field. */
export const wrongEvent = (id: string): fc.Arbitrary<string> => fc.record({
  type: fc.oneof(fc.constantFrom('"track"', '"page"', '"identify"', '"bogus"'), jsonText),
  event: fc.oneof(fc.constant('"Form Submitted"'), jsonText),
  anonymousId: fc.oneof(fc.constant('"anon-fuzz"'), jsonText),
  properties: fc.oneof(fc.constant('{"path":"/services/x"}'), jsonText),
  context: fc.oneof(fc.constant('{"page":{"path":"/services/x"}}'), jsonText),
  extra: fc.array(fc.tuple(keyText, jsonText), { maxLength: 3 }),
}).map((e) => `{"messageId":"${id}","type":${e.type},"event":${e.event},"anonymousId":${e.anonymousId},"properties":${e.properties},"context":${e.context}${e.extra.map(([k, v]) => `,${k}:${v}`).join('')}}`);

/** A valid event on an ordinary page: a 2xx for its request means it is in the spool. */
export const cleanEvent = (id: string): Record<string, unknown> => ({
  type: 'track', event: 'Fuzz Clean', messageId: id, anonymousId: 'clean-anon', properties: { service_line: 'cardiology' },
  context: { page: { path: '/services/cardiology', url: 'https://www.northbay-health.example/services/cardiology' } },
});

/** Ways a body goes wrong as text. */
export const brokenText = (valid: string): fc.Arbitrary<string> => fc.oneof(
  fc.constantFrom(valid, `\ufeff${valid}`, ` \r\n\t${valid}\n`),
  fc.constantFrom('', ' ', 'null', '[]', '"x"', '0', '\ufeff', `\ufeff${valid}`, `${valid}\n${valid}`, `${valid}\u0000`, `\u0000${valid}`,
    `[${valid}]`, '{"batch":', `{"batch":[${valid},`, `${valid}}`, `${valid}garbage${MARK}`, `{"batch":"${MARK}"}`,
    `{"batch":[${Array(5000).fill('{}').join(',')}]}`, `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
  fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
  jsonText,
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export interface RawAnswer { status: number; headers: string; body: string }

/**
 * Writes bytes to a fresh socket and reads one answer. `parts` are written with `gapMs` between
 * them; `end: false` leaves the socket open after the last part (an aborted or stalled body).
 */
export function rawRequest(port: number, parts: (string | Buffer)[], opts: { gapMs?: number; end?: boolean; waitMs?: number } = {}): Promise<RawAnswer | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(data);
      resolve(m ? { status: Number(m[1]), headers: m[2].toLowerCase(), body: m[3] } : undefined);
    };
    const timer = setTimeout(finish, opts.waitMs ?? 2000);
    socket.on('data', (d) => { data += d.toString('latin1'); if (/\r\n\r\n/.test(data) && answerComplete(data)) finish(); });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', async () => {
      for (const [i, p] of parts.entries()) {
        if (i > 0 && opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
        if (!socket.destroyed) socket.write(p);
      }
      if (opts.end === false) socket.destroy();
    });
  });
}

function answerComplete(data: string): boolean {
  const [head, ...rest] = data.split('\r\n\r\n');
  const len = /content-length: (\d+)/i.exec(head);
  if (len) return Buffer.byteLength(rest.join('\r\n\r\n'), 'latin1') >= Number(len[1]);
  return /transfer-encoding: chunked/i.test(head) ? data.endsWith('0\r\n\r\n') : true;
}

/** What the SQLite spool holds: message ids and payloads of rows and packs, every destination. */
export class SpoolReader {
  private readonly db: Database.Database;
  constructor(dataDir: string) { this.db = new Database(join(dataDir, 'spool.db'), { readonly: true, fileMustExist: true }); }

  items(): { messageId: string; payload: Record<string, unknown> }[] {
    const rows = this.db.prepare('SELECT message_id, payload FROM outbox').all() as { message_id: string; payload: string }[];
    const out = rows.map((r) => ({ messageId: r.message_id, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    const packs = this.db.prepare('SELECT meta, payload FROM outbox_packs').all() as { meta: string; payload: string }[];
    for (const p of packs) {
      const meta = JSON.parse(p.meta) as [string][];
      const payloads = JSON.parse(p.payload) as Record<string, unknown>[];
      meta.forEach(([id], i) => out.push({ messageId: id, payload: payloads[i] }));
    }
    return out;
  }

  close(): void { this.db.close(); }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The README's per-event contract, as an oracle: no forbidden key at any depth, at most `depth` levels. */
export function breaksEventRules(value: unknown, depth: number): boolean {
  if (depth < 1) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => breaksEventRules(v, depth - 1));
  return Object.keys(value).some((k) => FORBIDDEN.has(k) || breaksEventRules((value as Record<string, unknown>)[k], depth - 1));
}

/**
 * The events a Segment request body carries as the collector must judge them: a batch's events
 * with the batch-level context merged in (Segment semantics), or the single event.
 */
export function eventsOf(body: unknown, batch: boolean): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const b = body as Record<string, unknown>;
  if (!batch) return [b];
  if (!Array.isArray(b.batch)) return [];
  const shared = b.context;
  return b.batch.map((ev: unknown) => {
    if (shared === undefined || typeof ev !== 'object' || ev === null || Array.isArray(ev)) return ev;
    const own = (ev as Record<string, unknown>).context;
    return { ...ev, context: { ...(shared as object), ...(typeof own === 'object' && own !== null ? own : {}) } };
  });
}
