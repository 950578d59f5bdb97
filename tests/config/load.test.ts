import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { ConfigError } from '../../src/errors.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

function problems(fn: () => unknown): string[] {
  try { fn(); } catch (err) { if (err instanceof ConfigError) return [...err.issues]; throw err; }
  return [];
}

describe('config loading', () => {
  it('loads the bundled config with its packs', () => {
    const cfg = loadConfig(join(REPO, 'rules/phiwall.yaml'), {});
    expect(cfg.files).toHaveLength(3);
    expect(cfg.rules.identifiers?.length).toBeGreaterThanOrEqual(18);
    expect(Object.isFrozen(cfg.rules)).toBe(true);
  });

  it('interpolates ${ENV} and ${ENV:-default}', () => {
    const path = writeConfig('sites:\n  - name: s\n    write_key: ${KEY}\n  - name: t\n    write_key: ${OTHER:-fallback}\n');
    const cfg = loadConfig(path, { KEY: 'from-env' });
    expect(cfg.rules.sites?.map((s) => s.write_key)).toEqual(['from-env', 'fallback']);
    expect(problems(() => loadConfig(path, {}))[0]).toMatch(/KEY is not set/);
  });

  it('names file, line and column for a wrong value', () => {
    const path = writeConfig('version: 1\nsites:\n  - name: s\n    write_key: k\n    require_consent: "yes"\n');
    const [issue] = problems(() => loadConfig(path, {}));
    expect(issue).toMatch(/phiwall\.yaml:5:22: sites\[0\]\.require_consent: expected boolean/);
  });

  it('names the pack file and line when the error is inside an included pack', () => {
    const dir = tempDir();
    writeConfig('identifiers:\n  - id: ok\n    action: drop\n  - id: bad\n    action: explode\n', dir);
    const main = writeConfig(`include: ["${join(dir, 'phiwall.yaml')}"]\n`, tempDir());
    const [issue] = problems(() => loadConfig(main, {}));
    expect(issue).toContain(`${dir}/phiwall.yaml:5:`);
    expect(issue).toMatch(/identifiers\[1\]\.action/);
  });

  it('rejects unknown keys and YAML syntax errors with positions', () => {
    expect(problems(() => loadConfig(writeConfig('sites:\n  - name: s\n    write_key: k\n    colour: red\n'), {}))[0]).toMatch(/:4:\d+: sites\[0\]: unknown key "colour"/);
    expect(problems(() => loadConfig(writeConfig('sites: [\n'), {}))[0]).toMatch(/phiwall\.yaml:\d+:\d+:/);
  });

  it('the compiler refuses match keys and raw identifiers for destinations without a BAA', () => {
    const path = writeConfig(`destinations:\n  ads:\n    type: file\n    baa: false\n    match_keys: true\n    actions: { email: keep }\n`);
    const issues = problems(() => compileRules(loadConfig(path, {}).rules, { dataDir: tempDir() }));
    expect(issues.join('\n')).toMatch(/match_keys: match keys need baa: true/);
    expect(issues.join('\n')).toMatch(/actions\.email: keep \(raw identifier\) needs baa: true/);
  });

  it("the compiler refuses a rule whose action (what destinations without a BAA get) is keep or match_key", () => {
    const path = writeConfig(`identifiers:\n  - id: em\n    safe_harbor: F\n    fields: [email]\n    action: keep\n  - id: ph\n    safe_harbor: D\n    fields: [phone]\n    action: match_key\n  - id: ok\n    safe_harbor: F\n    fields: [mail]\n    action: hash\n    baa_action: keep\n`);
    const issues = problems(() => compileRules(loadConfig(path, {}).rules, { dataDir: tempDir() })).join('\n');
    expect(issues).toMatch(/identifiers\.0\.action: keep is the action for destinations without a BAA/);
    expect(issues).toMatch(/identifiers\.1\.action: match_key is the action for destinations without a BAA/);
    expect(issues).not.toMatch(/identifiers\.2/);
  });

  it('the compiler refuses unknown destination types, detectors and bad regexes', () => {
    const path = writeConfig(`destinations:\n  x:\n    type: carrier-pigeon\nidentifiers:\n  - id: a\n    action: drop\n    detectors: [telepathy]\nblocked_paths:\n  - name: b\n    regex: "(unclosed"\n`);
    const text = problems(() => compileRules(loadConfig(path, {}).rules, { dataDir: tempDir() })).join('\n');
    expect(text).toMatch(/unknown destination type "carrier-pigeon"/);
    expect(text).toMatch(/unknown detector "telepathy"/);
    expect(text).toMatch(/blocked_paths\.0\.regex: invalid pattern/);
  });

  it('refuses what would silently do nothing: an origin without its scheme, a repeated identifier id, an allow entry naming no field', () => {
    const site = 'sites:\n  - name: s\n    write_key: k\n    allowed_origins: ["www.example.org", "https://ok.example", "null"]\n';
    const ids = 'identifiers:\n  - id: email\n    action: drop\n  - id: email\n    action: hash\n';
    const dest = 'destinations:\n  out:\n    type: file\n    allow: [event, visitorid, page.pth, page.*, properties.x]\n';
    const text = problems(() => loadConfig(writeConfig(site + ids + dest), {})).join('\n');
    expect(text).toMatch(/:4:23: sites\[0\]\.allowed_origins\[0\]: an origin is scheme:\/\/host\[:port\]/);
    expect(text).not.toMatch(/allowed_origins\[[12]\]/);
    expect(text).toMatch(/:13:20: destinations\.out\.allow\[1\]: "visitorid" is not an output field \(did you mean "visitor_id"\?\)/);
    expect(text).toMatch(/destinations\.out\.allow\[2\]: "page\.pth" is not an output field \(did you mean "path"\?\)/);
    expect(text).toMatch(/:8:9: identifiers\[1\]\.id: "email" is already defined by identifiers\[0\]/);
    expect(text.split('\n')).toHaveLength(4);
  });
});
