import { describe, expect, it } from 'vitest';
import { MAX_CHECKED_PATH } from '../../src/pipeline/path-verdicts.js';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Page patterns of the `([a-z0-9]+-)*word(-[a-z0-9]+)*` kind backtrack quadratically in a segment's
// length, so a path longer than a URL can be (sitemaps: 2,048 characters) is not read: it blocks.
const { blocked, rows } = openPlanProbe('long');

describe('page paths longer than any real URL', () => {
  it('blocks a crafted path of repeated area words, naming why', () => {
    const crafted = `/${'appointment-'.repeat(1200)}x`;
    expect(crafted.length).toBeGreaterThan(MAX_CHECKED_PATH);
    expect(blocked(pageOn(crafted))).toBe(true);
    expect(rows(pageOn(crafted)).map((r) => r.blocked)).toContainEqual(expect.stringContaining('page_path_too_long'));
  });

  it('blocks a clean-looking path just over the limit, and lets one at the limit flow', () => {
    const at = `/blog/${'a'.repeat(MAX_CHECKED_PATH - 6)}`;
    expect(blocked(pageOn(at))).toBe(false);
    expect(blocked(pageOn(`${at}b`))).toBe(true);
  });

  it('still reads a long real-world path with a query', () => {
    const path = `/services/cardiology/heart-health-${'tips-'.repeat(40)}2026?utm_source=newsletter&utm_campaign=${'x'.repeat(300)}`;
    expect(blocked(pageOn(path))).toBe(false);
    expect(blocked(pageOn(`/patient-portal/${'messages-'.repeat(40)}`))).toBe(true);
  });
});
