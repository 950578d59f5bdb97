import fc from 'fast-check';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { REPO, startCollector, writeConfig, type Collector } from '../helpers/collector.js';
import { MARK, SpoolReader, breaksEventRules, brokenText, cleanEvent, eventsOf, jsonText, rawRequest, wrongEvent } from '../helpers/http-fuzz.js';

// Every public HTTP edge under hostile input, against a real collector (loopback HTTP, SQLite
// spool). Per request: no 5xx; a 4xx carries a JSON error that does not quote the injected
// marker; a 2xx to an event route means its clean events are in the spool, and a refused
// request left none there. At the end: the server answers, nothing threw, no log line holds the
// marker, Object.prototype is untouched.

const ADMIN = 'fuzz-admin-token-0000000001';
const VIEWER = 'fuzz-viewer-token-000000001';
const FUZZ_AUTH = `Basic ${Buffer.from('fuzzkey:').toString('base64')}`;
const yaml = `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
sites:
  - { name: fuzz, write_key: fuzzkey, allowed_origins: ["https://fuzz.example"], trusted_proxies: ["127.0.0.0/8", "::1/128"], backend: true, measurement_ids: [G-FUZZ000000] }
admin:
  enabled: true
  rate_per_minute: 1000000
  keys:
    - { name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }
    - { name: look, role: viewer, sha256: ${sha256Hex(VIEWER)} }
`;

const EVENT_ROUTES = ['/v1/batch', '/v1/b', '/v1/import', '/v1/track', '/v1/t', '/v1/page', '/v1/identify', '/v1/screen', '/v1/group', '/v1/alias', '/beacon/v1/batch?writeKey=fuzzkey'];
const BATCH = /\/(batch|b|import)(\?|$)/;

let c: Collector;
let spool: SpoolReader;
let port: number;
let seq = 0;
const logs: string[] = [];
const faults: unknown[] = [];
/** Clean message ids a 2xx acknowledged (must be spooled) and ones a 4xx refused (must not be). */
const acked = new Set<string>();
const refused = new Set<string>();
const gtagAcked = new Set<string>();
const onFault = (e: unknown) => { faults.push(e); };
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const nextId = () => `fz-${++seq}`;

interface Answer { status: number; text: string }

/** The per-request invariants. Returns the answer for route-specific checks. */
function sane(method: string, a: Answer): Answer {
  expect(a.status, a.text).toBeLessThan(500);
  if (a.status >= 400 && method !== 'HEAD') {
    const body = JSON.parse(a.text) as { success: boolean; error: { code: string; message: string } };
    expect(body.success).toBe(false);
    expect(body.error.code).toMatch(/^PW_ERR_[A-Z_]+$/);
    expect(typeof body.error.message).toBe('string');
    expect(a.text).not.toContain(MARK);
  }
  return a;
}

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  const init = { method, headers, body: method === 'GET' || method === 'HEAD' || body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body) };
  // A kept-alive socket the server closes as idle just when fetch reuses it resets the request before the
  // server reads it (seen on a loaded machine, first request of a property). Sent once more then: a body
  // that really resets the server resets it again and still fails the test.
  const r = await fetch(`${c.url}${path}`, init).catch((err: unknown) => {
    if (!isIdleSocketReset(err)) throw err;
    return fetch(`${c.url}${path}`, init);
  });
  return sane(method, { status: r.status, text: await r.text() });
}

