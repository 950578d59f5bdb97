import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { DEMO_AUTH, REPO, post, startCollector, writeConfig, type Collector } from '../helpers/collector.js';
import { SpoolReader, cleanEvent, rawRequest, type RawAnswer } from '../helpers/http-fuzz.js';

// Hostile requests a blind fuzz pass (H51) threw at the collector: what the sender sees (status,
// JSON error code), whether the event reached the spool, and that no planted value comes back in
// an answer or a log line. The first group failed before: Node or the hono adapter answered them
// with an empty body.

const ADMIN = 'hostile-admin-token-000001';
const yaml = `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
admin: { enabled: true, keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }] }
sites:
  - { name: crm, write_key: backend-key, backend: true }
`;
const EMAIL = 'hostile.patient@phimail.example';
const SSN = '219-09-9999';
const planted = [EMAIL, 'phimail', SSN];

/** A track event carrying the planted values in fields the rules drop. */
const phiEvent = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ ...cleanEvent(id), properties: { service_line: 'cardiology', email: EMAIL, ssn: SSN }, ...extra });

const requestText = (line: string, headers: string, body: string): string =>
  `${line}\r\n${headers}Authorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

describe('hostile input at the HTTP edge', () => {
  let c: Collector;
  let port: number;
  let spool: SpoolReader;
  const logs: string[] = [];
  const spooled = (id: string) => spool.items().some((i) => i.messageId === id);
  const expectJsonError = (r: RawAnswer | undefined, status: number, code: string) => {
    expect(r?.status).toBe(status);
    expect(r?.headers).toContain('content-type: application/json');
    expect(JSON.parse(r!.body)).toMatchObject({ success: false, error: { code } });
    for (const v of planted) expect(r!.body).not.toContain(v);
  };

  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (l: string) => { logs.push(l); } });
    c = await startCollector({ configPath: writeConfig(yaml), deliver: false, logger });
    port = Number(new URL(c.url).port);
    spool = new SpoolReader(c.dataDir);
  });
  afterAll(async () => {
    spool.close();
    await c.close();
  });

  it.each([
    ['a Host with userinfo', 'POST /v1/t HTTP/1.1', `Host: ${EMAIL}\r\n`],
    ['a Host with a space', 'POST /v1/t HTTP/1.1', 'Host: www example\r\n'],
    ['a Host with a bad port', 'POST /v1/t HTTP/1.1', 'Host: 127.0.0.1:99999\r\n'],
    ['a backslash in the path', 'POST /v1\\t HTTP/1.1', 'Host: x\r\n'],
    ['an absolute URL that is no URL', 'POST http://[x/v1/t HTTP/1.1', 'Host: x\r\n'],
    ['an ftp absolute URL', 'POST ftp://x/v1/t HTTP/1.1', 'Host: x\r\n'],
    ['an HTTP/1.1 request without Host', 'POST /v1/t HTTP/1.1', ''],
  ])('%s is a JSON 400 naming nothing it was sent, and records nothing', async (name, line, headers) => {
    const id = `host-${name.replace(/\W+/g, '-')}`;
    expectJsonError(await rawRequest(port, [requestText(line, headers, JSON.stringify(phiEvent(id)))]), 400, 'PW_ERR_BAD_REQUEST');
    expect(spooled(id)).toBe(false);
  });

  it('an HTTP/1.0 request without Host is still taken', async () => {
    const r = await rawRequest(port, [requestText('POST /v1/t HTTP/1.0', '', JSON.stringify(phiEvent('http10-no-host')))]);
    expect(r?.body).toContain('"success":true');
    expect(spooled('http10-no-host')).toBe(true);
  });

  it('more headers than Node keeps is a JSON 431, not a request missing the ones dropped', async () => {
    // 6 bytes each: far under the 16 KB header limit, so the count is what refuses them.
    const many = 'X: 1\r\n'.repeat(2100);
    const r = await rawRequest(port, [requestText('POST /v1/t HTTP/1.1', `${many}Host: x\r\n`, JSON.stringify(phiEvent('many-headers')))]);
    expectJsonError(r, 431, 'PW_ERR_HEADERS_TOO_LARGE');
    expect(r!.body).toContain('request headers');
    expect(spooled('many-headers')).toBe(false);
    const some = 'X: 1\r\n'.repeat(1900);
    const ok = await rawRequest(port, [requestText('POST /v1/t HTTP/1.1', `${some}Host: x\r\n`, JSON.stringify(phiEvent('some-headers')))]);
    expect(ok?.status).toBe(200);
    expect(spooled('some-headers')).toBe(true);
  });

  it.each([['PUT', '/v1/t'], ['DELETE', '/v1/batch'], ['GET', '/v1/track'], ['PATCH', '/beacon/v1/batch?writeKey=demo'], ['PUT', '/g/collect?v=2&tid=G-DEMO000000&cid=1.2&en=x'], ['GET', '/v1/conversions']])('%s %s is a JSON 405 naming the methods the route takes, and records nothing', async (method, route) => {
    const id = `method-${method}-${route.length}`;
    const r = await fetch(`${c.url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, ...(method === 'GET' ? {} : { body: JSON.stringify(phiEvent(id)) }) });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toMatch(/POST/);
    expect(await r.json()).toMatchObject({ success: false, error: { code: 'PW_ERR_METHOD_NOT_ALLOWED' } });
    expect(spooled(id)).toBe(false);
    expect((await fetch(`${c.url}/v1/nope`, { method })).status).toBe(404);
  });

  it('admin: a refused config carries the usual error object beside its problems', async () => {
    const r = await fetch(`${c.url}/admin/config`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify({ yaml: '{{{' }) });
    expect(r.status).toBe(400);
    const body = await r.json() as { error: { code: string }; problems: string[] };
    expect(body.error.code).toBe('PW_ERR_INVALID_BODY');
    expect(body.problems.length).toBeGreaterThan(0);
  });

  it('offline conversions: an unknown key is refused without quoting it (a key can be an email)', async () => {
    const conversion = { id: 'c1', type: 'Appointment', time: '2026-01-01T00:00:00Z', visitor_token: 'tok', [EMAIL]: SSN };
    for (const body of [conversion, { conversions: [conversion] }]) {
      const r = await post(`${c.url}/v1/conversions`, body, { authorization: 'Basic ' + Buffer.from('backend-key:').toString('base64') });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ success: false, error: { code: 'PW_ERR_INVALID_CONVERSION' } });
      expect(JSON.stringify(r.json)).toContain('unknown key');
      for (const v of planted) expect(JSON.stringify(r.json)).not.toContain(v);
    }
  });

  // Hostile but parseable: each is taken (and then in the spool) or refused with a JSON 4xx (and
  // then not); never a 5xx, never the planted values in the answer.
  const hostile: [string, string, string, Record<string, string>?][] = [
    ['lone surrogates in keys and values', '/v1/t', JSON.stringify(phiEvent('surrogates')).replace('"properties":{', '"properties":{"a":"\\ud800","\\udc00":"x",')],
    ['NUL in a key and a value', '/v1/t', JSON.stringify(phiEvent('nul')).replace('"properties":{', '"properties":{"a\\u0000":"b\\u0000",')],
    ['a UTF-8 BOM before the JSON', '/v1/t', `\ufeff${JSON.stringify(phiEvent('bom'))}`],
    ['invalid UTF-8 bytes', '/v1/t', JSON.stringify(phiEvent('bad-utf8')).replace('cardiology', 'cardi\udcffology')],
    ['a timestamp past the Date range', '/v1/t', JSON.stringify(phiEvent('far-date', { timestamp: '+275760-09-14T00:00:00Z', sentAt: 'NaN' }))],
    ['1e400, -0 and a 40-digit number', '/v1/t', JSON.stringify(phiEvent('numbers')).replace('"properties":{', '"properties":{"value":1e400,"n":-0,"big":1234567890123456789012345678901234567890,')],
    ['an event named constructor', '/v1/t', JSON.stringify(phiEvent('ev-ctor', { event: 'constructor', anonymousId: '__proto__' }))],
    ['own keys named like Object methods', '/v1/t', JSON.stringify(phiEvent('methods', { toString: 1, hasOwnProperty: 'x', valueOf: {} }))],
    ['__proto__ in properties', '/v1/t', JSON.stringify(phiEvent('proto-props')).replace('"properties":{', '"properties":{"__proto__":{"polluted":"yes"},')],
    ['__proto__ in a batch item', '/v1/batch', `{"batch":[${JSON.stringify(phiEvent('proto-batch')).replace('{', '{"__proto__":{"polluted":"yes"},')}]}`],
    ['constructor.prototype in context', '/v1/t', JSON.stringify(phiEvent('ctor-proto', { context: { constructor: { prototype: { polluted: 'yes' } } } }))],
    ['duplicate properties keys, the PHI in the second', '/v1/t', `{"type":"track","event":"x","messageId":"dup-keys","anonymousId":"a","properties":{"a":1},"properties":{"email":"${EMAIL}"}}`],
    ['a body in UTF-16', '/v1/t', Buffer.from(JSON.stringify(phiEvent('utf16')), 'utf16le').toString('latin1'), { 'content-type': 'application/json; charset=utf-16le' }],
    ['form-urlencoded', '/v1/t', `data=${encodeURIComponent(JSON.stringify(phiEvent('form')))}`, { 'content-type': 'application/x-www-form-urlencoded' }],
    ['stacked gzip encodings', '/v1/t', gzipSync(gzipSync(JSON.stringify(phiEvent('gzip2')))).toString('latin1'), { 'content-encoding': 'gzip, gzip' }],
  ];

  it.each(hostile)('%s: taken and spooled, or a JSON 4xx and not spooled', async (_name, route, body, headers = {}) => {
    const id = /"messageId":"([^"]+)"/.exec(body)?.[1];
    const r = await fetch(`${c.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH, ...headers }, body: Buffer.from(body, headers['content-type']?.includes('utf-16') || headers['content-encoding'] ? 'latin1' : 'utf8') });
    const text = await r.text();
    expect(r.status).toBeLessThan(500);
    for (const v of planted) expect(text).not.toContain(v);
    const json = JSON.parse(text) as { success: boolean; accepted?: number; error?: { code: string } };
    if (r.status === 200 && json.accepted === 1 && id) expect(spooled(id)).toBe(true);
    if (r.status >= 400) {
      expect(json).toMatchObject({ success: false, error: { code: expect.stringMatching(/^PW_ERR_/) } });
      if (id) expect(spooled(id)).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nothing it was sent reached a log line', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const v of planted) expect(logs.filter((l) => l.includes(v))).toEqual([]);
  });
});

describe('admin API under a flood of bad keys', () => {
  it('answers 429 with a Retry-After within the minute, in JSON, quoting no token', async () => {
    const c = await startCollector({ configPath: writeConfig(`version: 1
include: ["${REPO}/rules/phiwall.yaml"]
admin: { enabled: true, rate_per_minute: 3, keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }] }
`), deliver: false });
    try {
      // The limiter counts per clock minute: start well inside one so the five calls share it.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_100 - intoMinute));
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i++) {
        last = await fetch(`${c.url}/admin/stats`, { headers: { authorization: `Bearer ${EMAIL}` } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const retry = Number(last!.headers.get('retry-after'));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      const text = await last!.text();
      expect(JSON.parse(text)).toMatchObject({ success: false, error: { code: 'PW_ERR_RATE_LIMITED' } });
      expect(text).not.toContain('phimail');
    } finally {
      await c.close();
    }
  });
});
