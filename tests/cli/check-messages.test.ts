import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// What an analyst sees from `phiwall check` for a broken rule file: file:line:col, the key path,
// what was expected and the nearest valid name; never a stack trace, a secret or exit 0.

const run = promisify(execFile);
const BASE = 'version: 1\nsites:\n  - name: demo\n    write_key: demo\ndestinations:\n  out:\n    type: file\n    baa: false\n    allow: [event]\n';

async function check(config: string | undefined, env: Record<string, string> = {}, extra: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'check', ...(config === undefined ? [] : ['--config', config]), ...extra], { cwd: REPO, env: { ...process.env, ...env } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('phiwall check messages', () => {
  it('suggests the nearest key and enum value, with file:line:col and the key path', async () => {
    const typoKey = await check(writeConfig(BASE + '    delivery:\n      max_atempts: 5\ndestinatons: {}\n'));
    expect(typoKey.code).toBe(1);
    expect(typoKey.out).toMatch(/phiwall\.yaml:11:7: destinations\.out\.delivery: unknown key "max_atempts" \(did you mean "max_attempts"\?\)/);
    expect(typoKey.out).toMatch(/phiwall\.yaml:12:1: \(top level\): unknown key "destinatons" \(did you mean "destinations"\?\)/);
    const typoEnum = await check(writeConfig(BASE.replace('baa: false', 'baa: false\n    purposes: [ad]') + 'spool:\n  synchronous: Full\n'));
    expect(typoEnum.out).toMatch(/:9:16: destinations\.out\.purposes\[0\]: "ad" is not allowed \(did you mean "ads"\?\); expected one of: analytics, ads/);
    expect(typoEnum.out).toMatch(/:12:16: spool\.synchronous: "Full" is not allowed \(did you mean "full"\?\)/);
  });

  it('locates the compiler\'s problems too: an unknown detector or destination type, a missing option', async () => {
    const config = writeConfig(BASE.replace('type: file', 'type: webhok') + 'identifiers:\n  - id: em\n    fields: [email]\n    detectors: [email, emial]\n    action: drop\n');
    const r = await check(config);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/phiwall\.yaml:7:11: destinations\.out\.type: unknown destination type "webhok" \(did you mean "webhook"\?\)/);
    expect(r.out).toMatch(/phiwall\.yaml:13:24: identifiers\[0\]\.detectors\[1\]: unknown detector "emial" \(did you mean "email"\?\)/);
    const hook = await check(writeConfig(BASE.replace('type: file', 'type: webhook') + '    options: { secret: s }\n'));
    expect(hook.out).toMatch(/phiwall\.yaml:10:14: destinations\.out\.options\.url: missing required key \(expected string\)/);
    const option = await check(writeConfig(BASE.replace('type: file', 'type: webhook') + '    options: { urll: "https://x.example/h", secret: s }\n'));
    expect(option.out).toMatch(/phiwall\.yaml:10:22: destinations\.out\.options\.urll: unknown option "urll" \(did you mean "url"\?\)/);
  });

  it('names the include line for a missing pack (with the nearest file name) and the whole chain of a loop', async () => {
    const missing = await check(writeConfig(`include: ["${join(REPO, 'rules/packs/hipaa-safe-harbour.yaml')}"]\n` + BASE));
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/phiwall\.yaml:1:11: include ".*hipaa-safe-harbour\.yaml": no such file: .* \(did you mean "hipaa-safe-harbor\.yaml"\?\)/);
    const dir = tempDir();
    writeFileSync(join(dir, 'b.yaml'), 'include: [phiwall.yaml]\n');
    const loop = await check(writeConfig('include: [b.yaml]\n' + BASE, dir));
    expect(loop.code).toBe(1);
    expect(loop.out).toMatch(/b\.yaml:1:11: include "phiwall\.yaml": include loop: phiwall\.yaml -> b\.yaml -> phiwall\.yaml/);
  });

  it('an unset secret names its line, not its value; bad BAA dates name the date', async () => {
    const r = await check(writeConfig(BASE.replace('type: file', 'type: webhook') + '    options:\n      url: https://x.example/h\n      secret: ${H60_TEST_UNSET_SECRET}\n'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/phiwall\.yaml:12:15: environment variable H60_TEST_UNSET_SECRET is not set/);
    const baa = await check(writeConfig(BASE.replace('baa: false', 'baa: { signed: 2026-01-01, expires: 2025-13-01 }')));
    expect(baa.out).toMatch(/:8:41: destinations\.out\.baa\.expires: expected a date \(YYYY-MM-DD\)/);
    const order = await check(writeConfig(BASE.replace('baa: false', 'baa: { signed: 2026-01-01, expires: 2025-01-01 }')));
    expect(order.code).toBe(1);
    expect(order.out).toMatch(/destinations\.out\.baa\.expires: expires is before signed/);
  });

  it('never prints a stack trace, an unknown key that looks like an email, or a wrongly typed secret', async () => {
    const bomb = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n') + '\n';
    const r = await check(writeConfig(bomb));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/phiwall\.yaml: YAML anchors and aliases expand too far/);
    expect(r.out).not.toMatch(/\n\s+at /);
    const planted = await check(writeConfig(BASE + 'jane.doe@example.org: 1\nsecrets:\n  hash_key: 123456789012345678\n'));
    expect(planted.code).toBe(1);
    expect(planted.out).toContain('unknown key (value not shown)');
    expect(planted.out).toMatch(/secrets\.hash_key: expected string, got number/);
    expect(planted.out).not.toMatch(/jane\.doe|123456789012345678/);
  });

  it('names a duplicate key', async () => {
    const r = await check(writeConfig(BASE + '  out:\n    type: file\n'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/phiwall\.yaml:10:3: Map keys must be unique \("out"\)/);
  });

  it('serve with two workers and a broken config exits 1 with the located message (a worker used to stay up on its IPC channel)', async () => {
    const config = writeConfig(BASE + 'destinatons: {}\n');
    const err = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', '2', '--port', '0', '--data', tempDir(), '--config', config], { cwd: REPO, timeout: 60_000 })
      .then(() => ({ code: 0, signal: null, stderr: '' }), (e: { code: number; signal: string | null; stderr: string }) => e);
    expect(err.signal).toBeNull();
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/phiwall\.yaml:10:1: \(top level\): unknown key "destinatons" \(did you mean "destinations"\?\)/);
  });

  it('serve with two workers prints a broken config once: the first worker validates it before the others start', async () => {
    const config = writeConfig(BASE.replace('type: file', 'type: fiel'));
    const err = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', '2', '--port', '0', '--data', tempDir(), '--config', config], { cwd: REPO, timeout: 60_000 })
      .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.match(/invalid configuration/g)).toHaveLength(1);
    expect(err.stderr.match(/unknown destination type "fiel"/g)).toHaveLength(1);
  });

  it('refuses a file that declares no site or no destination, with what is missing and how to add it; the bundled config still runs without --config', async () => {
    for (const text of ['', '# a draft\n', '{}\n', 'version: 1\n']) {
      const r = await check(writeConfig(text));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/phiwall\.yaml:1:1: this file declares no sites and no destinations, .*Add a site and a destination \(rules\/phiwall\.yaml is a complete example\), or leave out --config/);
    }
    const pack = await check(join(REPO, 'rules/packs/sensitive-pages.yaml'));
    expect(pack.out).toMatch(/sensitive-pages\.yaml:1:1: this file declares no sites and no destinations, .*a pack is included by a config, not run on its own/);
    const noDestination = await check(writeConfig('version: 1\nsites:\n  - name: demo\n    write_key: demo\n'));
    expect(noDestination.code).toBe(1);
    expect(noDestination.out).toMatch(/phiwall\.yaml:1:1: destinations: no destination is declared, so every event would go nowhere; add one under destinations:/);
    const emptySites = await check(writeConfig(BASE.replace('sites:\n  - name: demo\n    write_key: demo\n', 'sites: []\n')));
    expect(emptySites.out).toMatch(/phiwall\.yaml:2:8: sites: no site is declared, so every request would be refused \(401\); add one under sites:/);
    const bundled = await check(undefined);
    expect(bundled.code).toBe(0);
    expect(bundled.out).toMatch(/^ok: plan \w+ .* 1 destination\(s\)\n$/);
  });

  it('warns of allow entries a destination without a BAA never receives and of a BAA ending within 30 days; exit 0, or 1 with --strict', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const config = writeConfig(`include: ["\${PACKS}/hipaa-safe-harbor.yaml"]\n` + BASE.replace('allow: [event]', 'allow: [event, user_id, properties.message, properties.email, properties.service_line]')
      + `  crm:\n    type: file\n    baa: { signed: ${day(-300)}, expires: ${day(10)} }\n    allow: [event, user_id]\n`
      + `  old:\n    type: file\n    baa: { signed: ${day(-400)}, expires: ${day(-2)} }\n    allow: [anonymous_id]\n`
      + `  fine:\n    type: file\n    baa: { signed: ${day(-10)}, expires: ${day(90)} }\n    allow: [user_id]\n`);
    const r = await check(config);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/phiwall\.yaml:10:20: destinations\.out\.allow\[1\]: "user_id" is never sent here \(baa: false\): the raw user_id goes only to destinations with a BAA in force/);
    expect(r.out).toMatch(/destinations\.out\.allow\[2\]: "properties\.message" is never sent here \(baa: false\): "message" is a free-text field \(free_text_fields\)/);
    expect(r.out).toMatch(/destinations\.out\.allow\[3\]: "properties\.email" is never sent here \(baa: false\): identifier rule "email" drops it/);
    expect(r.out).toMatch(/phiwall\.yaml:13:10: destinations\.crm\.baa: the BAA expires on .* \(in 10 days\): from then on this destination is treated as baa: false/);
    expect(r.out).toMatch(/destinations\.crm\.allow\[1\]: "user_id" will no longer be sent when the BAA expires/);
    expect(r.out).toMatch(/destinations\.old\.baa: the BAA expired on .*: this destination is treated as baa: false/);
    expect(r.out).toMatch(/destinations\.old\.allow\[0\]: "anonymous_id" is never sent here \(BAA expired /);
    expect(r.out).not.toMatch(/service_line|destinations\.fine/);
    expect(r.out).toMatch(/^ok: plan .*, 7 warning\(s\)$/m);
    const strict = await check(config, {}, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/phiwall: 7 warning\(s\), refused by --strict/);
    expect(strict.out).not.toMatch(/^ok:/m);
    expect((await check(writeConfig(BASE), {}, ['--strict'])).code).toBe(0);
  });
});