function isIdleSocketReset(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

/** Books the clean ids in `body` as acknowledged or refused by the answer. */
function book(a: Answer, body: string | Buffer, ids: string[]): void {
  const text = typeof body === 'string' ? body : '';
  for (const id of ids) {
    if (a.status >= 200 && a.status < 300 && (typeof body !== 'string' || text.includes(`"${id}"`))) acked.add(id);
    if (a.status >= 400) refused.add(id);
  }
}

beforeAll(async () => {
  process.on('uncaughtException', onFault);
  process.on('unhandledRejection', onFault);
  const logger = pino({ level: 'info' }, { write: (line: string) => { logs.push(line); } });
  c = await startCollector({ configPath: writeConfig(yaml), deliver: false, logger });
  port = Number(new URL(c.url).port);
  spool = new SpoolReader(c.dataDir);
});

afterAll(async () => {
  process.off('uncaughtException', onFault);
  process.off('unhandledRejection', onFault);
  spool?.close();
  await c?.close();
});

describe('HTTP edges under adversarial input', () => {
  it('Segment routes: structured-but-wrong JSON at every level, batch-level contexts, forbidden keys', async () => {
    const hostile = fc.constantFrom('{"__proto__":{"polluted":1}}', '{"page":{"constructor":{"prototype":{"x":1}}}}', `${'{"d":'.repeat(40)}1${'}'.repeat(40)}`,
      `{"pad":"${'p'.repeat(40_000)}"}`, `{${Array.from({ length: 1200 }, (_, i) => `"k${i}":1`).join(',')}}`, '"str"', '[]', 'null', '{"page":{"path":"/services/x"}}');
    const shared = fc.oneof(fc.constant(undefined), jsonText, hostile);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...EVENT_ROUTES), fc.array(wrongEvent('@ID@'), { maxLength: 4 }), shared, fc.boolean(), async (route, wrong, context, withClean) => {
      const clean = withClean ? [nextId(), nextId()] : [];
      const events = [...wrong.map((w) => w.replace('@ID@', nextId())), ...clean.map((id) => JSON.stringify(cleanEvent(id)))];
      const body = BATCH.test(route) ? `{"batch":[${events.join(',')}]${context === undefined ? '' : `,"context":${context}`}}` : (events[0] ?? '{}');
      const a = await send('POST', route, { 'content-type': 'application/json', authorization: FUZZ_AUTH }, body);
      book(a, body, clean);
      if (a.status === 200) {
        // Every event the answer does not list as rejected keeps the per-event rules (limits, forbidden keys).
        const rejected = new Set(((JSON.parse(a.text) as { rejected?: { index: number }[] }).rejected ?? []).map((r) => r.index));
        const taken = eventsOf(JSON.parse(body), BATCH.test(route)).filter((_, i) => !rejected.has(i));
        expect(taken.filter((ev) => breaksEventRules(ev, c.runtime.plan.limits.depth)), body.slice(0, 300)).toEqual([]);
      }
    }), { numRuns: 150 });
  });

  it('bodies broken as text, with any content type and charset', async () => {
    const contentType = fc.constantFrom('application/json', 'text/plain;charset=UTF-8', 'application/json; charset=utf-16', 'APPLICATION/JSON;;',
      'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', `application/${MARK}`, 'text/plain; charset=latin1');
    const batchBody = brokenText(JSON.stringify({ batch: [cleanEvent('@ID@')] }));
    const singleBody = brokenText(JSON.stringify(cleanEvent('@ID@')));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...EVENT_ROUTES), contentType, batchBody, singleBody, async (route, type, batchText, singleText) => {
      const id = nextId();
      const body = (BATCH.test(route) ? batchText : singleText).replaceAll('@ID@', id);
      const a = await send('POST', route, { 'content-type': type, authorization: FUZZ_AUTH }, body);
      book(a, body, [id]);
    }), { numRuns: 150 });
  });

  it('content encodings: valid, corrupt, truncated, bombs, unknown', async () => {
    const limit = c.runtime.plan.limits.bodyBytes;
    const cases: [string, (s: Buffer) => Buffer][] = [['gzip', gzipSync], ['x-gzip', gzipSync], ['deflate', deflateSync], ['deflate', deflateRawSync], ['br', brotliCompressSync]];
    for (const [encoding, zip] of cases) {
      const id = nextId();
      const valid = Buffer.from(JSON.stringify({ batch: [cleanEvent(id)] }));
      const ok = await send('POST', '/v1/batch', { 'content-type': 'application/json', 'content-encoding': encoding, authorization: FUZZ_AUTH }, zip(valid));
      expect(ok.status).toBe(200);
      book(ok, valid, [id]);
      // Exactly at the limit once decompressed, then one byte over (a bomb stops there too).
      const atLimit = Buffer.concat([valid.subarray(0, -1), Buffer.alloc(limit - valid.length, ' '), Buffer.from('}')]);
      expect((await send('POST', '/v1/batch', { 'content-type': 'application/json', 'content-encoding': encoding, authorization: FUZZ_AUTH }, zip(atLimit))).status).toBe(200);
      for (const over of [Buffer.concat([atLimit, Buffer.from(' ')]), Buffer.alloc(10 * limit, ' ')]) {
        expect((await send('POST', '/v1/batch', { 'content-type': 'application/json', 'content-encoding': encoding, authorization: FUZZ_AUTH }, zip(over))).status).toBe(413);
      }
    }
    await fc.assert(fc.asyncProperty(fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'zstd', 'gzip, br', MARK, ' GZIP '), fc.nat(), fc.uint8Array({ maxLength: 64 }), async (encoding, cut, noise) => {
      const id = nextId();
      const zipped = gzipSync(JSON.stringify({ batch: [cleanEvent(id)] }));
      const body = Buffer.concat([zipped.subarray(0, cut % (zipped.length + 1)), noise]);
      const a = await send('POST', '/v1/batch', { 'content-type': 'application/json', 'content-encoding': encoding, authorization: FUZZ_AUTH }, body);
      if (a.status >= 400) refused.add(id);
    }), { numRuns: 60 });
  });

  it('URLs, query strings, methods and headers', async () => {
    const path = fc.oneof({ arbitrary: fc.constantFrom(...EVENT_ROUTES), weight: 3 }, { arbitrary: fc.constantFrom('/v1/__proto__', '/v1/constructor', '/v1/toString', `/v1/${MARK}`, '/v1/%ff', '/%', '/v1/batch/../track',
      '/healthz', '/readyz', '/metrics', '/assets/site.js', '/g/collect', '/admin/stats', '/admin/%2e%2e/stats', `/${'a'.repeat(4000)}`, '/v1/authorizations', '/v1/conversions'), weight: 2 });
    const query = fc.array(fc.oneof(fc.constantFrom('writeKey=fuzzkey', 'writeKey=demo', `writeKey=${MARK}`, 'writeKey=%E0%A4%A', '%', 'a=%zz', '=', '&&',
      `q=${'x'.repeat(6000)}`, 'tid=G-FUZZ000000', 'en=page_view', `en=${MARK}`), fc.string({ maxLength: 6 }).map(encodeURIComponent)), { maxLength: 6 });
    const header = fc.record({
      origin: fc.constantFrom('http://localhost:3000', 'https://fuzz.example', 'null', `https://${MARK}.example`, 'http://localhost:3000/x', ''),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', `${MARK}, 1.2.3.4`, '::ffff:10.0.0.1, 999.1.1.1', Array.from({ length: 300 }, (_, i) => `10.0.${i % 250}.1`).join(','), 'unknown, , ,'),
      forwarded: fc.constantFrom('for=1.2.3.4', `for="[${MARK}]"`, 'for=;;;,for="', 'for=[2001:db8::1]:443;proto=https'),
      authorization: fc.constantFrom(FUZZ_AUTH, `Basic ${MARK}`, 'Basic', `Bearer ${MARK}`, `Bearer ${ADMIN}`, 'Basic Og==', `Basic ${Buffer.from(`${MARK}:x`).toString('base64')}`),
      'access-control-request-headers': fc.constantFrom('x-evil,content-type', `${MARK}`, '*', ''),
      'user-agent': fc.constantFrom(MARK, 'Mozilla/5.0', ''),
      'sec-gpc': fc.constantFrom('1', MARK),
    }, { requiredKeys: [] });
    const method = fc.oneof({ arbitrary: fc.constant('POST'), weight: 3 }, fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'));
    await fc.assert(fc.asyncProperty(method, path, query, header, async (method, p, q, h) => {
      const id = nextId();
      const body = JSON.stringify({ batch: [cleanEvent(id)], ...cleanEvent(id) });
      const a = await send(method, `${p}${q.length ? `?${q.join('&')}` : ''}`, { 'content-type': 'application/json', ...h }, body);
      if (method === 'POST' && EVENT_ROUTES.some((r) => p === r.split('?')[0])) book(a, body, [id]);
      // Route names that are Object.prototype members (or junk) are no event route (a preflight is answered for any path).
      if (method !== 'OPTIONS' && /^\/v1\/(__proto__|constructor|toString|%ff|Qz)/.test(p)) { expect(a.status).toBeGreaterThanOrEqual(400); refused.add(id); }
    }), { numRuns: 200 });
  });

  it('gtag /g/collect: malformed en, ep./epn. values, broken lines, too many parameters and hits', async () => {
    const line = fc.oneof(
      fc.constantFrom('en=', `en=${MARK}`, `en=${'x'.repeat(600)}`, 'en=%ZZ&epn.v=abc', 'en=x&epn.v=1e400&epn.w=-0&epn.__proto__=1&ep.constructor=2', '=&&=', '%',
        `en=x&${Array.from({ length: 1100 }, (_, i) => `ep.k${i}=v`).join('&')}`, `en=x&ep.big=${'y'.repeat(40_000)}`, 'en=x&dl=%E0%A4%A&dr=\u0000&dt=%ud800', `en=x&ep.${MARK}=${MARK}`),
      fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replaceAll('\n', '')),
    );
    const tid = fc.constantFrom('tid=G-FUZZ000000', 'tid=G-FUZZ000000', 'tid=G-DEMO000000', `tid=${MARK}`, '');
    await fc.assert(fc.asyncProperty(fc.constantFrom('GET', 'POST', 'POST', 'POST', 'HEAD'), tid, fc.array(line, { maxLength: 4 }), fc.nat({ max: 3 }), fc.boolean(), async (method, t, garbage, cleanCount, tooMany) => {
      const names = Array.from({ length: cleanCount }, () => `fz_${++seq}`);
      const clean = names.map((n) => `en=${n}&dl=${encodeURIComponent('https://www.northbay-health.example/services/x')}`);
      const lines = [...garbage, ...clean, ...(tooMany ? Array.from({ length: 25 }, () => 'en=filler') : [])];
      const query = `v=2&cid=1.2&${t}`;
      const a = method === 'POST' ? await send('POST', `/g/collect?${query}`, { 'content-type': 'text/plain;charset=UTF-8' }, lines.join('\n'))
        : await send(method, `/g/collect?${query}&${lines[0] ?? ''}`);
      // A HEAD records nothing (405; 431 when the hit made the URL too long).
      if (method === 'HEAD') expect([405, 431]).toContain(a.status);
      if (a.status === 204 && method === 'POST') for (const n of names) gtagAcked.add(n);
    }), { numRuns: 120 });
  });

  it('admin API with and without keys, and the backend routes, any body', async () => {
    const backendAndQueries = fc.constantFrom('POST /v1/authorizations', 'POST /v1/authorizations/revoke', 'POST /v1/conversions', 'GET /admin/reports/aggregates?__proto__=1&constructor=x&destination=%ff',
      `GET /admin/reports/attribution?model=${MARK}&from=2026-99-99`, 'GET /admin/disclosures?destination=__proto__&from=1e400&to=-0');
    const adminRoute = fc.constantFrom('GET /stats', 'GET /explain', 'GET /audit/verify', `GET /disclosures?destination=${MARK}&from=x&to=%zz`, 'GET /disclosures?destination=local_file&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      'GET /reports/aggregates', `GET /reports/${MARK}`, 'POST /dry-run', 'POST /dlq/replay', 'POST /suppressions', 'POST /keys', 'GET /keys', `DELETE /keys/${MARK}`, 'POST /config', 'PUT /stats', `GET /${MARK}`);
    const token = fc.constantFrom(undefined, ADMIN, ADMIN, VIEWER, MARK, '');
    const path = fc.oneof(adminRoute.map((r) => r.replace(' ', ' /admin')), backendAndQueries);
    const body = fc.oneof(jsonText, brokenText('{"id":"x"}'), brokenText('{"subject":"s","expires_at":"2030-01-01T00:00:00Z","source":"form"}'));
    await fc.assert(fc.asyncProperty(path, token, body, async (r, t, b) => {
      const [method, target] = r.split(' ');
      // The admin key never posts a config: a random YAML must not replace the fuzz run's own.
      const bearer: Record<string, string> = t === undefined || (target === '/admin/config' && t === ADMIN) ? {} : { authorization: `Bearer ${t}` };
      const auth: Record<string, string> = target.startsWith('/v1/') ? { authorization: FUZZ_AUTH } : bearer;
      await send(method, target, { 'content-type': 'application/json', ...auth }, b);
    }), { numRuns: 150 });
  });

  it('framing the HTTP parser refuses, slow and aborted bodies, limits to the byte', async () => {
    const limit = c.runtime.plan.limits.bodyBytes;
    const head = (extra: string) => `POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: ${FUZZ_AUTH}\r\nContent-Type: application/json\r\n${extra}\r\n`;
    const json = (a: { body: string } | undefined) => JSON.parse(a?.body ?? '') as { error: { code: string } };
    for (const bad of ['FOO / HTTP/1.1\r\nHost: x\r\n\r\n', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \u0001${MARK}\r\n\r\n`,
      `${head('Content-Length: 5\r\nTransfer-Encoding: chunked\r\n')}0\r\n\r\n`, `${head('Transfer-Encoding: chunked\r\n')}zz\r\n{\r\n`, `${head('Content-Length: -1\r\n')}`,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, `${head(`Expect: ${MARK}\r\nContent-Length: 2\r\n`)}{}`,
      `${head(`Content-Length: 2\r\nContent-Length: 3\r\n`)}{}`, 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n']) {
      const a = await rawRequest(port, [bad]);
      expect(a?.status, bad.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(a!.status).toBeLessThan(500);
      expect(json(a).error.code).toMatch(/^PW_ERR_/);
      expect(a!.body).not.toContain(MARK);
    }
    const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
    const slowId = nextId();
    const slow = JSON.stringify({ batch: [cleanEvent(slowId)] });
    const ok = await rawRequest(port, [head('Transfer-Encoding: chunked\r\n'), chunk(slow.slice(0, 10)), chunk(slow.slice(10, 40)), `${chunk(slow.slice(40))}0\r\n\r\n`], { gapMs: 100 });
    expect(ok?.status).toBe(200);
    acked.add(slowId);
    const abortedId = nextId();
    await rawRequest(port, [head('Transfer-Encoding: chunked\r\n'), chunk(`{"batch":[${JSON.stringify(cleanEvent(abortedId))}`)], { end: false });
    await rawRequest(port, [head('Content-Length: 400\r\n'), `{"batch":[${JSON.stringify(cleanEvent(nextId()))}`], { end: false });
    refused.add(abortedId);
    const overChunked = await rawRequest(port, [head('Transfer-Encoding: chunked\r\n'), chunk('{"batch":[],"pad":"'), chunk('p'.repeat(limit)), chunk('"}'), '0\r\n\r\n']);
    expect(overChunked?.status).toBe(413);
    const exactId = nextId();
    const base = JSON.stringify({ batch: [cleanEvent(exactId)], pad: '' });
    const exact = `${base.slice(0, -2)}${'p'.repeat(limit - Buffer.byteLength(base))}"}`;
    expect((await send('POST', '/v1/batch', { 'content-type': 'application/json', authorization: FUZZ_AUTH }, exact)).status).toBe(200);
    acked.add(exactId);
    const overId = nextId();
    const over = exact.replace(exactId, overId).replace('"pad":"', '"pad":"p');
    expect((await send('POST', '/v1/batch', { 'content-type': 'application/json', authorization: FUZZ_AUTH }, over)).status).toBe(413);
    refused.add(overId);
  });

  it('afterwards: still serving, every acknowledged event spooled, nothing refused spooled, nothing leaked or thrown', async () => {
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    const items = spool.items();
    const ids = new Set(items.map((i) => i.messageId));
    expect([...acked].filter((id) => !ids.has(id))).toEqual([]);
    expect([...refused].filter((id) => ids.has(id))).toEqual([]);
    const names = new Set(items.map((i) => i.payload.event_name));
    expect([...gtagAcked].filter((n) => !names.has(n))).toEqual([]);
    // The fuzz must have acknowledged enough events for the spool checks above to mean something. The count is
    // random (fast-check draws new inputs each run): 59-73 in six runs on this code and on 13e6aff, and exactly 50 in
    // one CI run, so the floor sits far below that spread.
    expect(acked.size).toBeGreaterThan(25);
    expect(faults).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(protoNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(logs.filter((l) => l.includes(MARK))).toEqual([]);
    expect(logs.filter((l) => /unhandled request error|admin request error/.test(l))).toEqual([]);
  });
});
