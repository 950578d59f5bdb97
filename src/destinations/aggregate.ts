import { join } from 'node:path';
import { ConfigError, errorCode } from '../errors.js';
import { emailHmac, emailHmacFromMatchKey, visitorHmac } from '../attribution/join-key.js';
import { recordAttribution, lookbackMs } from '../attribution/recorder.js';
import { AggregateConfig, windowMs } from '../aggregates/options.js';
import { makeRng } from '../aggregates/noise.js';
import { cellDeltas, channelOf, conversionValue, eventLabel, toRecord, type AggregateRecord, type AttributionPart } from '../aggregates/record.js';
import { releaseAttribution, releaseRollups, type ReleaseContext, type ReleaseSummary } from '../aggregates/releaser.js';
import { buildSinks, type Sink } from '../aggregates/sinks.js';
import { closeAggregateStore, openAggregateStore } from '../aggregates/backend.js';
import type { AggregateStore } from '../aggregates/store.js';
import type { JsonValue } from '../common/json.js';
import { truncateUnits } from '../common/well-formed.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, OutboundItem } from './types.js';

export { AggregateConfig };

/**
 * Counts per window and dimension set, plus (optionally) attribution touches and conversions,
 * in phiwall's own store (SQLite file, or the shared PostgreSQL). Only k-anonymous aggregates ever leave it (see releaser.ts).
 */
export class AggregateDestination implements Destination {
  readonly type = 'aggregate';
  readonly maxBatch = 500;
  readonly path: string;
  private storeRef: { key: string; store: AggregateStore } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sinks: Sink[] | undefined;
  private releasing: Promise<unknown> = Promise.resolve();
  private secretValue: string | undefined;

  constructor(readonly name: string, readonly config: AggregateConfig, private readonly deps: DestinationDeps) {
    this.path = config.path ?? join(deps.dataDir, 'aggregates.db');
    if (config.attribution && !deps.baa) {
      throw new ConfigError([`destinations.${name}: attribution needs baa: true (the journey key is the first-party anonymousId, kept inside phiwall as an HMAC) and allow: [anonymous_id]`]);
    }
  }

  /** Opened on first use, so `check` and `explain` create no files. */
  get store(): AggregateStore {
    this.storeRef ??= openAggregateStore(this.deps.dataDir, this.path);
    return this.storeRef.store;
  }

  /** The destination's own HMAC key (kept in its store), read once: map runs per event. */
  private get secret(): string {
    this.secretValue ??= this.store.secret(this.name);
    return this.secretValue;
  }

  /** The same key for request handlers (offline conversions): HMACs of conversion ids. */
  secretKey(): string {
    return this.secret;
  }

  map(event: CleanEvent): JsonValue | { skip: string } {
    const key = event.anonymousId ?? event.userId ?? event.visitorId;
    const who = key === undefined ? undefined : visitorHmac(this.secret, `u:${key}`);
    return toRecord(event, this.config, who, this.config.attribution ? (e) => this.attributionPart(e) : undefined) as unknown as JsonValue;
  }

