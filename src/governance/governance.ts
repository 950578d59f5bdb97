import { isJournalError } from '../audit/journal.js';
import { sha256Hex } from '../common/hash.js';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Registry } from 'prom-client';
import type { AuditEntry } from '../audit/audit-log.js';
import type { AuditChain, AuditQueueOptions, DisclosureStore } from '../audit/port.js';
import { AUDIT_QUEUE_DEFAULTS } from '../audit/postgres-audit.js';
import type { PgHandle } from '../audit/postgres-schema.js';
import type { DeliveryHooks } from '../delivery/worker.js';
import type { Logger } from '../observability/log.js';
import type { Plan } from '../rules/plan.js';
import type { JsonObject } from '../common/json.js';
import type { BeforeCommit, LeasedItem } from '../spool/port.js';
import { errorCode, PhiwallError } from '../errors.js';
import type Database from 'better-sqlite3';
import { openWalDatabase } from '../common/sqlite.js';
import { openGovernanceBackends } from './backends.js';
import { Gate } from './gate.js';
import { LegacySpoolMeta } from './legacy-meta.js';
import { GovernanceMetrics } from './metrics.js';
import { OwedDisclosures } from './owed-disclosures.js';
import type { OwedStore } from './owed-store.js';
import type { GovernanceStore } from './store-port.js';
import { SubjectKeys } from './subjects.js';

export interface GovernanceOptions {
  /** The instance's governance database file (default `<dataDir>/governance.db`): admin keys, and everything below with SQLite storage. */
  path: string;
  secret: string;
  /** Days legacy per-row metadata is kept (covers dead-letter retention). */
  metaDays: number;
  perEventLedger: boolean;
  registry: Registry;
  log: Logger;
  /** Set with `storage.kind: postgres`: store, audit chain and ledger are shared there. */
  postgres?: PgHandle;
  /** How the shared audit chain holds records it cannot write yet (defaults: src/audit/postgres-audit.ts). */
  auditQueue?: AuditQueueOptions;
  /** Where batches owed to the ledger survive a kill with SQLite storage (the spool's file; PostgreSQL: its own table); absent: memory only. */
  owedStore?: OwedStore;
  /** PostgreSQL: how long an instance holds its owed ledger batches before a running one takes them over (default 60 s). */
  owedLeaseMs?: number;
}

/** SHA-256 of the whole merged configuration (secrets included, so any change shows). */
export function configHash(rules: unknown): string {
  return sha256Hex(JSON.stringify(rules)).slice(0, 16);
}

/** Opens the governance database (WAL; shared by cluster workers, appends serialize on its lock). */
export function openGovernanceDb(path: string): Database.Database {
  return openWalDatabase(path, { timeoutMs: 5000, synchronous: 'NORMAL' });
}

/**
 * Wires the governance parts to their adapters (src/governance/backends.ts): the store
 * (authorizations, suppressions), the gate the pipeline consults, the audit chain and the
 * disclosure ledger. Per-row metadata (policy version, subject keys) travels in the spool row.
 */
