import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bisect, collapseResults, expandResult } from '../../src/destinations/batch.js';
import { HttpClient, classifyResponse, extractVendorError, networkErrorCode, parseRetryAfter } from '../../src/destinations/http.js';
import { scrubVendorText } from '../../src/destinations/scrub.js';
import type { ItemResult } from '../../src/destinations/types.js';
import { FakeServer } from '../fakes/http-fake.js';

describe('classifyResponse', () => {
  it.each([200, 201, 202, 204])('%i -> ok', (status) => {
    expect(classifyResponse(status, {}, '')).toEqual({ kind: 'ok' });
  });

  it.each([408, 429, 500, 502, 503, 504, 599])('%i -> retry', (status) => {
    expect(classifyResponse(status, {}, '').kind).toBe('retry');
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 501])('%i -> drop HTTP_<status>', (status) => {
    expect(classifyResponse(status, {}, '')).toEqual({ kind: 'drop', code: `HTTP_${status}`, reason: `HTTP ${status}` });
  });

  it('honours Retry-After on retryable statuses only', () => {
    expect(classifyResponse(503, { 'retry-after': '12' }, '')).toMatchObject({ kind: 'retry', delayMs: 12_000 });
    expect(classifyResponse(400, { 'retry-after': '12' }, '')).not.toHaveProperty('delayMs');
  });

  it('adds the vendor code to the drop code and the scrubbed message to the reason', () => {
    const body = JSON.stringify({ error: { message: 'Invalid parameter for jane.doe@example.com', code: 100, error_subcode: 2804050 } });
    expect(classifyResponse(400, {}, body)).toEqual({ kind: 'drop', code: 'HTTP_400_100_2804050', reason: 'HTTP 400: 100_2804050: Invalid parameter for [email]' });
  });

  it('does not take a token-looking string as a vendor code', () => {
    expect(classifyResponse(400, {}, JSON.stringify({ code: 'abc123def456', message: 'nope' }))).toEqual({ kind: 'drop', code: 'HTTP_400', reason: 'HTTP 400: nope' });
  });
});

