import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startCollector, writeConfig, type Collector } from '../helpers/collector.js';

// A reload that rotates a write key or changes its site is honoured on the next request, on the
// same collector that answered the old key a moment before (a guard for any memo of the
// Authorization header's site: issue #5's profile recommended one, see the H212 report).

const config = (key: string, origin: string): string => `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
sites:
  - { name: clinic, write_key: ${key}, allowed_origins: ["${origin}"] }
`;
const basic = (user: string, password = ''): string => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
const track = (id: string) => ({ type: 'track', event: 'Form Submitted', messageId: id, anonymousId: 'anon-memo' });

interface Answer { status: number; json: Record<string, unknown>; headers: Record<string, string | string[] | undefined> }

/** One POST on its own connection: a reload can outlast the keep-alive timeout, and a reused socket then resets. */
function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8').on('data', (d: string) => { data += d; }).on('end', () => {
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as Record<string, unknown>, headers: res.headers });
      });
    });
    req.on('error', reject).end(text);
  });
}

describe('write key from the Authorization header', () => {
  let c: Collector;
  let configPath: string;
  beforeAll(async () => {
    configPath = writeConfig(config('key-one', 'https://one.example'));
    c = await startCollector({ configPath, deliver: false });
  });
  afterAll(async () => { await c.close(); });

  it('honours a write key rotated by a config reload on the very next request', async () => {
    for (const id of ['before-1', 'before-2']) {
      const r = await post(`${c.url}/v1/track`, track(id), { authorization: basic('key-one') });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ success: true, accepted: 1 });
    }
    writeFileSync(configPath, config('key-two', 'https://one.example'));
    expect(await c.runtime.reload()).toBe(true);
    const old = await post(`${c.url}/v1/track`, track('old-key'), { authorization: basic('key-one') });
    expect(old.status).toBe(401);
    expect(old.json).toMatchObject({ success: false, error: { code: 'PW_ERR_UNAUTHORIZED' } });
    const rotated = await post(`${c.url}/v1/track`, track('new-key'), { authorization: basic('key-two') });
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({ success: true, accepted: 1 });
  });

  it('checks a site\'s Origin against the reloaded config', async () => {
    writeFileSync(configPath, config('key-three', 'https://one.example'));
    expect(await c.runtime.reload()).toBe(true);
    const allowed = await post(`${c.url}/v1/track`, track('origin-1'), { authorization: basic('key-three'), origin: 'https://one.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://one.example');
    writeFileSync(configPath, config('key-three', 'https://two.example'));
    expect(await c.runtime.reload()).toBe(true);
    const refused = await post(`${c.url}/v1/track`, track('origin-2'), { authorization: basic('key-three'), origin: 'https://one.example' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ success: false, error: { code: 'PW_ERR_FORBIDDEN' } });
    const moved = await post(`${c.url}/v1/track`, track('origin-3'), { authorization: basic('key-three'), origin: 'https://two.example' });
    expect(moved.status).toBe(200);
  });
});
