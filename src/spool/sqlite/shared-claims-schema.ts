import type Database from 'better-sqlite3';
import { inTransaction } from '../../common/sqlite.js';

// The shared claims file's tables (shared-claims.ts). A claim row is keyed by its message key,
// a keyed hash: its inserts land on random pages of the B-tree. Settling a request's claims used
// to be one UPDATE per key, a second random page write per event in a file every worker writes
// (bench/batch-ops.mjs: ~10 us of CPU per event at 240,000 keys, growing with the file). Now a
// claim names its request's ticket (one claim_tickets row per request, appended: ticket ids only
// grow) and a request is settled by updating that one row. A claim row's own state wins while it
// names no ticket: rows of older releases, keys settled one by one (an event that went nowhere),
// and claims a restarted worker settled.
export const PENDING = 0, DONE = 1, RELEASED = 2, FAILED = 3;

const DDL = `CREATE TABLE IF NOT EXISTS ingest_claims (k TEXT PRIMARY KEY, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL, ticket INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ingest_claims_at ON ingest_claims (at);
CREATE TABLE IF NOT EXISTS claim_tickets (ticket INTEGER PRIMARY KEY, state INTEGER NOT NULL, at INTEGER NOT NULL)`;

/** A claim's state: its own, or its ticket's while it names one (a ticket gone is a claim given up: free). */
export const EFFECTIVE_STATE = `CASE WHEN c.ticket IS NULL THEN c.state ELSE COALESCE(t.state, ${FAILED}) END`;

/**
 * Creates the tables, or adds the ticket column to a file of an older release (its rows keep their
 * own states). One immediate transaction: workers opening the file at once do not both add it.
 */
export function openClaimsSchema(db: Database.Database): void {
  inTransaction(db, () => {
    db.exec(DDL);
    const columns = db.prepare("SELECT name FROM pragma_table_info('ingest_claims')").pluck().all() as string[];
    if (!columns.includes('ticket')) db.exec('ALTER TABLE ingest_claims ADD COLUMN ticket INTEGER');
  }, 'immediate');
}

/** The statements of the claims file (shared-claims.ts), prepared once. */
export function claimStatements(db: Database.Database) {
  return {
    take: db.prepare(`INSERT INTO ingest_claims (k, state, worker, pid, at, ticket) VALUES (?, ${PENDING}, ?, ?, ?, ?) ON CONFLICT (k) DO NOTHING`),
    retake: db.prepare(`UPDATE ingest_claims SET state = ${PENDING}, worker = ?, pid = ?, at = ?, ticket = ? WHERE k = ?`),
    stateOf: db.prepare(`SELECT ${EFFECTIVE_STATE} AS state, c.pid AS pid, c.at AS at FROM ingest_claims c LEFT JOIN claim_tickets t ON t.ticket = c.ticket WHERE c.k = ?`),
    newTicket: db.prepare(`INSERT INTO claim_tickets (state, at) VALUES (${PENDING}, ?)`),
    settleTicket: db.prepare(`UPDATE claim_tickets SET state = ? WHERE ticket = ? AND state = ${PENDING}`),
    // One key apart from its request's ticket; the ticket guards against a claim taken over since.
    settleKey: db.prepare('UPDATE ingest_claims SET state = ?, ticket = NULL WHERE k = ? AND pid = ? AND ticket IS ?'),
    // A restarted worker's predecessor's claims still pending (their own state, or their ticket's).
    leftPending: db.prepare(`SELECT c.k AS k, c.pid AS pid, c.ticket AS ticket, c.at AS at FROM ingest_claims c LEFT JOIN claim_tickets t ON t.ticket = c.ticket
      WHERE c.worker = ? AND c.pid != ? AND ${EFFECTIVE_STATE} = ${PENDING}`),
    purge: db.prepare('DELETE FROM ingest_claims WHERE at < ?'),
    // Tickets are appended in time order (near enough: the boundary is the first one inside the window, so none inside it goes).
    purgeTickets: db.prepare('DELETE FROM claim_tickets WHERE ticket < COALESCE((SELECT ticket FROM claim_tickets WHERE at >= ? ORDER BY ticket LIMIT 1), (SELECT MAX(ticket) + 1 FROM claim_tickets))'),
  };
}
export type ClaimStatements = ReturnType<typeof claimStatements>;
