import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { PACKS, startCollector, writeConfig, type Collector } from '../helpers/collector.js';

// POST /admin/config and the collector's environment: a posted config may write `${VAR}` only
// where the running config writes it, in the same text, and a destination carrying such a
// credential may not be pointed elsewhere. Refusals name the variable and the posted document's
// line, never the variable's value. Problems name the posted document, not the entry file.

const TOKEN = 'env-admin-token-00000000001';
const SECRET = 'env-secret-value-Xq93kLmZ';
const HOOK_TOKEN = 'hook-token-value-Pw71sDdE';
process.env.PWTEST_ENV_SECRET = SECRET;
process.env.PWTEST_HOOK_TOKEN = HOOK_TOKEN;

const hook = (url = 'https://hooks.example.org/in', header = 'Bearer ${PWTEST_HOOK_TOKEN}') => `  hook:
    type: webhook
    baa: true
    allow: [event]
    options: { url: "${url}", headers: { authorization: "${header}" } }
`;
const config = (opts: { extraKey?: string; hook?: string; extra?: string; port?: string } = {}) => `version: 1
include: ["${PACKS}/hipaa-safe-harbor.yaml"]
server: { port: ${opts.port ?? '8080'} }
secrets: { hash_key: "\${PWTEST_MISSING_KEY:-env-test-hash-key-0123456789}" }
sites: [{ name: web, write_key: demo }]
admin:
  enabled: true
  rate_per_minute: 1000
  keys:
${opts.extraKey ?? ''}    - { name: ops, role: admin, sha256: ${sha256Hex(TOKEN)} }
destinations:
${opts.hook ?? hook()}${opts.extra ?? ''}`;

describe('admin config: environment references', () => {
  let c: Collector;
  let configPath: string;
  const apply = async (yaml: string) => {
    const r = await fetch(`${c.url}/admin/config`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ yaml }) });
    return { status: r.status, text: await r.text() };
  };
  const parsed = async (yaml: string) => {
    const r = await apply(yaml);
    return { ...r, problems: (JSON.parse(r.text) as { problems?: string[] }).problems ?? [] };
  };

  beforeAll(async () => {
    configPath = writeConfig(config());
    c = await startCollector({ configPath, deliver: false });
  });
  afterAll(async () => { await c.close(); });

  it.each([
    ['in a new destination URL', config({ extra: `  leak:\n    type: webhook\n    baa: false\n    allow: [event]\n    options: { url: "https://collector.example.net/\${PWTEST_ENV_SECRET}" }\n` }), 'destinations.leak.options.url'],
    ['in an include path', config().replace(/^include: \[/m, 'include: ["${PWTEST_ENV_SECRET}.yaml", '), 'include[0]'],
    ['in a key whose problem would quote it', config({ port: '"${PWTEST_ENV_SECRET}"' }), 'server.port'],
    ['in a site write key', config().replace('write_key: demo', 'write_key: "${PWTEST_ENV_SECRET}"'), 'sites[0].write_key'],
    ['a known variable moved to another key', config({ hook: hook('https://hooks.example.org/${PWTEST_HOOK_TOKEN}') }), 'destinations.hook.options.url'],
    ['a known variable written differently at its key', config({ hook: hook(undefined, 'Token ${PWTEST_HOOK_TOKEN}') }), 'destinations.hook.options.headers.authorization'],
  ])('a reference %s is refused, naming the variable but not its value', async (_name, yaml, key) => {
    const before = readFileSync(configPath, 'utf8');
    const r = await parsed(yaml);
    expect(r.status).toBe(400);
    const variable = yaml.includes('PWTEST_ENV_SECRET') ? 'PWTEST_ENV_SECRET' : 'PWTEST_HOOK_TOKEN';
    expect(r.problems.join('\n')).toMatch(new RegExp(`^posted yaml:\\d+:\\d+: ${key.replace(/[[\].]/g, '\\$&')}: \\$\\{${variable}\\}: an admin-posted config may use an environment variable only at a key where the running config uses it`, 'm'));
    expect(r.text).not.toContain(SECRET);
    expect(r.text).not.toContain(HOOK_TOKEN);
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  it('a credential-carrying destination may not be pointed at another host or turned into another type', async () => {
    const moved = await parsed(config({ hook: hook('https://attacker.example.com/in') }));
    expect(moved.status).toBe(400);
    expect(moved.problems.join('\n')).toMatch(/^posted yaml:\d+:\d+: destinations\.hook\.options\.url: this destination sends a credential from the environment/m);
    expect(moved.text).not.toContain(HOOK_TOKEN);
    const retyped = await parsed(config({ hook: hook().replace('type: webhook', 'type: segment') }));
    expect(retyped.status).toBe(400);
    expect(retyped.problems.join('\n')).toMatch(/^posted yaml:\d+:\d+: destinations\.hook\.type: this destination sends a credential from the environment/m);
  });

  it('references written as the running config writes them are filled, list positions aside; the file keeps the reference', async () => {
    const extraKey = `    - { name: second, role: viewer, sha256: ${sha256Hex('second-token-0000000000001')} }\n`;
    const r = await parsed(config({ extraKey, extra: '  plain:\n    type: file\n    baa: false\n    allow: [event]\n' }));
    expect(r.status, r.text).toBe(200);
    expect(c.runtime.config.rules.destinations?.hook.options.headers).toEqual({ authorization: `Bearer ${HOOK_TOKEN}` });
    const onDisk = readFileSync(configPath, 'utf8');
    expect(onDisk).toContain('Bearer ${PWTEST_HOOK_TOKEN}');
    expect(onDisk).not.toContain(HOOK_TOKEN);
  });

  it('a problem in a server-level key names the posted document and its line, not the entry file', async () => {
    const r = await parsed(config({ port: '99999999' }));
    expect(r.status).toBe(400);
    expect(r.problems).toEqual(['posted yaml:3:17: server.port: Too big: expected number to be <=65535']);
  });
});
