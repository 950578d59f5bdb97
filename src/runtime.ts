import { loadConfig, type LoadedConfig } from './config/load.js';
import { compileLocated } from './config/compile-located.js';
import { locatedConfigWarnings } from './config/config-warnings.js';
import { DestinationWorker } from './delivery/worker.js';
import { createLogger, type Logger } from './observability/log.js';
import { Metrics } from './observability/metrics.js';
import { processEvent } from './pipeline/process.js';
import { accountOutcome, MetricTally, type Accounting, type IngestSummary } from './runtime-account.js';
import type { IngestDedup } from './spool/ingest-dedup.js';
import type { SharedClaims } from './spool/sqlite/shared-claims.js';
import { buildIngestDedup } from './runtime-dedup.js';
import { TimeSlices } from './common/time-slices.js';
import type { VisitorIds } from './pipeline/project.js';
import type { Plan, SitePlan } from './rules/plan.js';
import type { JsonObject } from './common/json.js';
import type { Spool } from './spool/port.js';
import { openStorage, type Storage } from './spool/storage.js';
import { KeyedHashVisitorIds, NO_VISITOR_IDS } from './spool/sqlite/visitor-ids.js';
import { SqliteOwedStore } from './governance/owed-store.js';
import { visitorKeyOf } from './pipeline/analyze.js';
import { callIdKeys } from './pipeline/identity.js';
import { errorCode, PhiwallError } from './errors.js';
import { destinationPolicies } from './delivery/policy.js';
import type { PolicyView } from './delivery/screen.js';
import { dirname, join } from 'node:path';
import { stableInstanceId } from './common/instance-id.js';
import { configHash, Governance } from './governance/governance.js';
import { bindAggregateStorage } from './aggregates/backend.js';
import { hashKeyOf } from './config/secrets.js';
import type { ReloadAuditPolicy } from './admin/reload-audit.js';
import type { AuditQueueOptions } from './audit/port.js';

/** Versions recorded (by any instance) within this are kept by policy-history retention; maintain() runs hourly. */
export const POLICY_GRACE_MS = 86_400_000;

/** Who asked for a config change (the audit log's actor). */
export interface Actor { actor: string; role: string }

export interface RuntimeOptions {
  configPath: string;
  dataDir: string;
  /** Spool file; default `<dataDir>/spool.db` (cluster workers each get their own). */
  spoolPath?: string;
  /** A `phiwall serve --workers N` worker: state shared by the workers (random pseudonymous ids, ingest dedup claims) lives in shared files. */
  clusterWorker?: boolean;
  /** That worker's index (serve sets it): a restarted worker settles the dedup claims its predecessor left. */
  workerIndex?: number;
  /** Start delivery workers (off for dry-run and tools). */
  deliver?: boolean;
  logger?: Logger;
  maxPageCount?: number;
  /** A cluster worker: which reloads it writes the audit record of (src/admin/reload-audit.ts). Default: all. */
  reloadAudit?: ReloadAuditPolicy;
  /** The shared audit chain's retry, bound and deadline (defaults in src/audit/postgres-audit.ts; tests shorten them). */
  auditQueue?: AuditQueueOptions;
}

export type { IngestSummary } from './runtime-account.js';

/** Everything a running collector holds: the current plan, the spool, the workers. */
export class Runtime {
  plan: Plan;
  config: LoadedConfig;
  readonly spool: Spool;
  readonly storage: Storage;
  readonly metrics = new Metrics();
  readonly log: Logger;
  private visitorIds: VisitorIds;
  readonly governance: Governance;
  private workers: DestinationWorker[] = [];
  /** The running plan's per-destination projection policies (see recordPolicies). */
  private policy: PolicyView;
  private maintenance: NodeJS.Timeout | undefined;
  /** Retried POSTs: absent when the spool keeps no keys (src/spool/ingest-dedup.ts). */
  private readonly dedup: IngestDedup | undefined;
  private readonly sharedClaims: SharedClaims | undefined;
  /** Destinations' timer work has no caller to fail: its errors are logged and counted here (codes, never values). */
  private readonly backgroundError = (destination: string, task: string, code: string, detail?: string): void => {
    this.metrics.backgroundErrors.inc({ task, destination, code });
    this.log.error({ destination, task, code, detail }, 'background task failed');
  };

