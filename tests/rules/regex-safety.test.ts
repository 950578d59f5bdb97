import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { ConfigError } from '../../src/errors.js';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { DEMO_AUTH, REPO, startCollector, tempDir, writeConfig, type Collector } from '../helpers/collector.js';

// An operator's own `regex:` in blocked_paths / blocked_hosts runs on every page an event names.
// One that backtracks exponentially held the event loop for over a minute on one event: it is
// refused when the rules compile (file:line, the part named), and a reload keeps the old plan.

const base = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`;
const EXPONENTIAL = ['([a-z]+)+$', '(\\w|\\d)*$', '(.*,)*$', '^/x/(/.*)*$', '(a|ab|b)+$', '(x+x+)+y', '(?=(a+)+$)', '([a-z]{2,5})+!', '(a*b*)*$'];
const ORDINARY = ['^/patient/[^/]+/records$', '(/[a-z]+)+$', '([a-z0-9-]+/)+confirm$', '^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+example\\.org$',
  '^/(login|logout)(/.*)?$', '((de|del|los)-)*citas', '\\d{1,3}(\\.\\d{1,3}){3}'];

function problems(path: string): string[] {
  try { compileLocated(loadConfig(path, {}), { dataDir: tempDir() }); } catch (err) { if (err instanceof ConfigError) return [...err.issues]; throw err; }
  return [];
}

describe('operator regexes that backtrack catastrophically', () => {
  it.each(EXPONENTIAL)('%s is found', (p) => expect(backtrackingProblem(p, 'i')).toBeDefined());
  it.each(ORDINARY)('%s passes', (p) => expect(backtrackingProblem(p, 'i')).toBeUndefined());

  it('every bundled and example pattern passes (the bundled config compiles)', () => {
    expect(problems(writeConfig(base))).toEqual([]);
  });

  it('a blocked path or host pattern is refused at its file:line, naming the part; an ordinary one compiles', () => {
    const yaml = `${base}blocked_paths:\n  - { name: ok_rule, regex: "^/patient/[^/]+/records$" }\n  - { name: slow_rule, regex: "^/x/([a-z]+)+$" }\n` +
      `blocked_hosts:\n  - { name: slow_host, regex: "^(\\\\w|\\\\d)+\\\\.example$" }\n`;
    const found = problems(writeConfig(yaml)).join('\n');
    expect(found).toMatch(/phiwall\.yaml:5:\d+: blocked_paths\[\d+\]\.regex: refused: this pattern can take exponential time .*"\(\[a-z\]\+\)\+"/);
    expect(found).toMatch(/phiwall\.yaml:7:\d+: blocked_hosts\[\d+\]\.regex: refused: .*exponential/);
    expect(found).not.toMatch(/ok_rule|\^\/patient/);
  });
});

describe('a reload that adds such a pattern', () => {
  let c: Collector;
  let configPath: string;
  beforeAll(async () => {
    configPath = writeConfig(`${base}blocked_paths:\n  - { name: records, regex: "^/patient/[^/]+/records$" }\n`);
    c = await startCollector({ configPath });
  });
  afterAll(async () => { await c.close(); });

  const page = (path: string) => fetch(`${c.url}/v1/page`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH },
    body: JSON.stringify({ type: 'page', anonymousId: 'a1', properties: { path, url: `https://www.example.org${path}` } }),
    signal: AbortSignal.timeout(5000),
  });

  it('is refused, the old plan stays, and a crafted path is answered at once', async () => {
    const version = c.runtime.plan.version;
    writeFileSync(configPath, `${base}blocked_paths:\n  - { name: records, regex: "^/patient/[^/]+/records$" }\n  - { name: slow, regex: "^/([a-z]+)+$" }\n`);
    expect(await c.runtime.reload()).toBe(false);
    expect(c.runtime.plan.version).toBe(version);
    const started = Date.now();
    // 27 letters: about 5 s of backtracking per test of the pattern above, were it running.
    const r = await page(`/${'a'.repeat(27)}!`);
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await page('/patient/p1/records')).status).toBe(200);
  });
});