  private attributionPart(e: CleanEvent): AttributionPart | undefined {
    const opts = this.config.attribution;
    const key = e.anonymousId ?? e.userId;
    if (!opts || key === undefined) return undefined;
    const secret = this.secret;
    const channel = channelOf(e);
    const label = eventLabel(e);
    const part: AttributionPart = {
      v: visitorHmac(secret, key), ch: channel, cp: e.campaign?.name !== undefined ? truncateUnits(e.campaign.name, 100) : '(none)',
      touch: channel !== 'direct' || e.type === 'page', direct: channel === 'direct',
    };
    // The client messageId only dedupes; stored as an HMAC since a client may put anything in it.
    if (opts.conversions.includes(label)) part.conv = { type: label, value: conversionValue(e), id: visitorHmac(secret, `m:${e.messageId}`) };
    if (opts.lead_events.includes(label)) part.lead = true;
    // An email (allowed with `actions: {email: keep}`) or its match key becomes an HMAC here, before the spool.
    const email = typeof e.traits.email === 'string' ? emailHmac(secret, e.traits.email) : undefined;
    const linked = email ?? (e.matchKeys?.em ? emailHmacFromMatchKey(secret, e.matchKeys.em) : undefined);
    if (linked) part.e = linked;
    return part;
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const now = this.deps.now();
    const records = batch.map((item) => item.payload as unknown as AggregateRecord);
    const cells = cellDeltas(records, windowMs(this.config));
    // Per visitor in time order (a stable sort keeps a visitor's events in order).
    const attributed = records.filter((r): r is AggregateRecord & { a: AttributionPart } => r.a !== undefined)
      .sort((x, y) => (x.a.v < y.a.v ? -1 : x.a.v > y.a.v ? 1 : x.t - y.t));
    const opts = this.config.attribution;
    try {
      await this.store.transaction(async (w) => {
        await w.addCells(this.name, this.config.dimensions.join(','), cells, now);
        if (opts) for (const rec of attributed) await recordAttribution(w, this.name, rec.a, rec.t, opts, now);
      });
    } catch (err) {
      return { kind: 'retry', reason: `aggregate store write failed (${String((err as { code?: unknown }).code ?? 'error')})` };
    }
    this.startTimer();
    return { kind: 'ok' };
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => { void this.releaseOnTimer(); }, this.config.release_interval_seconds * 1000);
    this.timer.unref();
  }

  /** A timer has no caller to hand a failure to: it is reported (logged and counted by the runtime), never dropped. */
  private async releaseOnTimer(): Promise<void> {
    const report = this.deps.onBackgroundError ?? ((task: string, code: string) => process.stderr.write(`phiwall: ${this.name}: ${task} failed (${code})\n`));
    try {
      const summary = await this.release();
      // A failed sink leaves its window unreleased (retried next tick), but is still a failure to see.
      if (summary.failed !== undefined) report('aggregate_release', 'sink_failed', summary.failed);
    } catch (err) {
      report('aggregate_release', errorCode(err));
    }
  }

  /** Releases due windows and attribution days to the sinks; one release at a time, across instances too. */
  release(now = this.deps.now()): Promise<ReleaseSummary> {
    const run = this.releasing.then(async () => {
      const locked = await this.store.withReleaseLock(this.name, async () => {
        const ctx = this.releaseContext();
        if (this.config.attribution) await this.store.expire(this.name, now, lookbackMs(this.config.attribution));
        const rollups = await releaseRollups(ctx, now);
        const attribution = rollups.failed ? { windows: 0, rows: 0, held: 0 } : await releaseAttribution(ctx, now);
        return { windows: rollups.windows + attribution.windows, rows: rollups.rows + attribution.rows, held: rollups.held + attribution.held, failed: rollups.failed ?? attribution.failed };
      });
      return locked.ran ? locked.value : { windows: 0, rows: 0, held: 0, skipped: true };
    });
    this.releasing = run.catch(() => undefined);
    return run;
  }

  releaseContext(): ReleaseContext {
    this.sinks ??= buildSinks(this.name, this.config, this.deps.dataDir);
    const rng = this.config.epsilon !== undefined ? makeRng(this.config.seed) : undefined;
    return { store: this.store, dest: this.name, config: this.config, sinks: this.sinks, policy: { k: this.config.k, mode: this.config.mode, epsilon: this.config.epsilon, rng } };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.releasing;
    await Promise.all((this.sinks ?? []).map((s) => s.close()));
    if (this.storeRef) { await closeAggregateStore(this.storeRef.key); this.storeRef = undefined; }
  }
}

export const aggregateDestination: DestinationType<AggregateConfig> = {
  type: 'aggregate',
  configSchema: AggregateConfig,
  describe: 'k-anonymous counts per window and dimension (event, page group, channel, campaign, device, region) and attribution credits; only released aggregates leave phiwall',
  create: (config, deps) => new AggregateDestination(deps.name, config, deps),
};
