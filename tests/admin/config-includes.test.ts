import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { REPO, startCollector, tempDir, writeConfig, type Collector } from '../helpers/collector.js';

// POST /admin/config: what a posted config may read (includes) and write (file and aggregate
// destination paths). Includes: YAML in the config's own directory tree or the bundled rules/;
// written paths: under the data directory or the config's directory. A refusal names the include
// or the key, never a byte of a file outside, and does not say whether such a file exists.

const TOKEN = 'includes-admin-token-000001';
const SECRET_KEY = 'stolen_secret_Qz7';
const base = (extra = '') => `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
admin: { enabled: true, rate_per_minute: 1000, keys: [{ name: ops, role: admin, sha256: ${sha256Hex(TOKEN)} }] }
${extra}`;

describe('admin config: includes and written paths', () => {
  let c: Collector;
  let configDir: string;
  let outside: string;
  const apply = async (yaml: string) => {
    const r = await fetch(`${c.url}/admin/config`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ yaml }) });
    return { status: r.status, text: await r.text() };
  };

  beforeAll(async () => {
    const configPath = writeConfig(base());
    configDir = dirname(configPath);
    outside = tempDir('phiwall-outside-');
    writeFileSync(join(outside, 'secrets.yaml'), `${SECRET_KEY}: hunter2\n`);
    mkdirSync(join(configDir, 'packs'));
    writeFileSync(join(configDir, 'packs', 'extra.yaml'), 'locale_prefixes: [fr-ca]\n');
    symlinkSync(join(outside, 'secrets.yaml'), join(configDir, 'packs', 'link.yaml'));
    c = await startCollector({ configPath, deliver: false });
  });
  afterAll(async () => { await c.close(); });

  it.each([
    ['an absolute path outside', () => join(outside, 'secrets.yaml')],
    ['a relative path climbing out', () => `../${outside.split('/').pop()}/secrets.yaml`],
    ['a file that is not YAML', () => '/etc/passwd'],
    ['a missing file outside (no existence oracle)', () => join(outside, 'missing.yaml')],
    ['a link inside that leads outside', () => 'packs/link.yaml'],
  ])('%s is refused, naming the rule and no content', async (_name, target) => {
    const r = await apply(base(`include: ["${REPO}/rules/phiwall.yaml", "${target()}"]\n`).replace(/^include: .*\n/m, ''));
    expect(r.status).toBe(400);
    const body = JSON.parse(r.text) as { applied: boolean; problems: string[] };
    expect(body.applied).toBe(false);
    expect(body.problems.join('\n')).toContain('may include only .yaml/.yml files in its own directory tree and the bundled rules/');
    expect(r.text).not.toContain(SECRET_KEY);
    expect(r.text).not.toContain('hunter2');
    expect(r.text).not.toContain('no such file');
  });

  it('YAML in its own tree and the bundled packs are still included', async () => {
    const r = await apply(base().replace(/^include: .*\n/m, `include: ["${REPO}/rules/phiwall.yaml", "packs/extra.yaml"]\n`));
    expect(r.status, r.text).toBe(200);
    expect(c.runtime.config.rules.locale_prefixes).toContain('fr-ca');
  });

  it('a file destination writing outside the data and config directories is refused without quoting the path', async () => {
    const target = join(outside, 'appended-Qz7.jsonl');
    const refused = await apply(base(`destinations:\n  dump: { type: file, baa: false, allow: [event], options: { path: "${target}" } }\n`));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('destinations.dump.options.path: an admin-posted config may write only under the data directory');
    expect(refused.text).not.toContain('appended-Qz7');
    const agg = await apply(base(`destinations:\n  agg: { type: aggregate, options: { path: "${join(outside, 'x.db')}" } }\n`));
    expect(agg.status).toBe(400);
    const inside = await apply(base(`destinations:\n  dump: { type: file, baa: false, allow: [event], options: { path: "${join(c.dataDir, 'out', 'dump.jsonl')}" } }\n`));
    expect(inside.status, inside.text).toBe(200);
  });
});
