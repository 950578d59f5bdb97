import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentUtcYear } from '../../src/common/current-year.js';

describe('the wall clock\'s year for the detectors', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('turns to the new year within a minute of midnight UTC, and follows a clock set back', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-31T23:59:30Z'), toFake: ['Date'] });
    expect(currentUtcYear()).toBe(2026);
    vi.setSystemTime(Date.parse('2027-01-01T00:00:10Z'));
    expect(currentUtcYear()).toBe(2026); // read less than a minute ago
    vi.setSystemTime(Date.parse('2027-01-01T00:00:31Z'));
    expect(currentUtcYear()).toBe(2027);
    vi.setSystemTime(Date.parse('2026-06-01T00:00:00Z'));
    expect(currentUtcYear()).toBe(2026);
  });
});
