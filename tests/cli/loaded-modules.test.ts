import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');

// Every module a process evaluates stays in its heap for its life (source text, functions, the
// objects its top level builds), in each cluster worker. These are loaded only when used.
describe('modules the collector does not load until it needs them', () => {
  it('loading the whole CLI evaluates neither undici\'s index (fetch, WebSocket, caches, mocks) nor the pg driver', () => {
    const script = `await import('./src/cli/main.ts');
const { createRequire } = await import('node:module');
const loaded = Object.keys(createRequire(import.meta.url).cache);
const has = (re) => loaded.some((k) => re.test(k));
process.stdout.write(JSON.stringify({ undiciIndex: has(/\\/undici\\/index\\.js$/), undiciPool: has(/\\/undici\\/lib\\/dispatcher\\/pool\\.js$/), pg: has(/\\/node_modules\\/pg\\//) }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ undiciIndex: false, undiciPool: true, pg: false });
  });
});
