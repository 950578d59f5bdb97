import { z } from 'zod';
import { MODELS } from '../attribution/models.js';

export const DIMENSIONS = ['event', 'page_group', 'channel', 'campaign', 'device', 'region'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A Google Ads or Meta destination that receives each confirmed offline conversion. */
export const ForwardTarget = z.union([
  z.string().regex(/^[a-z][a-z0-9_-]*$/),
  z.strictObject({
    destination: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    /** Meta only: the standard event sent (never the conversion type, which may name a service line). */
    event_name: z.enum(['Schedule', 'Lead', 'Purchase', 'SubmitApplication', 'Contact', 'CompleteRegistration']).default('Schedule'),
    /** Meta only: where the conversion happened (physical_store may be up to 62 days old, the others 7). */
    action_source: z.enum(['physical_store', 'system_generated', 'phone_call', 'other']).default('physical_store'),
  }),
]).transform((t) => (typeof t === 'string' ? { destination: t, event_name: 'Schedule' as const, action_source: 'physical_store' as const } : t));
export type ForwardTarget = z.infer<typeof ForwardTarget>;

export const AttributionOptions = z.strictObject({
  /** Event names (after event_map) that count as conversions when seen online. */
  conversions: z.array(z.string().min(1)).min(1),
  /** Event names that make the preceding touch the lead touch (W-shaped). */
  lead_events: z.array(z.string().min(1)).default([]),
  lookback_days: z.number().positive().max(400).default(90),
  half_life_days: z.number().positive().default(7),
  /** Online conversions are confirmed unless staff confirm them (then: pending). */
  online_status: z.enum(['confirmed', 'pending']).default('confirmed'),
  /** Models released to sinks per finished day. */
  models: z.array(z.enum(MODELS)).default(['last_click', 'time_decay']),
  /** A direct visit within this many minutes of a previous touch is internal navigation. */
  session_minutes: z.number().positive().default(30),
  /**
   * Offline conversions (POST /v1/conversions) forwarded one by one, once confirmed, to these
   * google-ads / meta destinations (BAA + match_keys required; checked in src/config/schema.ts).
   */
  forward_offline: z.array(ForwardTarget).max(4).default([]),
});
export type AttributionOptions = z.infer<typeof AttributionOptions>;

export const AggregateConfig = z.strictObject({
  window: z.enum(['hour', 'day']).default('day'),
  dimensions: z.array(z.enum(DIMENSIONS)).min(1).default(['event', 'channel']),
  /** Numeric properties summed per cell (they must be in the destination's allow list). */
  sums: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(10).default([]),
  /** Minimum contributors per published cell (11: the usual US health-data threshold). */
  k: z.number().int().min(2).default(11),
  mode: z.enum(['other', 'suppress']).default('other'),
  /** A window is released this long after it ends; later events become corrections. */
  grace_minutes: z.number().min(0).default(60),
  release_interval_seconds: z.number().positive().default(60),
  /** Laplace noise on published counts (scale 1/epsilon); off when absent. */
  epsilon: z.number().positive().max(100).optional(),
  /** Seeds the noise (tests, reproducible demos only; production uses the OS CSPRNG). */
  seed: z.number().int().optional(),
  /** Where the database lives; default <data>/aggregates.db. */
  path: z.string().optional(),
  sinks: z.strictObject({
    /** JSON lines under <data>/out/<destination>.jsonl */
    file: z.boolean().default(true),
    webhook: z.strictObject({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1).optional() }).optional(),
  }).default({ file: true }),
  attribution: AttributionOptions.optional(),
});
export type AggregateConfig = z.infer<typeof AggregateConfig>;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function windowMs(config: AggregateConfig): number {
  return config.window === 'hour' ? HOUR_MS : DAY_MS;
}
