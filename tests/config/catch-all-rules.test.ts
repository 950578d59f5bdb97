import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
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

  it('is named at its own index among sensitive-only and ordinary rules (the plan\'s index skips only rules that cannot match)', () => {
    const found = warningsOf(`${BASE}blocked_paths:\n  - { name: s, regex: ".*", when: sensitive }\n  - { name: p, glob: "/patient/**" }\n  - { name: all, glob: "/**" }\n  - { name: any, regex: "^/[a-z]" }\n`);
    expect(found.map((w) => /blocked_paths\[(\d)\]/.exec(w)?.[1])).toEqual(['2', '3']);
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

describe('the catch-all test leaves the plan\'s rules as they were', () => {
  it('compiles none of them: a rule the traffic never runs keeps no bytecode or machine code (issue #5)', () => {
    // V8 shares a regex's compiled form with every regex of the same source and flags made while it
    // is cached: the warnings' copies must not compile the plan's rules. Read with V8's test natives.
    v8.setFlagsFromString('--allow-natives-syntax');
    const compiledForms = new Function('re', 'return [%RegexpHasBytecode(re, true), %RegexpHasNativeCode(re, true)]') as (re: RegExp) => [boolean, boolean];
    const config = loadConfig(writeConfig(`${BASE}blocked_paths:\n  - { name: r, regex: "^/(my-)?portal/(inbox|bills?)" }\n  - { name: all, regex: ".*" }\n  - { name: g, glob: "/records/**" }\n`), {});
    const plan = compileLocated(config, { dataDir: tempDir() });
    const warnings = locatedConfigWarnings(config, plan, Date.now());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/blocked_paths\[1\]\.regex: rule "all" matches every page/);
    expect(plan.blocked.map((b) => compiledForms(b.re))).toEqual([[false, false], [false, false], [false, false]]);
    // The rules answer as before, then compile as V8 does (bytecode first, machine code from the second run).
    expect(plan.blocked[0].re.test('/My-Portal/Bills')).toBe(true);
    expect(plan.blocked[0].re.test('/portal/x')).toBe(false);
    expect(compiledForms(plan.blocked[0].re)[1]).toBe(true);
  });
});
