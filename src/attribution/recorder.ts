import type { AggregateWriter, ConversionOutcome } from '../aggregates/store.js';
import type { AttributionOptions } from '../aggregates/options.js';
import type { AttributionPart } from '../aggregates/record.js';
import { DAY_MS } from '../aggregates/options.js';

/** Records one event's touch / lead / conversion under the visitor's random attribution id. */
export async function recordAttribution(w: AggregateWriter, dest: string, a: AttributionPart, time: number, opts: AttributionOptions, now: number): Promise<ConversionOutcome | undefined> {
  const journey = await w.journeyFor(dest, a.v, now);
  if (a.e) await w.linkEmail(dest, a.e, journey, now);
  if (a.touch && !(await isRepeat(w, dest, journey, a, time, opts.session_minutes * 60_000))) {
    await w.addTouch(dest, { journey, time, channel: a.ch, campaign: a.cp, lead: 0 });
  }
  if (a.lead) await w.markLead(dest, journey, time);
  if (!a.conv) return undefined;
  return w.addConversion(dest, {
    conversion_id: `online:${a.conv.id}`, journey, type: a.conv.type, time, value: a.conv.value, status: opts.online_status, source: 'online',
  });
}

/** Page views inside a session are navigation, not new touches; a repeat of the same campaign neither. */
async function isRepeat(w: AggregateWriter, dest: string, journey: string, a: AttributionPart, time: number, sessionMs: number): Promise<boolean> {
  const last = await w.lastTouch(dest, journey);
  if (!last || time < last.time || time - last.time >= sessionMs) return false;
  return a.direct || (last.channel === a.ch && last.campaign === a.cp);
}

export function lookbackMs(opts: AttributionOptions): number {
  return opts.lookback_days * DAY_MS;
}
