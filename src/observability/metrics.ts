import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, type Aggregator } from 'prom-client';
import { clusterCall, inCluster } from '../common/cluster-ipc.js';
import type { Spool } from '../spool/port.js';

// Metric labels are destination names, rule names and reason codes: never values.
export class Metrics {
  readonly registry = new Registry();
  readonly ingested = new Counter({ name: 'phiwall_events_ingested_total', help: 'Events accepted into the pipeline', registers: [this.registry] });
  readonly rejected = new Counter({ name: 'phiwall_events_rejected_total', help: 'Events rejected at ingest', labelNames: ['reason'], registers: [this.registry] });
  readonly blocked = new Counter({ name: 'phiwall_events_blocked_total', help: 'Events blocked by a blocked_paths rule', labelNames: ['reason'], registers: [this.registry] });
  readonly failedClosed = new Counter({ name: 'phiwall_events_failed_closed_total', help: 'Events dropped because processing failed', labelNames: ['reason'], registers: [this.registry] });
  readonly routed = new Counter({ name: 'phiwall_events_routed_total', help: 'Events spooled per destination', labelNames: ['destination'], registers: [this.registry] });
  readonly duplicates = new Counter({ name: 'phiwall_events_duplicate_total', help: 'Copies of events already taken (a retried POST, same messageId and sender within 24 h): answered, not processed again', registers: [this.registry] });
  readonly skipped = new Counter({ name: 'phiwall_events_skipped_total', help: 'Events not sent to a destination', labelNames: ['destination', 'reason'], registers: [this.registry] });
  readonly identifierHits = new Counter({ name: 'phiwall_identifier_hits_total', help: 'Identifier rules or detectors that fired', labelNames: ['identifier'], registers: [this.registry] });
  readonly delivered = new Counter({ name: 'phiwall_delivered_total', help: 'Events confirmed by a destination', labelNames: ['destination'], registers: [this.registry] });
  readonly retried = new Counter({ name: 'phiwall_retried_total', help: 'Events scheduled for another attempt', labelNames: ['destination'], registers: [this.registry] });
  readonly deadLettered = new Counter({ name: 'phiwall_dead_lettered_total', help: 'Events moved to dead letters', labelNames: ['destination', 'code'], registers: [this.registry] });
  readonly sendSeconds = new Histogram({ name: 'phiwall_send_seconds', help: 'Destination request latency', labelNames: ['destination'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly spoolDepth = new Gauge({ name: 'phiwall_spool_depth', help: 'Pending spool rows', labelNames: ['destination'], registers: [this.registry] });
  readonly planVersion = new Gauge({ name: 'phiwall_plan_info', help: 'Loaded rule plan (version label); in a cluster, the number of workers running it', labelNames: ['version'], registers: [this.registry] });
  readonly configReloads = new Counter({ name: 'phiwall_config_reloads_total', help: 'Config reload attempts', labelNames: ['result'], registers: [this.registry] });
  readonly backgroundErrors = new Counter({ name: 'phiwall_background_errors_total', help: 'Failures of timer work with no request to answer (e.g. aggregate releases), by task, destination and error code', labelNames: ['task', 'destination', 'code'], registers: [this.registry] });
}

/** The spool depth gauge is read from the spool at scrape time. */
async function refreshSpoolDepth(metrics: Metrics, spool: Pick<Spool, 'stats'>): Promise<void> {
  const stats = await spool.stats();
  metrics.spoolDepth.reset();
  for (const [d, s] of Object.entries(stats.byDestination)) metrics.spoolDepth.set({ destination: d }, s.pending);
}

/** The cluster call a worker answers with localMetricsJson (registered by `phiwall serve`). */
export const METRICS_OP = 'metrics';

/** This process's metrics as JSON: what a cluster worker answers when another one scrapes. */
export async function localMetricsJson(metrics: Metrics, spool: Pick<Spool, 'stats'>): Promise<unknown[]> {
  await refreshSpoolDepth(metrics, spool);
  return metrics.registry.getMetricsAsJSON();
}

// Counters and histograms add up across workers (prom-client's default). Gauges add up where each
// worker holds its own share (its spool's depth; workers per plan version); the other gauges
// (e.g. phiwall_baa_expired) are the same shared state seen by every worker: the highest is kept.
const SUMMED_GAUGES = new Set(['phiwall_spool_depth', 'phiwall_plan_info']);

interface MetricJson { name: string; type: unknown; aggregator?: Aggregator; values: unknown[] }
const isMetricList = (a: unknown): a is MetricJson[] => Array.isArray(a) && a.every((m) => typeof m === 'object' && m !== null && typeof (m as MetricJson).name === 'string' && Array.isArray((m as MetricJson).values));

function aggregate(answers: readonly unknown[], workers: number, spoolShared: boolean): Registry {
  // A shared (Postgres) spool's depth is the same figure in every worker's answer.
  const summed = (name: string) => SUMMED_GAUGES.has(name) && !(spoolShared && name === 'phiwall_spool_depth');
  const lists = answers.filter(isMetricList).map((list) => list.map((m) =>
    m.type === 'gauge' && !summed(m.name) ? { ...m, aggregator: 'max' as const } : m));
  const merged: Registry = AggregatorRegistry.aggregate(lists);
  new Gauge({ name: 'phiwall_cluster_workers', help: 'Cluster workers configured (--workers)', registers: [merged] }).set(workers);
  new Gauge({ name: 'phiwall_cluster_workers_reporting', help: 'Cluster workers whose metrics are in this scrape (alert when below phiwall_cluster_workers)', registers: [merged] }).set(lists.length);
  return merged;
}

/**
 * The text a /metrics scrape returns. In a cluster the connection lands on one worker, so that
 * worker gathers every worker's metrics over the cluster IPC channel and merges them: the
 * scrape describes the whole collector. A worker that does not answer within a second is left
 * out (phiwall_cluster_workers_reporting says so); if the primary is gone, this worker answers alone.
 */
export async function renderMetrics(metrics: Metrics, spool: Pick<Spool, 'stats'>, spoolShared: boolean): Promise<{ text: string; contentType: string }> {
  if (inCluster()) {
    const reply = await clusterCall(METRICS_OP).catch(() => undefined);
    const merged = aggregate(reply?.results ?? [await localMetricsJson(metrics, spool)], reply?.workers ?? 1, spoolShared);
    return { text: await merged.metrics(), contentType: merged.contentType };
  }
  await refreshSpoolDepth(metrics, spool);
  return { text: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
