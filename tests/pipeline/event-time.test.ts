import { afterEach, describe, expect, it } from 'vitest';
import { eventTime } from '../../src/pipeline/time-and-consent.js';

// A client timestamp without a zone must mean the same instant wherever phiwall runs: Date.parse
// reads `2026-11-29T09:00:00` in the server's local zone. Node honours a TZ change at run time.
describe('event time', () => {
  const tz = process.env.TZ;
  afterEach(() => { if (tz === undefined) delete process.env.TZ; else process.env.TZ = tz; });
  const received = Date.parse('2026-11-29T12:00:00Z');

  it.each(['America/New_York', 'Asia/Tokyo', 'UTC'])('reads zoneless date-times as UTC on a server in %s', (zone) => {
    process.env.TZ = zone;
    expect(eventTime({ timestamp: '2026-11-29T09:00:00' }, received)).toBe('2026-11-29T09:00:00.000Z');
    expect(eventTime({ timestamp: '2026-11-29 09:00:00.250' }, received)).toBe('2026-11-29T09:00:00.250Z');
    expect(eventTime({ timestamp: '2026-11-29T09:00' }, received)).toBe('2026-11-29T09:00:00.000Z');
    expect(eventTime({ timestamp: '2026-11-29' }, received)).toBe('2026-11-29T00:00:00.000Z');
    // Zoned times keep their zone; a time in the future or unreadable is the arrival time.
    expect(eventTime({ timestamp: '2026-11-29T09:00:00+09:00' }, received)).toBe('2026-11-29T00:00:00.000Z');
    expect(eventTime({ timestamp: '2026-11-29T13:00:00' }, received)).toBe('2026-11-29T12:00:00.000Z');
    expect(eventTime({ timestamp: 'yesterday' }, received)).toBe('2026-11-29T12:00:00.000Z');
  });
});
