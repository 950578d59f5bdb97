import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { locatedConfigWarnings } from '../../src/config/config-warnings.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// A blocked_paths rule that matches every page (`(?:)`, `.*`, `/**`, `^/`) blocks every event:
// closed, but silent. `phiwall check`, the collector's log and the admin apply warn, at file:line.

const BASE = 'version: 1\nsites:\n  - name: demo\n    write_key: demo\ndestinations:\n  out:\n    type: file\n    baa: false\n    allow: [event]\n';
const warningsOf = (yaml: string): string[] => {
  const config = loadConfig(writeConfig(yaml), {});
  return locatedConfigWarnings(config, compileLocated(config, { dataDir: tempDir() }), Date.now());
};

describe('a rule that blocks every page', () => {
  it.each([
    ['regex: "(?:)"', 'regex'], ['regex: ".*"', 'regex'], ['glob: "/**"', 'glob'], ['regex: "^/"', 'regex'], ['regex: "[\\\\s\\\\S]?"', 'regex'], ['glob: "**"', 'glob'],
  ])('blocked_paths %s is warned of at its line', (rule, key) => {
    const found = warningsOf(`${BASE}blocked_paths:\n  - name: x\n    ${rule}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`phiwall\\.yaml:12:\\d+: blocked_paths\\[0\\]\\.${key}: rule "x" matches every page`));
  });

  it('a host rule matching every host is warned of; ordinary, sensitive-only and bundled rules are not', () => {
    expect(warningsOf(`${BASE}blocked_hosts:\n  - { name: h, glob: "**" }\n`)[0]).toMatch(/:11:\d+: blocked_hosts\[0\]\.glob: rule "h" matches every host/);
    expect(warningsOf(`${BASE}blocked_paths:\n  - { name: p, glob: "/patient/**" }\n  - { name: s, regex: ".*", when: sensitive }\nblocked_hosts:\n  - { name: h, glob: "mychart.*" }\n`)).toEqual([]);
    expect(warningsOf(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`)).toEqual([]);
  });

  it('phiwall check prints it and exits 0, or 1 with --strict', async () => {
    const run = promisify(execFile);
    const path = writeConfig(`${BASE}blocked_paths:\n  - { name: all, regex: "" }\n`);
    const ok = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'check', '--config', path], { cwd: REPO });
    expect(ok.stderr).toMatch(/warning: .*phiwall\.yaml:11:\d+: blocked_paths\[0\]\.regex: rule "all" matches every page/);
    const strict = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'check', '--strict', '--config', path], { cwd: REPO }).then(() => 0, (e: { code: number }) => e.code);
    expect(strict).toBe(1);
  });
});
