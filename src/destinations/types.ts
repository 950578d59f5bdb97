import type { z } from 'zod';
import type { JsonObject, JsonValue } from '../common/json.js';

/**
 * The scrubbed, default-deny projection of one event for one destination. Everything here
 * has already passed the rule plan: identifiers dropped/hashed/generalised, paths of sensitive
 * pages replaced by their page group, event names mapped. Destinations only reshape it.
 */
export interface CleanEvent {
  messageId: string;
  type: 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias';
  /** Event name (track) after event_map; absent for page views. */
  event?: string;
  /** Page or screen name, when allowed. */
  name?: string;
  /** ISO-8601 time of the event (client time, clamped), and when phiwall received it. */
  timestamp: string;
  receivedAt: string;
  /** Pseudonymous visitor id for this destination (never the raw anonymousId/userId). */
  visitorId?: string;
  /** Raw ids: only present for destinations allowed to receive them (baa: true + allow). */
  userId?: string;
  anonymousId?: string;
  /**
   * A group call's groupId and an alias call's previousId: the raw id for a BAA destination
   * whose allow list takes raw ids, else this destination's pseudonymous token for it.
   */
  groupId?: string;
  previousId?: string;
  /** Session id: the session's start in seconds since the epoch (gtag's sid), when the event has one of that shape (pipeline/session-id.ts). */
  sessionId?: number;
  pageGroup?: string;
  page?: { path?: string; url?: string; referrer?: string; title?: string };
  campaign?: { source?: string; medium?: string; name?: string; term?: string; content?: string };
  /** Advertising click ids (gclid, fbclid, ttclid...) when allowed. */
  clickIds?: Record<string, string>;
  ip?: string;
  userAgent?: string;
  locale?: string;
  consent?: { analytics?: boolean; ads?: boolean };
  /** The client software as Segment's context describes it (pipeline/client-context.ts): only allowed, non-identifying fields. */
  client?: ClientContext;
  properties: JsonObject;
  traits: JsonObject;
  /**
   * Normalized SHA-256 match keys (Meta/Google/TikTok formats): only present when the rule
   * plan allows match keys for this destination and event.
   */
  matchKeys?: Partial<Record<'em' | 'ph' | 'fn' | 'ln' | 'zp' | 'ct' | 'st' | 'country' | 'db' | 'ge' | 'external_id', string>>;
}

/** Segment `context` fields about the client: time zone, OS, app, device model/type/maker, network carrier, screen, library. */
export interface ClientContext {
  timezone?: string;
  os?: Record<string, string>;
  app?: Record<string, string>;
  device?: Record<string, string>;
  screen?: Record<string, number>;
  library?: Record<string, string>;
  network?: Record<string, string>;
}

/** One spooled row handed to `send` (the leased item itself: read only). `payload` is what `map` returned. */
export interface OutboundItem {
  readonly id: string;
  readonly messageId: string;
  readonly payload: JsonValue;
  /** `payload` as the spool stored it (JSON text), when it is exactly that value: payload-json.ts posts it as is. */
  readonly payloadText?: string;
  readonly attempts: number;
  /** Epoch ms when the event was first enqueued. */
  readonly enqueuedAt: number;
}

export type ItemResult =
  | { kind: 'ok' }
  | { kind: 'retry'; delayMs?: number; reason: string }
  | { kind: 'drop'; code: string; reason: string };

/**
 * What a send returns: a value, never an exception. `per_item` carries one result per input
 * item (same order) for APIs with partial failure or after splitting a batch.
 */
export type DeliveryResult = ItemResult | { kind: 'per_item'; results: ItemResult[] };

export interface DestinationDeps {
  /** Destination name from config (used in metrics/logs, never secrets). */
  name: string;
  baa: boolean;
  /** Directory for file-based destinations (./data by default). */
  dataDir: string;
  /** Clock, injectable for tests. */
  now: () => number;
  /**
   * Failures of work a destination runs on its own timer (no caller to hand them to), by code
   * and a value-free detail: the runtime logs and counts them. Absent (tools, tests): stderr.
   */
  onBackgroundError?: (task: string, code: string, detail?: string) => void;
}

export interface Destination {
  readonly name: string;
  readonly type: string;
  /** Most items `send` accepts at once. */
  readonly maxBatch: number;
  /**
   * Pure: CleanEvent -> wire payload for one event (stored in the spool). Returns a string
   * reason instead when the event cannot be represented (it is then dropped and counted).
   */
  map(event: CleanEvent): JsonValue | { skip: string };
  send(batch: readonly OutboundItem[]): Promise<DeliveryResult>;
  close(): Promise<void>;
}

export interface DestinationType<C> {
  readonly type: string;
  /** zod schema of the type-specific config (the `options` block); unknown keys rejected. */
  readonly configSchema: z.ZodType<C>;
  /** Fields this type can use at best (for explain and default allow lists). */
  readonly describe: string;
  create(config: C, deps: DestinationDeps): Destination;
}
