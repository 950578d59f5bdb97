import { describe, expect, it } from 'vitest';
import { computeCredits } from '../../src/attribution/credits.js';
import { creditWeights, parseModel, type Touch } from '../../src/attribution/models.js';

const DAY = 86_400_000;
const CONV = Date.parse('2026-11-20T10:00:00Z');
const HALF_LIFE = { halfLifeMs: 7 * DAY };
const touch = (daysBefore: number, channel: string, lead = false): Touch => ({ time: CONV - daysBefore * DAY, channel, campaign: '(none)', lead });

// Journey A of the README: paid search 14 days out, email 7, organic search 1 (the lead), direct on the day.
const A = [touch(14, 'paid_search'), touch(7, 'email'), touch(1, 'organic_search', true), touch(0, 'direct')];
const weights = (model: Parameters<typeof creditWeights>[0], touches: Touch[]) => creditWeights(model, touches, CONV, HALF_LIFE);

function expectWeights(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 12));
  expect(actual.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
}

describe('attribution models: exact credits on hand-computed journeys', () => {
  it('last click and first touch give everything to one end', () => {
    expectWeights(weights('last_click', A), [0, 0, 0, 1]);
    expectWeights(weights('first_touch', A), [1, 0, 0, 0]);
  });

  it('linear splits evenly', () => {
    expectWeights(weights('linear', A), [0.25, 0.25, 0.25, 0.25]);
  });

  it('time decay halves per half-life: 2^-2, 2^-1, 2^-1/7, 1 normalised', () => {
    const raw = [0.25, 0.5, 2 ** (-1 / 7), 1];
    const sum = raw.reduce((a, b) => a + b, 0); // 2.6557236...
    expectWeights(weights('time_decay', A), raw.map((r) => r / sum));
    expect(weights('time_decay', A)[0]).toBeCloseTo(0.0941362, 6);
  });

  it('U-shaped gives 40/20/40 with the 20 spread over the middle', () => {
    expectWeights(weights('u_shaped', A), [0.4, 0.1, 0.1, 0.4]);
    expectWeights(weights('u_shaped', [...A, touch(0, 'email')]), [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4]);
  });

  it('W-shaped gives 30 to first, lead and last and spreads 10 over the rest', () => {
    expectWeights(weights('w_shaped', A), [0.3, 0.1, 0.3, 0.3]);
    // Without a flagged lead the middle touch ((n-1)/2 rounded down) is the lead.
    const noLead = A.map((t) => ({ ...t, lead: false }));
    expectWeights(weights('w_shaped', noLead), [0.3, 0.3, 0.1, 0.3]);
    expectWeights(weights('w_shaped', [...noLead, touch(0, 'x')]), [0.3, 0.05, 0.3, 0.05, 0.3]);
    expectWeights(weights('w_shaped', noLead.slice(0, 3)), [1 / 3, 1 / 3, 1 / 3]);
  });

  it('one touch gets everything and two touches split in half (U, W), in every model', () => {
    for (const m of ['last_click', 'first_touch', 'linear', 'time_decay', 'u_shaped', 'w_shaped'] as const) expectWeights(weights(m, [touch(3, 'email')]), [1]);
    expectWeights(weights('u_shaped', A.slice(0, 2)), [0.5, 0.5]);
    expectWeights(weights('w_shaped', A.slice(0, 2)), [0.5, 0.5]);
    expectWeights(weights('time_decay', [touch(7, 'a'), touch(0, 'b')]), [1 / 3, 2 / 3]);
  });

  it('parses CLI spellings', () => {
    expect(parseModel('time-decay')).toBe('time_decay');
    expect(parseModel('U-Shaped')).toBe('u_shaped');
    expect(parseModel('nope')).toBeUndefined();
  });
});

describe('credits per day, channel and campaign', () => {
  it('applies the lookback window, ignores later touches and credits touchless conversions to (no touch)', () => {
    const journeys = new Map([
      ['a', [touch(100, 'display'), touch(14, 'paid_search'), touch(0, 'email'), { ...touch(0, 'referral'), time: CONV + DAY }]],
    ]);
    const conversions = [{ journey: 'a', time: CONV, type: 'Appointment Requested', value: 300 }, { journey: 'nobody', time: CONV, type: 'Call', value: 0 }];
    const cells = computeCredits(journeys, conversions, { model: 'linear', lookbackMs: 90 * DAY, halfLifeMs: 7 * DAY });
    expect(cells).toEqual([
      { day: '2026-11-20', channel: '(no touch)', campaign: '(none)', credit: 1, value: 0, conversions: 1 },
      { day: '2026-11-20', channel: 'email', campaign: '(none)', credit: 0.5, value: 150, conversions: 1 },
      { day: '2026-11-20', channel: 'paid_search', campaign: '(none)', credit: 0.5, value: 150, conversions: 1 },
    ]);
  });
});