  constructor(private readonly opts: RuntimeOptions) {
    this.log = opts.logger ?? createLogger();
    this.config = loadConfig(opts.configPath);
    this.plan = compileLocated(this.config, { dataDir: opts.dataDir, onBackgroundError: this.backgroundError });
    this.storage = openStorage(this.config.rules, {
      dataDir: opts.dataDir, spoolPath: opts.spoolPath, maxPageCount: opts.maxPageCount, clusterWorker: opts.clusterWorker,
      onError: (what, code) => this.log.error({ what, code }, 'storage background error'),
      onRecovered: (failedAttempts) => this.log.info({ failedAttempts }, 'storage reachable; migrations ran'),
      onStandby: ({ pid, host }) => this.log.warn({ pid, host }, 'another phiwall process consumes this spool file (same data directory?): this one delivers nothing until it stops'),
    });
    this.spool = this.storage.spool;
    ({ dedup: this.dedup, sharedClaims: this.sharedClaims } = buildIngestDedup({ spool: this.spool, rules: this.config.rules, storageKind: this.storage.kind, dataDir: opts.dataDir,
      clusterWorker: opts.clusterWorker, workerIndex: opts.workerIndex, onError: (what, code) => this.backgroundError('*', what, code) }));
    this.policy = this.recordPolicies();
    // Aggregate destinations open their store on first use: shared tables on Postgres.
    // Named per data directory (a cluster worker: per its own directory), so a restart retries its own release claims at once.
    const owner = stableInstanceId(dirname(opts.spoolPath ?? join(opts.dataDir, 'spool.db')));
    bindAggregateStorage(opts.dataDir, { postgres: this.storage.postgres, hashKey: hashKeyOf(this.config.rules), owner });
    this.visitorIds = this.buildVisitorIds();
    this.governance = new Governance({
      path: join(opts.dataDir, 'governance.db'),
      secret: hashKeyOf(this.config.rules),
      metaDays: (this.config.rules.spool?.dead_letter_days ?? 14) + 4,
      perEventLedger: this.config.rules.audit?.per_event_ledger ?? false,
      registry: this.metrics.registry,
      log: this.log,
      postgres: this.storage.postgres,
      auditQueue: opts.auditQueue,
      owedStore: this.storage.db && new SqliteOwedStore(this.storage.db),
    });
    const missed = opts.reloadAudit?.missedChange(configHash(this.config.rules), this.plan.version);
    if (missed) this.governance.record(missed);
    this.governance.record({ actor: 'system', role: 'system', action: 'config.load', configAfter: configHash(this.config.rules), details: { policyVersion: this.plan.version, instance: this.governance.instance } });
    this.governance.startTimers(() => this.plan);
    this.metrics.planVersion.set({ version: this.plan.version }, 1);
    this.log.info({ version: this.plan.version, destinations: this.plan.destinations.length, files: this.config.files.length }, 'config loaded');
    this.logConfigWarnings();
    if (opts.deliver !== false) {
      this.startWorkers();
      this.maintenance = setInterval(() => { void this.maintain(); }, 3_600_000);
      this.maintenance.unref();
      void this.maintain();
    }
  }

  /**
   * Retention: dead letters older than spool.dead_letter_days are purged; then the policy
   * history forgets versions no pending or dead row refers to (src/spool/port.ts prunePolicies).
   * The running version is recorded again first: with a shared spool, another instance's
   * retention keeps a version some instance recorded within POLICY_GRACE_MS (it may still spool rows).
   */
  async maintain(): Promise<void> {
    const days = this.config.rules.spool?.dead_letter_days ?? 14;
    try {
      const purged = await this.spool.purgeDead('*', days * 86_400_000);
      if (purged) this.log.info({ purged }, 'dead letters past retention purged');
    } catch (err) {
      this.log.error({ code: (err as { code?: string }).code ?? (err as Error).name }, 'dead-letter retention failed');
    }
    const { version, policies } = this.policy;
    try {
      await this.spool.recordPolicies(version, policies);
      const forgotten = await this.spool.prunePolicies(version, Date.now() - POLICY_GRACE_MS);
      if (forgotten) this.log.info({ forgotten }, 'policy history: records of versions no spooled row refers to removed');
    } catch (err) {
      this.log.error({ code: errorCode(err) }, 'policy history retention failed');
    }
  }

