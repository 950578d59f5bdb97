import type Database from 'better-sqlite3';
import { inTransaction } from '../../common/sqlite.js';
import type { AfterCommit, BeforeCommit } from '../port.js';
import { isPackId, PackLedger, type PackItem } from './packs.js';
import type { SpoolStatements } from './spool-statements.js';

/**
 * An ack with work of its own (the disclosure ledger's owed batch) in one transaction: the work,
 * closed packs deleted, the other pack items marked settled on disk (pack_acks: an ordinary ack of a
 * pack item lives in memory until its pack closes, and a kill would have the item sent and owed
 * again), single rows deleted. Nothing of it in memory yet: the caller settles once it committed.
 */
export function ackInTransaction(db: Database.Database, st: SpoolStatements, packs: PackLedger, ids: readonly string[], beforeCommit: BeforeCommit): { items: PackItem[]; gone: { b: number }[]; after?: AfterCommit } {
  const items = [...new Set(ids.filter(isPackId).map((id) => packs.get(id)).filter((i): i is PackItem => i !== undefined))];
  const rowIds = ids.filter((id) => !isPackId(id)).map(Number);
  const closed = new Set(PackLedger.closedBy(items));
  let after: AfterCommit | undefined;
  const gone = inTransaction(db, () => {
    const answer = beforeCommit({ kind: 'sqlite', db });
    // better-sqlite3 cannot wait inside a transaction: work that would is a programming error, rolled back.
    if (answer instanceof Promise) throw new Error('an ack hook of the SQLite spool must be synchronous');
    after = answer ?? undefined;
    if (closed.size) st.deletePacks.run(JSON.stringify([...closed]));
    for (const item of items) if (!closed.has(item.pack.id)) st.insertPackAck.run(item.pack.id, item.index);
    return rowIds.length ? st.delete.all(JSON.stringify(rowIds)) as { b: number }[] : [];
  });
  return { items, gone, after };
}
