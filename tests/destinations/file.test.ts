import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/collector.js';

// README "Destinations": the `file` destination writes exactly what would be sent, one JSON line
// per event. A disk that fills up mid-write (here a file size limit, `ulimit -f`, which gives the
// same short write and then an error as ENOSPC) must not leave a cut line that fuses with the
// line the retry writes after it.
describe('file destination on a full disk', () => {
  it('a batch the disk only partly took is cut off again: whole lines only, retried', () => {
    const dir = tempDir();
    const script = `
      import { fileDestination } from './src/destinations/file.ts';
      const dest = fileDestination.create({}, { name: 'out', baa: false, dataDir: ${JSON.stringify(dir)}, now: Date.now });
      const item = (i, size) => ({ id: String(i), messageId: 'm-' + i, payload: { message_id: 'm-' + i, pad: 'x'.repeat(size) }, attempts: 0, enqueuedAt: 0 });
      const first = await dest.send([item(1, 200)]);
      const second = await dest.send([item(2, 3000), item(3, 3000)]);
      process.stdout.write(JSON.stringify([first.kind, second.kind]));`;
    // sh counts ulimit -f in 512-byte blocks: the file may grow to 2,048 bytes.
    const child = spawnSync('sh', ['-c', `ulimit -f 4; exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], { cwd: REPO, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(['ok', 'retry']);
    const text = readFileSync(join(dir, 'out', 'out.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { message_id: string }).message_id)).toEqual(['m-1']);
  });
});
