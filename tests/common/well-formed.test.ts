import { describe, expect, it } from 'vitest';
import { makeWellFormed, percentEscapesAreUtf8, truncateUnits, wellFormed } from '../../src/common/well-formed.js';
import { ga4Params } from '../../src/destinations/ga4-payload.js';
import { toMixpanelEvent } from '../../src/destinations/mixpanel.js';
import type { CleanEvent } from '../../src/destinations/types.js';

const lone = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('well-formed text', () => {
  it('replaces lone surrogates only', () => {
    expect(wellFormed('a\uD800b\uDC00\uD83D\uDE00')).toBe('a\uFFFDb\uFFFD\uD83D\uDE00');
    expect(wellFormed('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
  });

  it('walks a value nested far past the depth limit without overflowing the stack', () => {
    let deep: unknown = '\uD800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => makeWellFormed(deep as string[])).not.toThrow();
  });

  it('a cut at a vendor limit never splits a surrogate pair', () => {
    const s = `${'a'.repeat(99)}\u{1F600}tail`;
    expect(truncateUnits(s, 100)).toBe('a'.repeat(99));
    expect(truncateUnits(s, 101)).toBe(`${'a'.repeat(99)}\u{1F600}`);
  });

  it('GA4 (100) and Mixpanel (255) caps leave an emoji at the limit whole or out', () => {
    const value = `${'a'.repeat(99)}\u{1F600}${'b'.repeat(300)}`;
    const ev = { type: 'track', event: 'Emoji', messageId: 'm1', timestamp: new Date().toISOString(), anonymousId: 'v1', properties: { note: value, other: `${'c'.repeat(254)}\u{1F600}` } } as unknown as CleanEvent;
    const ga4 = JSON.stringify(ga4Params(ev));
    const mp = JSON.stringify(toMixpanelEvent(ev));
    for (const out of [ga4, mp]) {
      expect(out).not.toMatch(/\\ud[89a-f]/i);
      expect(lone(JSON.parse(out) as string)).toBe(false);
    }
  });

  it('percent escapes: UTF-8 runs pass, Latin-1 and encoded surrogates do not', () => {
    expect(percentEscapesAreUtf8('en=caf%C3%A9&x=%F0%9F%98%80&y=%20')).toBe(true);
    expect(percentEscapesAreUtf8('en=page_view&dl=https%3A%2F%2Fx.org%2F')).toBe(true);
    expect(percentEscapesAreUtf8('en=caf%E9')).toBe(false);
    expect(percentEscapesAreUtf8('x=%ED%A0%80')).toBe(false);
    expect(percentEscapesAreUtf8('x=%C3')).toBe(false);
  });
});