export class Governance {
  readonly store: GovernanceStore;
  readonly subjects: SubjectKeys;
  readonly metrics: GovernanceMetrics;
  readonly audit: AuditChain;
  readonly ledger: DisclosureStore;
  readonly gate: Gate;
  readonly deliveryHooks: DeliveryHooks;
  readonly db: Database.Database;
  /** Names this process in audit records (host and pid: no values). */
  readonly instance = `${hostname()}/${process.pid}`;
  private readonly legacy: LegacySpoolMeta;
  /** Sent batches the ledger could not record yet: deliveries pause until it does (owed-disclosures.ts). */
  private readonly owed: OwedDisclosures;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: GovernanceOptions) {
    this.db = openGovernanceDb(opts.path);
    this.metrics = new GovernanceMetrics(opts.registry);
    const backends = openGovernanceBackends(this.db, {
      postgres: opts.postgres,
      perEventLedger: opts.perEventLedger,
      auditQueue: opts.auditQueue,
      auditKeepDir: dirname(opts.path),
      owedLeaseMs: opts.owedLeaseMs,
      onKeptImported: ({ records, files, invalid }) => {
        if (invalid) this.metrics.auditErrors.inc({ result: 'dropped' }, invalid);
        if (files) opts.log.warn({ records, files, invalid }, 'audit records kept for the PostgreSQL chain written to the SQLite chain');
      },
      onAuditError: (action, code, dropped) => {
        this.metrics.auditErrors.inc({ result: dropped ? 'dropped' : isJournalError(code) ? 'unjournaled' : 'retried' }, dropped || 1);
        if (dropped) opts.log.error({ action, code, dropped }, 'audit records not written (alert)');
        // The chain write is fine; the crash-safety copy is not (disk full, data directory gone).
        else if (isJournalError(code)) opts.log.error({ action, code }, 'audit journal write failed; the record stays queued in memory and is written, but is lost if the process is killed first');
        else opts.log.error({ action, code }, 'audit write failed; records stay queued and are retried');
      },
    });
    this.metrics.observeAuditQueue(() => this.audit);
    this.store = backends.store;
    this.audit = backends.audit;
    this.ledger = backends.ledger;
    this.legacy = new LegacySpoolMeta(this.db);
    this.subjects = new SubjectKeys(opts.secret);
    this.gate = new Gate(this.store, this.subjects, this.metrics, opts.log, (destination) => {
      this.record({ actor: 'system', role: 'system', action: 'baa.expired', details: { destination } });
    });
    this.owed = new OwedDisclosures(this.ledger, opts.log, () => this.metrics.ledgerErrors.inc(), backends.owed ?? opts.owedStore);
    this.metrics.observeLedgerOwed(() => this.owed.events);
    this.deliveryHooks = { withheld: (d, items) => this.withheld(d, items), delivered: (d, items) => this.delivered(d, items), ready: () => this.owed.ready() };
  }

  record(entry: AuditEntry): void {
    try {
      this.audit.record(entry);
      this.metrics.auditRecords.inc({ action: entry.action.split(' ')[0] });
    } catch (err) {
      this.opts.log.error({ action: entry.action, code: errorCode(err) }, 'audit record failed');
      throw err;
    }
  }

  /**
   * Before an acknowledged action runs: throws PW_ERR_AUDIT_UNAVAILABLE (503) when its record
   * could not be written now (shared chain unreachable, or its queue full). Nothing was done.
   */
  admit(): void {
    this.audit.admit();
  }

  /**
   * Records an admitted action and waits until the record is written (Postgres queues; SQLite
   * already wrote it). Not written within the deadline: PW_ERR_AUDIT_PENDING (503), the action
   * having taken effect and its record staying queued (written once the store is back).
   */
  async recorded(entry: AuditEntry): Promise<void> {
    const action = entry.action.split(' ')[0];
    try {
      await this.audit.recordAdmitted(entry, this.opts.auditQueue?.deadlineMs ?? AUDIT_QUEUE_DEFAULTS.deadlineMs);
    } catch (err) {
      const queued = err instanceof PhiwallError && err.code === 'PW_ERR_AUDIT_PENDING';
      if (queued) this.metrics.auditRecords.inc({ action });
      else this.opts.log.error({ action: entry.action, code: errorCode(err) }, 'audit record failed');
      throw err;
    }
    this.metrics.auditRecords.inc({ action });
  }

  /** The subject keys stored with an event's spool rows. */
  subjectKeysOf(ev: JsonObject): string[] {
    return this.subjects.keysOfRaw(ev);
  }

  /**
   * Shared stores answer asynchronously: loads this request's subjects before the pipeline
   * runs. A store error fails the request closed (503): nothing is forwarded unchecked.
   */
  async prepare(events: readonly JsonObject[], now: number): Promise<void> {
    if (!this.store.prepare) return;
    const keys = new Set<string>();
    for (const ev of events) for (const k of this.subjects.keysOfRaw(ev)) keys.add(k);
    await this.prepareKeys([...keys], now);
  }

  /** The same for subject keys at hand (any caller of `store.isSuppressed`/`authorized` outside ingest). */
  async prepareKeys(subjectKeys: readonly string[], now: number): Promise<void> {
    if (!this.store.prepare) return;
    try {
      await this.store.prepare(subjectKeys, now);
    } catch (err) {
      throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: errorCode(err) });
    }
  }

  /** Checks BAA expiry every `everyMs` so the alert fires without traffic; prunes legacy metadata. */
  startTimers(plan: () => Plan, everyMs = 30_000): void {
    const tick = () => {
      this.gate.checkExpiries(plan().destinations, Date.now());
      this.legacy.prune(Date.now() - this.opts.metaDays * 86_400_000);
    };
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  /**
   * Waits up to `timeoutMs` for queued audit records; those left are kept in the data directory
   * for the next start (or, failing that, reported as dropped by the chain). Then closes the
   * instance database.
   */
  async close(timeoutMs = 5000): Promise<void> {
    clearInterval(this.timer);
    // Records still waiting for their group commit (a worker stopped past its timeout): written before the file closes.
    // (A failed group rejects each record's own caller, which owes it; flush itself does not reject.)
    await this.ledger.flush?.();
    await this.owed.close();
    const { unwritten, keptIn } = await this.audit.close(timeoutMs);
    if (keptIn) {
      // An error, not a warning: a data directory that does not outlive the process (a pod without a volume) loses them.
      this.metrics.auditErrors.inc({ result: 'kept' }, unwritten);
      this.opts.log.error({ count: unwritten, file: keptIn }, 'audit records not written yet; kept in the data directory for the next start');
    }
    if (this.db.open) this.db.close();
  }

  private metaOf(it: LeasedItem, destination: string): { policyVersion?: string; subjectKeys: readonly string[] } {
    if (it.subjectKeys !== undefined) return { policyVersion: it.policyVersion, subjectKeys: it.subjectKeys };
    const legacy = this.db.open ? this.legacy.meta(it.messageId, destination) : undefined;
    return { policyVersion: it.policyVersion ?? legacy?.policyVersion, subjectKeys: legacy?.subjectKeys ?? [] };
  }

  /**
   * Spooled rows of opted-out subjects: never sent (the worker drops them). A store error
   * rejects, so the worker sends nothing and the leases expire (retried later).
   */
  private async withheld(destination: string, items: readonly LeasedItem[]): Promise<Set<string>> {
    const keysOf = items.map((it) => this.metaOf(it, destination).subjectKeys);
    const keys = new Set<string>();
    for (const list of keysOf) for (const k of list) keys.add(k);
    const suppressed = await this.store.suppressedAmong([...keys]);
    const out = new Set<string>();
    if (suppressed.size === 0) return out;
    items.forEach((it, i) => { if (keysOf[i].some((k) => suppressed.has(k))) out.add(it.id); });
    if (out.size) this.metrics.suppressed.inc({ destination, stage: 'delivery' }, out.size);
    return out;
  }

  /** Records a confirmed batch; when the ledger owes it, the work its ack commits with (owed-disclosures.ts). */
  private async delivered(destination: string, items: readonly LeasedItem[]): Promise<BeforeCommit | undefined> {
    try {
      const { fresh, withAck } = await this.owed.add(items.map((it) => ({
        destination, messageId: it.messageId, policyVersion: this.metaOf(it, destination).policyVersion ?? 'unknown', payload: it.payload, payloadText: it.payloadText,
      })));
      for (const f of fresh) {
        this.metrics.newField.inc({ destination: f.destination });
        // Field names are the allow-listed output schema, not values.
        this.opts.log.warn({ destination: f.destination, field: f.field, policyVersion: f.policyVersion }, 'field sent to destination for the first time');
      }
      return withAck;
    } catch (err) {
      this.metrics.ledgerErrors.inc();
      this.opts.log.error({ destination, code: errorCode(err) }, 'disclosure ledger write failed');
      return undefined;
    }
  }
}
