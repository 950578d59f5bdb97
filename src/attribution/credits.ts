import { creditWeights, type ModelName, type ModelOptions, type Touch } from './models.js';

export interface Conversion {
  /** Internal attribution id of the converting visitor (never forwarded). */
  journey: string;
  time: number;
  type: string;
  value: number;
}

/** Credits for one (conversion day, channel, campaign). */
export interface CreditCell {
  day: string;
  channel: string;
  campaign: string;
  /** Sum of fractional conversions credited here. */
  credit: number;
  /** Sum of credit * conversion value. */
  value: number;
  /** Distinct conversions with non-zero credit here: the count k-anonymity applies to. */
  conversions: number;
}

export interface CreditOptions extends ModelOptions {
  model: ModelName;
  lookbackMs: number;
}

const NO_TOUCH: Touch = { time: 0, channel: '(no touch)', campaign: '(none)' };

/** Touches of one journey inside the lookback window before `time`, oldest first. */
export function touchesBefore(touches: readonly Touch[], time: number, lookbackMs: number): Touch[] {
  return touches.filter((t) => t.time <= time && t.time >= time - lookbackMs).sort((a, b) => a.time - b.time);
}

/**
 * Splits each conversion's unit of credit over its journey. A conversion without a touch in
 * the window (or an offline one that matched no visitor) is credited to channel `(no touch)`, so totals always equal the conversion count.
 */
export function computeCredits(journeys: ReadonlyMap<string, readonly Touch[]>, conversions: readonly Conversion[], opts: CreditOptions): CreditCell[] {
  const cells = new Map<string, CreditCell>();
  for (const conv of conversions) {
    const found = touchesBefore(journeys.get(conv.journey) ?? [], conv.time, opts.lookbackMs);
    const touches = found.length ? found : [{ ...NO_TOUCH, time: conv.time }];
    const weights = creditWeights(opts.model, touches, conv.time, opts);
    const day = new Date(conv.time).toISOString().slice(0, 10);
    const seen = new Set<string>();
    touches.forEach((t, i) => {
      if (weights[i] === 0) return;
      const key = `${day}\u0000${t.channel}\u0000${t.campaign}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { day, channel: t.channel, campaign: t.campaign, credit: 0, value: 0, conversions: 0 }));
      cell.credit += weights[i];
      cell.value += weights[i] * conv.value;
      if (!seen.has(key)) { seen.add(key); cell.conversions++; }
    });
  }
  return [...cells.values()].sort((a, b) => a.day.localeCompare(b.day) || b.credit - a.credit || a.channel.localeCompare(b.channel) || a.campaign.localeCompare(b.campaign));
}
