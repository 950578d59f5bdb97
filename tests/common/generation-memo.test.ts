import { describe, expect, it } from 'vitest';
import { GenerationMemo } from '../../src/common/bounded-memo.js';

describe('GenerationMemo', () => {
  it('holds at most two generations and keeps the keys in use through a turnover', () => {
    const memo = new GenerationMemo<number>(100);
    for (let i = 0; i < 1000; i++) {
      memo.set(`k${i}`, i);
      // One key asked again and again stays, however many others pass through.
      expect(memo.get('k0')).toBe(0);
      expect(memo.size).toBeLessThanOrEqual(200);
    }
    expect(memo.get('k0')).toBe(0);
    expect(memo.get('k999')).toBe(999);
    expect(memo.get('k500')).toBeUndefined();
  });
});
