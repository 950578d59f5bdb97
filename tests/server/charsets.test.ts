import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { SpoolReader } from '../helpers/http-fuzz.js';

// What reaches a destination must be well-formed UTF-8 text whatever the client sent: a lone
// surrogate (`"\ud800"`, half an emoji from a page that cut a title) becomes U+FFFD before the
// rules read the event; bytes that are not in the body's charset refuse the request (400) instead
// of becoming U+FFFD; a charset named in Content-Type is honoured.

const yaml = `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
destinations:
  local_file: { type: file, enabled: false }
  open: { type: file, baa: false, allow: ["**"] }
`;
const LONE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\uD800-\uDFFF]/;
const event = (id: string, properties: Record<string, unknown>) => ({
  type: 'track', event: 'Charset Probe', messageId: id, anonymousId: 'anon-charset', properties,
  context: { page: { path: '/services/cardiology' } },
});
/** The event's JSON with `bytes` where `@@` stands in a property value. */
const withBytes = (id: string, bytes: number[]): Buffer => {
  const [a, b] = JSON.stringify(event(id, { service_line: 'card@@iology' })).split('@@');
  return Buffer.concat([Buffer.from(a), Buffer.from(bytes), Buffer.from(b)]);
};

describe('body charsets and lone surrogates', () => {
  let c: Collector;
  let spool: SpoolReader;
  const post = async (body: string | Uint8Array, contentType = 'application/json', route = '/v1/t') => {
    const r = await fetch(`${c.url}${route}`, { method: 'POST', headers: { 'content-type': contentType, authorization: DEMO_AUTH }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: r.status, text: await r.text() };
  };
  const delivered = async (id: string) => {
    const file = join(c.dataDir, 'out', 'open.jsonl');
    const line = await waitFor(() => { try { return readFileSync(file, 'utf8').split('\n').find((l) => l.includes(`"${id}"`)); } catch { return undefined; } }, (l) => l !== undefined);
    return line!;
  };
  const spooled = (id: string) => spool.items().some((i) => i.messageId === id);

  beforeAll(async () => {
    c = await startCollector({ configPath: writeConfig(yaml), deliver: true });
    spool = new SpoolReader(c.dataDir);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it('a lone surrogate in a value or a key reaches the destination as U+FFFD, never as "\\ud800"', async () => {
    const text = JSON.stringify(event('lone-1', { service_line: 'cardiology' })).replace('"properties":{', '"properties":{"headline":"Heart \\ud83d","\\udc00k":"x\\udfff\\ud800y",');
    const r = await post(text);
    expect(r.status).toBe(200);
    const line = await delivered('lone-1');
    expect(line).not.toMatch(LONE);
    const props = (JSON.parse(line) as { properties: Record<string, string> }).properties;
    expect(props.headline).toBe('Heart \uFFFD');
    expect(props['\uFFFDk']).toBe('x\uFFFD\uFFFDy');
    expect(props.service_line).toBe('cardiology');
  });

  it('a well-formed pair written as escapes ("\\ud83d\\ude00", as Python SDKs send) is kept', async () => {
    const text = JSON.stringify(event('pair-1', {})).replace('"properties":{', '"properties":{"headline":"Heart \\ud83d\\ude00"');
    expect((await post(text)).status).toBe(200);
    expect((JSON.parse(await delivered('pair-1')) as { properties: { headline: string } }).properties.headline).toBe('Heart \u{1F600}');
  });

  it('__proto__ stays a refused key when a lone surrogate makes the body be rewritten', async () => {
    const text = JSON.stringify(event('lone-proto', {})).replace('"properties":{', '"properties":{"a":"\\ud800","__proto__":{"polluted":1}');
    const r = await post(text);
    expect(r.status).toBe(400);
    expect(r.text).toContain('PW_ERR_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a stray 0xFF byte', [0xff]],
    ['a Latin-1 é (0xE9) with no charset declared', [0xe9]],
    ['a surrogate encoded as UTF-8 bytes (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['an overlong slash (C0 AF)', [0xc0, 0xaf]],
  ])('%s: 400 PW_ERR_BAD_CHARSET naming the charset, nothing spooled', async (name, bytes) => {
    const id = `bad-bytes-${bytes.join('-')}`;
    const r = await post(withBytes(id, bytes));
    expect(r.status, name).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ success: false, error: { code: 'PW_ERR_BAD_CHARSET', message: expect.stringContaining('utf-8') } });
    expect(spooled(id)).toBe(false);
  });

  it('a body in the charset its Content-Type names is read in that charset', async () => {
    const latin = Buffer.from(JSON.stringify(event('latin-1', { service_line: 'Médecine générale' })), 'latin1');
    expect((await post(latin, 'application/json; charset=ISO-8859-1')).status).toBe(200);
    expect(await delivered('latin-1')).toContain('"service_line":"Médecine générale"');
    const utf16 = Buffer.from(`\ufeff${JSON.stringify(event('utf-16', { service_line: 'Pédiatrie' }))}`, 'utf16le');
    expect((await post(utf16, 'text/plain; charset="utf-16le"', '/v1/track')).status).toBe(200);
    expect(await delivered('utf-16')).toContain('"service_line":"Pédiatrie"');
  });

  it('a charset the collector does not know is a 415 that does not quote it', async () => {
    const r = await post(JSON.stringify(event('cs-unknown', {})), 'application/json; charset=x-Qz7MARKq');
    expect(r.status).toBe(415);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'PW_ERR_UNSUPPORTED_CHARSET' } });
    expect(r.text).not.toContain('Qz7MARKq');
    expect(spooled('cs-unknown')).toBe(false);
  });

  it('gtag: a percent escape that is not UTF-8 (Latin-1 %E9, a surrogate) refuses the hit; UTF-8 escapes are read', async () => {
    const hit = (q: string) => `${c.url}/g/collect?v=2&tid=G-DEMO000000&cid=77.88&${q}`;
    for (const q of ['en=caf%E9_view', 'en=x&ep.note=%ED%A0%80']) {
      const r = await fetch(hit(q));
      expect(r.status, q).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: 'PW_ERR_BAD_CHARSET' } });
    }
    const inBody = await fetch(hit(''), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'en=ok_hit\nen=x&ep.v=Jos%E9' });
    expect(inBody.status).toBe(400);
    expect((await fetch(hit('en=caf%C3%A9_view&ep.emoji=%F0%9F%98%80'))).status).toBe(204);
  });
});
