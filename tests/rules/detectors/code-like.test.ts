import { describe, expect, it } from 'vitest';
import { codeLikeDetector } from '../../../src/rules/detectors/code-like.js';
import type { Detection } from '../../../src/rules/detectors/types.js';

const find = (text: string) => { const out: Detection[] = []; codeLikeDetector.find(text, out); return out.map((d) => text.slice(d.start, d.end)); };

describe('code_like detector', () => {
  it.each(['XZH809674012', '1HGCM886323A146222', 'usr_d36fc5950a286f5eb0ec', 'order A12B34C56D'])('finds unique codes in %s', (text) => {
    expect(find(text).length).toBe(1);
  });
  it.each(['2024-flu-season', 'cardiology', 'contact-us', 'nov-digest', 'covid19 vaccine', 'Chrome 131 / Windows'])('leaves words, slugs and versions alone: %s', (text) => {
    expect(find(text)).toEqual([]);
  });
  it('finds a code next to a hyphen', () => {
    expect(find('member-XZH809674012')).toEqual(['XZH809674012']);
  });
});

describe('code_like: a creative or campaign label in snake_case (H74)', () => {
  it.each(['banner_728x90_v2', 'display_300x250_q4', 'video_1920x1080_v3', 'hero_1080x1080_b'])('keeps %s', (text) => {
    expect(find(text)).toEqual([]);
  });
  it.each(['xjh_4488_12019', 'jsmith_1961_a', 'member_448812019', 'banner_300x250_728x90_v2', 'ab_12_34_56_7890'])('still finds the code in %s', (text) => {
    expect(find(text).length).toBe(1);
  });
});
