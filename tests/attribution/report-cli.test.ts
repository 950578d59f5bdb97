import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { reportCommand } from '../../src/cli/report.js';

// `phiwall report attribution --demo`: the README's worked example, checked to the digit.
let out = '';
beforeEach(() => { out = ''; vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; }); vi.spyOn(process.stderr, 'write').mockImplementation(() => true); });
afterEach(() => { vi.restoreAllMocks(); });

async function report(...argv: string[]): Promise<Record<string, unknown>[]> {
  expect(await reportCommand(parseArgs(['report', 'attribution', '--demo', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json', ...argv]))).toBe(0);
  return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const cells = (rows: Record<string, unknown>[]) => rows.filter((r) => r.day === '2026-11-20').map((r) => [r.row, r.channel, r.campaign, r.credit, r.conversions]);

describe('phiwall report attribution --demo', () => {
  it('last click: 12 direct (A) + 5 referral (D) merged as other, complementary suppression included', async () => {
    expect(cells(await report('--model', 'last-click'))).toEqual([
      ['cell', 'email', 'nov-digest', 12, 12],
      ['cell', 'paid_search', 'cardio-fall', 12, 12],
      ['other', '(other)', '(other)', 17, 17],
      ['total', '(total)', '(total)', 41, 41],
    ]);
  });

  it('time decay (half-life 7 days): A credits 2^-2 : 2^-1 : 2^-1/7 : 1, B 1:2', async () => {
    const sum = 0.25 + 0.5 + 2 ** (-1 / 7) + 1;
    const rows = await report('--model', 'time-decay');
    expect(cells(rows)).toEqual([
      ['cell', 'paid_social', 'ortho-spring', 4, 12],
      ['cell', 'email', 'nov-digest', Math.round((12 * 0.5 / sum + 12) * 1e4) / 1e4, 24],
      ['cell', 'paid_search', 'cardio-fall', Math.round((12 * 0.25 / sum + 8) * 1e4) / 1e4, 24],
      ['other', '(other)', '(other)', Math.round((12 * (2 ** (-1 / 7) + 1) / sum + 5) * 1e4) / 1e4, 29],
      ['total', '(total)', '(total)', 41, 41],
    ]);
    expect(rows.find((r) => r.day === '2026-11-21')).toEqual({ day: '2026-11-21', model: 'time_decay', row: 'withheld', reason: 'fewer than 11 conversions' });
  });

  it('every model keeps credits summing to the conversions and no row below k', async () => {
    const rows = await report('--model', 'all');
    for (const model of ['last_click', 'first_touch', 'linear', 'time_decay', 'u_shaped', 'w_shaped']) {
      const day = rows.filter((r) => r.model === model && r.day === '2026-11-20' && r.row !== 'total');
      expect(day.reduce((s, r) => s + (r.credit as number), 0)).toBeCloseTo(41, 3);
      for (const r of day) expect(r.conversions as number).toBeGreaterThanOrEqual(11);
    }
  });

  it('refuses an unknown model with exit code 2', async () => {
    expect(await reportCommand(parseArgs(['report', 'attribution', '--demo', '--model', 'magic']))).toBe(2);
  });
});
