import type { Context } from 'hono';
import { z } from 'zod';
import { AggregateDestination } from '../destinations/aggregate.js';
import { issuesDetail, PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { readJsonBody, resolveSite, writeKeyOf, type AppEnv } from '../server/ingest.js';
import { forwardOffline } from './forwarder.js';
import { emailHmac, visitorHmac } from './join-key.js';

// POST /v1/conversions: offline conversions from a BAA-covered backend (scheduling, call
// tracking). The join key (the phiwall visitor token = the snippet's anonymousId, or an
// email) is turned into an HMAC at once and looked up; the raw value is never stored or echoed.

const MAX_FUTURE_MS = 5 * 60_000;

export const ConversionInput = z.strictObject({
  /** The sender's own id: the same id again is a duplicate, or confirms a pending conversion. */
  id: z.string().min(1).max(128),
  type: z.string().min(1).max(64).regex(/^[A-Za-z0-9 _.:-]+$/, 'letters, digits, space and _.:- only'),
  time: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]),
  value: z.number().finite().min(0).max(1e9).default(0),
  status: z.enum(['pending', 'confirmed']).default('confirmed'),
  /** ISO 4217 code of `value`, passed on when the conversion is forwarded. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').optional(),
  /** Join keys: the visitor token is tried first, then the email. */
  visitor_token: z.string().min(1).max(200).optional(),
  email: z.string().min(3).max(320).optional(),
  /** Match keys for forwarding only (hashed at once, never stored). */
  phone: z.string().min(7).max(32).optional(),
  gclid: z.string().regex(/^[A-Za-z0-9_-]{8,200}$/, 'a Google click id').optional(),
  /** Whose marketing authorization covers forwarding (the id used with /v1/authorizations); default: the visitor token. */
  subject: z.string().min(1).max(200).optional(),
}).refine((c) => c.visitor_token !== undefined || c.email !== undefined, { message: 'give visitor_token or email (or both)' });
export type ConversionInput = z.infer<typeof ConversionInput>;

export const ConversionsBody = z.union([z.strictObject({ conversions: z.array(ConversionInput).min(1).max(1000), writeKey: z.string().optional() }), ConversionInput]);

export interface ConversionSummary { inserted: number; confirmed: number; duplicates: number; unmatched: number }

function parseBody(body: unknown): ConversionInput[] {
  const parsed = ConversionsBody.safeParse(body);
  if (!parsed.success) {
    throw new PhiwallError('PW_ERR_INVALID_CONVERSION', { detail: issuesDetail(parsed.error.issues, '(body)') });
  }
  return 'conversions' in parsed.data ? parsed.data.conversions : [parsed.data];
}

function timeOf(c: ConversionInput, now: number, index: number): number {
  const t = typeof c.time === 'number' ? c.time : Date.parse(c.time);
  if (t > now + MAX_FUTURE_MS) throw new PhiwallError('PW_ERR_INVALID_CONVERSION', { detail: `conversions.${index}.time: in the future` });
  return t;
}

/** Records conversions in one aggregate destination with attribution; all or nothing. */
export async function recordOfflineConversions(dest: AggregateDestination, items: readonly ConversionInput[], times: readonly number[]): Promise<ConversionSummary> {
  const summary: ConversionSummary = { inserted: 0, confirmed: 0, duplicates: 0, unmatched: 0 };
  const secret = dest.secretKey();
  await dest.store.transaction(async (w) => {
    for (const [i, c] of items.entries()) {
      const byToken = c.visitor_token === undefined ? undefined : await w.findJourney(dest.name, visitorHmac(secret, c.visitor_token));
      const emailKey = byToken === undefined && c.email !== undefined ? emailHmac(secret, c.email) : undefined;
      const journey = byToken ?? (emailKey === undefined ? undefined : await w.journeyByEmail(dest.name, emailKey));
      if (journey === undefined) summary.unmatched++;
      const outcome = await w.addConversion(dest.name, {
        conversion_id: `offline:${c.id}`, journey: journey ?? '', type: c.type, time: times[i], value: c.value, status: c.status, source: 'offline',
      });
      if (outcome === 'inserted') summary.inserted++; else if (outcome === 'confirmed') summary.confirmed++; else summary.duplicates++;
    }
  });
  return summary;
}

export function attributionDestinations(runtime: Runtime): AggregateDestination[] {
  return runtime.plan.destinations.map((d) => d.destination).filter((d): d is AggregateDestination => d instanceof AggregateDestination && d.config.attribution !== undefined);
}

export async function handleConversions(c: Context<AppEnv>, runtime: Runtime): Promise<Response> {
  const body = await readJsonBody(c, runtime.plan.limits.bodyBytes);
  const site = resolveSite(c, runtime, writeKeyOf(c, body));
  if (!site.backend) throw new PhiwallError('PW_ERR_FORBIDDEN', { detail: 'offline conversions need the write key of a backend site (backend: true)' });
  const items = parseBody(body);
  const now = Date.now();
  const times = items.map((item, i) => timeOf(item, now, i));
  const dests = attributionDestinations(runtime);
  if (dests.length === 0) throw new PhiwallError('PW_ERR_NO_ATTRIBUTION');
  const forwardItems = items.map((item, i) => ({ ...item, time: times[i], subject: item.subject ?? item.visitor_token }));
  const results = [];
  for (const d of dests) {
    const recorded = await recordOfflineConversions(d, items, times);
    const forwarded = await forwardOffline(runtime, d, forwardItems, now);
    results.push(forwarded ? { destination: d.name, ...recorded, forwarded } : { destination: d.name, ...recorded });
  }
  runtime.log.info({ conversions: items.length, destinations: results.map((r) => r.destination) }, 'offline conversions recorded');
  return c.json({ success: true, received: items.length, results }, 200);
}
