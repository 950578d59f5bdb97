import { Counter, Gauge, Histogram, Registry } from 'prom-client';

// Metric labels are destination names, rule names and reason codes: never values.
export class Metrics {
  readonly registry = new Registry();
  readonly ingested = new Counter({ name: 'phiwall_events_ingested_total', help: 'Events accepted into the pipeline', registers: [this.registry] });
  readonly rejected = new Counter({ name: 'phiwall_events_rejected_total', help: 'Events rejected at ingest', labelNames: ['reason'], registers: [this.registry] });
  readonly blocked = new Counter({ name: 'phiwall_events_blocked_total', help: 'Events blocked by a blocked_paths rule', labelNames: ['reason'], registers: [this.registry] });
  readonly failedClosed = new Counter({ name: 'phiwall_events_failed_closed_total', help: 'Events dropped because processing failed', labelNames: ['reason'], registers: [this.registry] });
  readonly routed = new Counter({ name: 'phiwall_events_routed_total', help: 'Events spooled per destination', labelNames: ['destination'], registers: [this.registry] });
  readonly skipped = new Counter({ name: 'phiwall_events_skipped_total', help: 'Events not sent to a destination', labelNames: ['destination', 'reason'], registers: [this.registry] });
  readonly identifierHits = new Counter({ name: 'phiwall_identifier_hits_total', help: 'Identifier rules or detectors that fired', labelNames: ['identifier'], registers: [this.registry] });
  readonly delivered = new Counter({ name: 'phiwall_delivered_total', help: 'Events confirmed by a destination', labelNames: ['destination'], registers: [this.registry] });
  readonly retried = new Counter({ name: 'phiwall_retried_total', help: 'Events scheduled for another attempt', labelNames: ['destination'], registers: [this.registry] });
  readonly deadLettered = new Counter({ name: 'phiwall_dead_lettered_total', help: 'Events moved to dead letters', labelNames: ['destination', 'code'], registers: [this.registry] });
  readonly sendSeconds = new Histogram({ name: 'phiwall_send_seconds', help: 'Destination request latency', labelNames: ['destination'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly spoolDepth = new Gauge({ name: 'phiwall_spool_depth', help: 'Pending spool rows', labelNames: ['destination'], registers: [this.registry] });
  readonly planVersion = new Gauge({ name: 'phiwall_plan_info', help: 'Loaded rule plan (version label)', labelNames: ['version'], registers: [this.registry] });
  readonly configReloads = new Counter({ name: 'phiwall_config_reloads_total', help: 'Config reload attempts', labelNames: ['result'], registers: [this.registry] });
}
