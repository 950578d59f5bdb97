import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/collector.js';

// An operator's typo must not pass for the intended command: `check --stirct` checked without
// --strict (exit 0), `serve --workers 2 --confg x` served the default config, `--config` given last
// used the default, `dlq list --limit abc` died with a driver stack trace. Each is now refused
// with exit 2 and one line naming the argument, before anything is opened or started.
const phiwall = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), ...args], {
  cwd: tempDir(), encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env },
});

describe('command-line arguments a command does not take', () => {
  it.each([
    [['check', '--stirct'], 'phiwall check: unknown flag --stirct (--config, --data, --strict, --validate)'],
    [['check', '--config'], 'phiwall check: --config needs a value'],
    [['check', '--config', join(REPO, 'rules/phiwall.yaml'), 'extra'], 'phiwall check: unexpected argument "extra"'],
    [['check', '--strict=yes'], 'phiwall check: --strict takes no value'],
    [['schema', '--bogus'], 'phiwall schema: unknown flag --bogus (none)'],
    [['serve', '--workers', '2', '--confg', 'x.yaml', '--port', '0'], 'phiwall serve: unknown flag --confg'],
    [['serve', '--workers', '1', '--port'], 'phiwall serve: --port needs a value'],
    [['frobnicate'], 'phiwall: unknown command "frobnicate"'],
  ])('%j is refused with exit 2, naming it', (args, message) => {
    const r = phiwall(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('    at ');
  });

  it('dlq: show without --id and a --limit that is not a count print the usage (exit 2), not a driver stack trace', () => {
    for (const args of [['dlq', 'show', '--destination', 'x'], ['dlq', 'list', '--destination', 'x', '--limit', 'abc']]) {
      const r = phiwall([...args, '--data', tempDir()]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: phiwall dlq');
    }
  });

  it('a bad PHIWALL_WORKERS is named as such, not as --workers', () => {
    const r = phiwall(['serve', '--port', '0', '--data', tempDir()], { PHIWALL_WORKERS: '-3' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PHIWALL_WORKERS: must be an integer from 1 to 64');
  });

  it('report --demo attribution: a switch does not swallow the next word', () => {
    const r = phiwall(['report', '--demo', 'attribution']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('time_decay');
  });
});
