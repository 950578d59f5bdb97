import { readFileSync } from 'node:fs';

/** Write transactions committed to a WAL-mode file since its WAL began: its commit frames (the WAL file format's frame headers). */
export function walCommits(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8), salt = wal.readBigUInt64BE(16);
  let n = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readBigUInt64BE(at + 8) !== salt) break; // frames of an earlier WAL generation
    if (wal.readUInt32BE(at + 4) !== 0) n++;
  }
  return n;
}
