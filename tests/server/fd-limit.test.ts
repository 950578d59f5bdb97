import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionBudget, FD_RESERVE, openFileLimit } from '../../src/server/fd-limit.js';
import { exited, freePort } from '../helpers/child-collector.js';
import { DEMO_AUTH, REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';

describe('the open-file limit and server.max_connections', () => {
  it('reads the limit from /proc/self/limits text and lowers the cap only when the limit leaves too little room', () => {
    expect(openFileLimit('Max processes 100 100 processes\nMax open files            1024                 1024                 files\n')).toBe(1024);
    expect(openFileLimit('Max open files            unlimited            unlimited            files\n')).toBeUndefined();
    expect(connectionBudget(900, 1024 + FD_RESERVE)).toBeUndefined();
    expect(connectionBudget(900, 1024)).toEqual({ maxConnections: 900, openFileLimit: 1024, reserve: FD_RESERVE, effective: 1024 - FD_RESERVE });
    expect(connectionBudget(900, undefined)).toBeUndefined();
  });

  // `phiwall serve` under `ulimit -n 300` with max_connections 900: past ~300 descriptors accept()
  // failed with EMFILE and the extra clients waited with no answer; now they get the cap's 503.
  describe('phiwall serve under ulimit -n 300 with max_connections: 900', () => {
    const data = tempDir();
    const sockets: Socket[] = [];
    let child: ReturnType<typeof spawn> | undefined;
    afterAll(async () => { for (const s of sockets) s.destroy(); if (child) { child.kill('SIGTERM'); await exited(child); } });

    it('warns at start with the numbers, and a client past the effective cap gets 503 JSON rather than no answer', async () => {
      const port = await freePort();
      const config = writeConfig(`version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
server: { max_connections: 900 }
destinations:
  out: { type: file, allow: [event], options: { path: "${join(data, 'out.jsonl')}" } }
`);
      const log = openSync(join(data, 'serve.log'), 'a');
      child = spawn('sh', ['-c', `ulimit -n 300 && exec "${process.execPath}" bin/phiwall.mjs serve --workers 1 --config "${config}" --data "${data}" --port ${port} --host 127.0.0.1`], { cwd: REPO, stdio: ['ignore', log, log] });
      await waitFor(() => readFileSync(join(data, 'serve.log'), 'utf8'), (t) => t.includes('phiwall listening'), 30_000);
      const warning = readFileSync(join(data, 'serve.log'), 'utf8').split('\n').find((l) => l.includes('open-file limit'));
      expect(JSON.parse(warning!)).toMatchObject({ level: 40, maxConnections: 900, openFileLimit: 300, reserve: FD_RESERVE, effective: 300 - FD_RESERVE });
      const answers = new Map<Socket, string>();
      // 220 clients: the effective cap of 172 plus 48 refused ones, whose descriptors linger while their 503 is read.
      // A flood past the descriptor limit itself (refusals included) cannot all be answered; that is not what this checks.
      for (let i = 0; i < 220; i++) {
        const s = connect(port, '127.0.0.1');
        s.on('data', (d: Buffer) => answers.set(s, (answers.get(s) ?? '') + d.toString('utf8')));
        s.on('error', () => undefined);
        sockets.push(s);
      }
      // Every connection past the effective cap is answered; none is left waiting unanswered (without the lowered cap of
      // 172 all 220 would be accepted and none refused).
      const refused = await waitFor(() => [...answers.values()].filter((a) => a.startsWith('HTTP/1.1 503')), (r) => r.length >= 220 - (300 - FD_RESERVE), 20_000);
      expect(refused[0]).toContain('PW_ERR_TOO_MANY_CONNECTIONS');
      for (const s of sockets.splice(0)) s.destroy();
      // With the clients gone, the process still serves and spools (it had descriptors left).
      const r = await waitFor(() => fetch(`http://127.0.0.1:${port}/v1/track`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, body: JSON.stringify({ type: 'track', event: 'Clicked', anonymousId: 'a', messageId: 'fd-1' }) }).then((x) => x.status).catch(() => 0), (s) => s === 200, 10_000);
      expect(r).toBe(200);
    });
  });
});
