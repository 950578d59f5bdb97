// Rows still waiting in phiwall's spools (the primary's spool.db and each worker's w<i>/),
// read directly from the SQLite files so it works whatever the worker count.
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function spoolFiles(dataDir) {
  const files = [join(dataDir, 'spool.db')];
  if (existsSync(dataDir)) for (const d of readdirSync(dataDir)) if (/^w\d+$/.test(d)) files.push(join(dataDir, d, 'spool.db'));
  return files.filter((f) => existsSync(f));
}

/** { rows, dead, files } summed over every spool file. */
export function spoolBacklog(dataDir) {
  let rows = 0;
  let dead = 0;
  const files = spoolFiles(dataDir);
  for (const f of files) {
    const db = new Database(f, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      // A worker still starting may have created its file but not its tables yet (on a loaded
      // machine the bench's health checks can all reach worker 0 first): nothing waits there.
      const has = (name) => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;
      if (has('outbox')) rows += db.prepare('SELECT COUNT(*) AS n FROM outbox').get().n;
      // Fresh events wait in packs (one row per group commit and destination: src/spool/sqlite/packs.ts).
      if (has('outbox_packs')) rows += db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM outbox_packs').get().n;
      if (has('dead_letters')) dead += db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get().n;
    } finally { db.close(); }
  }
  return { rows, dead, files: files.length };
}