  private buildVisitorIds(): VisitorIds {
    const secret = hashKeyOf(this.config.rules);
    if (this.plan.pseudonymousMode === 'off') return NO_VISITOR_IDS;
    if (this.plan.pseudonymousMode === 'keyed_hash') return new KeyedHashVisitorIds(secret, this.plan.rotateMs);
    return this.storage.randomIds(secret, this.plan.rotateMs);
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  site(writeKey: string | undefined): SitePlan | undefined {
    return writeKey === undefined ? undefined : this.plan.sitesByKey.get(writeKey);
  }

  /**
   * Runs events through the pipeline and resolves once their rows are committed to the spool. A
   * large request runs in time slices (common/time-slices.ts), other requests answered meanwhile;
   * its rows are enqueued together after the last event (a 2xx still means all are durable). The
   * plan, id store and gate are taken once: a reload between slices cannot mix two plans. A copy of
   * an event already taken (a retried POST) is answered as accepted once its original is durable.
   */
  async ingest(events: readonly JsonObject[], site: SitePlan, now = Date.now()): Promise<IngestSummary> {
    const plan = this.plan;
    const ids = this.visitorIds;
    const gate = this.governance.gate;
    const a: Accounting = { metrics: this.metrics, log: this.log, governance: this.governance, plan, now, rows: [], summary: { accepted: 0, blocked: 0, failed: 0 }, committed: new Set(), tally: new MetricTally() };
    const prepared = ids.prepare ? this.prepareIds(ids.prepare.bind(ids), events, site, plan, now) : undefined;
    await Promise.all([prepared, this.governance.prepare(events, now)]);
    const claim = this.dedup ? await this.dedup.claim(site.name, events, (ev) => visitorKeyOf(ev, site), now) : undefined;
    try {
      const slices = new TimeSlices();
      for (let i = 0; i < events.length; i++) {
        const pause = slices.pause(i);
        if (pause !== undefined) { a.tally.flush(); await pause; } // /metrics shows a large request's progress
        const key = claim?.keys[i];
        if (claim && key === undefined && typeof events[i].messageId === 'string') { a.summary.accepted++; a.tally.add(this.metrics.duplicates, {}, ''); continue; }
        accountOutcome(a, events[i], processEvent(events[i], site, plan, ids, now, gate), key);
      }
      a.tally.flush();
      await this.spool.enqueue(a.rows);
    } catch (err) { a.tally.flush(); claim?.release(err, a.committed, now); throw err; }
    claim?.release(undefined, a.committed, now);
    for (const w of this.workers) w.wake();
    await claim?.settled();
    return a.summary;
  }

  /** Shared id stores answer asynchronously: resolve this request's ids before the pipeline runs. */
  private async prepareIds(prepare: NonNullable<VisitorIds['prepare']>, events: readonly JsonObject[], site: SitePlan, plan: Plan, now: number): Promise<void> {
    const destinations = plan.destinations.filter((d) => d.allow.allows('visitor_id') || d.allow.allows('group_id')).map((d) => d.name);
    try {
      await prepare(events.flatMap((ev) => [visitorKeyOf(ev, site), ...callIdKeys(ev)]), destinations, now);
    } catch (err) {
      throw err instanceof PhiwallError ? err : new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: String((err as { code?: unknown }).code ?? 'error') });
    }
  }

  startWorkers(): void {
    const policy = this.policy;
    this.workers = this.plan.destinations.map((d) => new DestinationWorker(d, this.spool, this.metrics, this.log, { idlePollMs: 250, hooks: this.governance.deliveryHooks, policy }));
    for (const w of this.workers) w.start();
  }

  /**
   * Each destination's projection policy under the running plan, recorded with its version in
   * the spool, so that delivery (here, after a restart, or on another instance) can tell whether
   * a row of an older version was scrubbed under a policy its destination no longer has. A failed
   * record only makes this plan's rows "unknown policy" to a later plan (re-checked: fail closed).
   */
  private recordPolicies(): PolicyView {
    const view: PolicyView = { plan: this.plan, version: this.plan.version, policies: destinationPolicies(this.config.rules, this.plan) };
    this.spool.recordPolicies(view.version, view.policies).catch((err: unknown) => this.log.error({ code: errorCode(err) }, 'policy history write failed'));
    return view;
  }

  /** Which reloads this process writes the audit record of (serve sets it; embedded runtimes record all). */
  get reloadAudit(): ReloadAuditPolicy | undefined {
    return this.opts.reloadAudit;
  }

  /**
   * Re-reads the config; an invalid one is refused and the old plan stays. `by`: the admin who
   * asked; without it the reload is the system's (file watch, SIGHUP).
   */
  async reload(by?: Actor): Promise<boolean> {
    const actor = by ?? { actor: 'system', role: 'system' };
    const audit = this.opts.reloadAudit;
    const worker: Record<string, number> = audit?.worker !== undefined ? { worker: audit.worker } : {};
    const before = configHash(this.config.rules);
    let next: Plan;
    let config: LoadedConfig;
    try {
      config = loadConfig(this.opts.configPath);
      next = compileLocated(config, { dataDir: this.opts.dataDir, onBackgroundError: this.backgroundError });
    } catch (err) {
      this.metrics.configReloads.inc({ result: 'refused' });
      this.governance.record({ ...actor, action: 'config.reload', configBefore: before, details: { result: 'refused', problems: String((err as Error).message).split('\n').length, ...worker } });
      this.log.error({ problems: String((err as Error).message).split('\n').slice(0, 20) }, 'config reload refused; keeping the current plan');
      return false;
    }
    const old = this.plan;
    const delivering = this.workers.length > 0;
    await Promise.all(this.workers.map((w) => w.stop(5000)));
    this.plan = next;
    this.config = config;
    this.policy = this.recordPolicies();
    this.metrics.planVersion.reset();
    this.metrics.planVersion.set({ version: next.version }, 1);
    if (delivering) this.startWorkers();
    await Promise.all(old.destinations.map((d) => d.destination.close()));
    this.metrics.configReloads.inc({ result: 'applied' });
    const after = configHash(config.rules);
    // In a cluster one worker records each change (src/admin/reload-audit.ts); each logs and counts its own reload.
    if (by !== undefined || audit === undefined || audit.recordsApplied(after)) {
      // A cluster worker's change nobody named is written only if the chain does not show it yet (a restarted worker may have recorded it).
      const once = by === undefined && audit?.worker !== undefined && before !== after ? { ifConfigChanged: true } : {};
      this.governance.record({ ...actor, action: 'config.reload', configBefore: before, configAfter: after, ...once, details: { result: 'applied', policyVersion: next.version, previous: old.version, ...worker } });
    }
    this.log.info({ version: next.version, previous: old.version }, 'config reloaded');
    this.logConfigWarnings();
    return true;
  }

  /** `phiwall check`'s warnings (config keys and dates, never event values), at every load. */
  private logConfigWarnings(): void {
    const warnings = locatedConfigWarnings(this.config, this.plan, Date.now());
    if (warnings.length) this.log.warn({ version: this.plan.version, warnings }, 'config warnings: allow entries that are never sent, a BAA expiring, or a rule that blocks every page');
  }

  async shutdown(timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    clearInterval(this.maintenance);
    await Promise.all(this.workers.map((w) => w.stop(timeoutMs)));
    await Promise.all(this.plan.destinations.map((d) => d.destination.close()));
    // Governance first: with Postgres its queued audit records are written through the spool's pool.
    // What is left of the timeout (at least 1 s: `serve` allows 2 s past it before a hard exit).
    await this.governance.close(Math.max(1000, end - Date.now()));
    this.sharedClaims?.close();
    await this.spool.close();
  }
}
