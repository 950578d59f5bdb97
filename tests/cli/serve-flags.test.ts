import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, freePort } from '../helpers/child-collector.js';
import { REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';

// README "Command line": `phiwall serve [--port 8080]`. What an operator gets wrong at start
// (a port that is not one, an unknown PHIWALL_LOG_LEVEL, a spool file that is not a database) is
// refused with exit 1 and one line naming it, not a stack trace; an empty PORT (a template that
// set it to nothing) is no port at all rather than port 0, a random one.
describe('phiwall serve flags and environment', () => {
  const serve = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', '1', '--data', tempDir(), ...args], {
    cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env },
  });

  it('refuses --port abc, 99999 and 80.5, and PORT=abc, naming where the value came from', () => {
    for (const port of ['abc', '99999', '80.5']) {
      const r = serve(['--port', port]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('--port: must be an integer from 0 to 65535');
      expect(r.stderr).not.toContain('RangeError');
    }
    const r = serve([], { PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT: must be an integer from 0 to 65535');
  });

  it('refuses an unknown PHIWALL_LOG_LEVEL by name, one process or a cluster, instead of a logger stack trace', () => {
    for (const workers of ['1', '2']) {
      const r = spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', workers, '--port', '0', '--data', tempDir()], {
        cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PHIWALL_LOG_LEVEL: 'verbose' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('PHIWALL_LOG_LEVEL: must be one of');
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('a spool file that is not a database stops the start with the file named, not a driver stack trace', () => {
    const data = tempDir();
    writeFileSync(join(data, 'spool.db'), Buffer.alloc(50_000, 7));
    for (const workers of ['1', '2']) {
      const r = spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', workers, '--port', '0', '--data', data], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`phiwall: cannot open ${join(data, 'spool.db')}: file is not a database (SQLITE_NOTADB)`);
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('a data directory that cannot be made (a file in the way, a read-only file system) is named in one line, one process or a cluster', () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    for (const workers of ['1', '2']) {
      const r = spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', workers, '--port', '0', '--data', join(file, 'data')], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`phiwall: cannot open ${join(file, 'data', 'spool.db')}: ENOTDIR`);
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('serve --help (and any command\'s -h) prints the usage and exits 0 instead of starting a collector', () => {
    for (const args of [['serve', '--help'], ['serve', '-h', '--port', '0'], ['dlq', 'list', '--help']]) {
      const r = spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('phiwall <command> [options]');
      expect(r.stdout + r.stderr).not.toContain('listening');
    }
  });

  it('an empty PORT leaves the config port in force', async () => {
    const port = await freePort();
    const config = writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\nserver: { port: ${port}, host: 127.0.0.1 }\n`);
    const child = spawn(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--workers', '1', '--config', config, '--data', tempDir()], {
      cwd: REPO, stdio: 'ignore', env: { ...process.env, PORT: '' },
    });
    try {
      // Within the test timeout, so that a failure still reaches the kill below.
      const status = await waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0), (s) => s === 200, 30_000);
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });
});
