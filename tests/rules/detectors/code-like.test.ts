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