describe('extractVendorError', () => {
  it.each([
    ['graph', { error: { message: 'Invalid parameter', code: 100, error_subcode: 33 } }, { code: '100_33', message: 'Invalid parameter' }],
    ['google', { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad' } }, { code: 'INVALID_ARGUMENT', message: 'bad' }],
    ['oauth', { error: 'invalid_grant', error_description: 'Bad Request' }, { code: undefined, message: 'invalid_grant' }],
    ['amplitude', { code: 400, error: 'Invalid API key' }, { code: '400', message: 'Invalid API key' }],
    ['tiktok', { code: 40002, message: 'bad params' }, { code: '40002', message: 'bad params' }],
  ])('%s', (_, body, expected) => {
    expect(extractVendorError(JSON.stringify(body))).toEqual(expected);
  });

  it('reads text bodies without their HTML', () => {
    expect(extractVendorError('<h1>Bad Gateway</h1>').message?.trim()).toBe('Bad Gateway');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(['7'], now)).toBe(7000);
  });
  it('clamps the past to 0 and a silly future to a day, ignores garbage', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(86_400_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});

describe('scrubVendorText', () => {
  it('removes emails, phone numbers, long digit runs, tokens, IPs, URLs and key=value secrets', () => {
    const text = 'jane@example.com called +1 (650) 555-1212, MRN 00123456, from 10.0.0.1 / 2001:db8::1; hash ' +
      '62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f at https://graph.example/v1?access_token=abc access_token=EAAB123 api_key: zzz';
    const out = scrubVendorText(text);
    for (const leaked of ['jane', '650', '555', '00123456', '10.0.0.1', '2001:db8', '62a14e44', 'graph.example', 'EAAB123', 'zzz']) expect(out).not.toContain(leaked);
    expect(out).toContain('[email]');
    expect(out).toContain('[token]');
  });

  it('keeps ordinary words and short numbers', () => {
    expect(scrubVendorText('events[3].user_data.em must_be_sha256_lowercase_hex, code 100')).toBe('events[3].user_data.em must_be_sha256_lowercase_hex, code 100');
  });

  it('redacts the configured secrets in raw, URL-encoded and base64 form, and trims to 200 chars', () => {
    const secret = 'a/b+c=secret';
    const out = scrubVendorText(`${secret} ${encodeURIComponent(secret)} ${Buffer.from(secret).toString('base64')} ${'x'.repeat(400)}`, [secret]);
    expect(out).not.toContain('secret');
    expect(out.length).toBeLessThanOrEqual(200);
  });

  // A bound, not a measurement: scanning all of a 64 KB body without an @ took ~14 s (quadratic
  // email pattern) and held the whole collector; it must finish well inside this test's timeout.
  it('reads only the head of a huge vendor body, and never splits a secret at the cut', { timeout: 5_000 }, () => {
    expect(scrubVendorText('x'.repeat(64 * 1024))).toHaveLength(200);
    expect(classifyResponse(502, {}, '<'.repeat(200_000)).kind).toBe('retry');
    const secret = 'S3cr3t-T0ken-Value';
    const out = scrubVendorText(`${' '.repeat(2040)}${secret} tail`, [secret]);
    expect(out).not.toContain('S3cr');
  });
});

describe('HttpClient', () => {
  let fake: FakeServer;
  let client: HttpClient;
  beforeAll(async () => {
    fake = await FakeServer.start((req) => (req.path === '/big' ? { status: 500, body: 'e'.repeat(2_000_000) } : { status: 200, body: { ok: true } }));
    client = new HttpClient({ headers_timeout_ms: 300 });
  });
  afterAll(async () => {
    await client.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('posts JSON over a keep-alive pool and returns status, headers and body', async () => {
    const a = await client.postJson(`${fake.url}/a`, { x: 1 }, { 'x-test': '1' });
    const b = await client.postJson(`${fake.url}/b`, { x: 2 });
    expect(a).toMatchObject({ kind: 'response', status: 200, bodyText: '{"ok":true}' });
    expect(b.kind).toBe('response');
    expect(fake.requests.map((r) => [r.path, r.headers['content-type'], r.json])).toEqual([
      ['/a', 'application/json', { x: 1 }],
      ['/b', 'application/json', { x: 2 }],
    ]);
    expect(fake.requests[0].headers['x-test']).toBe('1');
    expect(fake.requests[1].headers.connection).not.toBe('close');
  });

  it('reads at most 64 KB of a huge error body and stays usable', async () => {
    const big = await client.postJson(`${fake.url}/big`, {});
    expect(big.kind === 'response' && big.bodyText.length).toBeLessThanOrEqual(128 * 1024);
    expect((await client.postJson(`${fake.url}/a`, {})).kind).toBe('response');
  });

  it('reports transport failures by code', async () => {
    fake.resetNext();
    expect(await client.postJson(`${fake.url}/a`, {})).toMatchObject({ kind: 'network', code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    fake.delayNext(5_000); // far past the 300 ms headers timeout: a loaded machine once let a 1 s delay answer first
    expect(await client.postJson(`${fake.url}/a`, {})).toEqual({ kind: 'network', code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(await client.postJson('not a url', {})).toEqual({ kind: 'network', code: 'ERR_INVALID_URL' });
  });

  it('networkErrorCode looks through causes and never returns a message', () => {
    expect(networkErrorCode(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('ECONNREFUSED');
    expect(networkErrorCode(new Error('connect to https://x?token=1 failed'))).toBe('NETWORK_ERROR');
  });
});

describe('batch helpers', () => {
  const ok: ItemResult = { kind: 'ok' };
  const drop: ItemResult = { kind: 'drop', code: 'X', reason: 'x' };

  it('collapses identical results and expands them back', () => {
    expect(collapseResults([ok, ok])).toEqual(ok);
    expect(collapseResults([ok, drop])).toEqual({ kind: 'per_item', results: [ok, drop] });
    expect(expandResult(ok, 3)).toEqual([ok, ok, ok]);
  });

  it('bisect isolates every poisoned item with O(k log n) attempts', async () => {
    const poisoned = new Set([3, 11]);
    let attempts = 0;
    const out = await bisect(
      Array.from({ length: 16 }, (_, i) => i),
      async (items) => {
        attempts++;
        return items.some((i) => poisoned.has(i)) ? { kind: 'rejected', result: drop } : { kind: 'results', results: items.map(() => ok) };
      },
    );
    expect(out.map((r, i) => (r.kind === 'drop' ? i : -1)).filter((i) => i >= 0)).toEqual([3, 11]);
    expect(attempts).toBeLessThanOrEqual(1 + 2 * 2 * 4);
  });
});
