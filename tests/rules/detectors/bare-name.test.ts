import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { personNameDetector } from '../../../src/rules/detectors/index.js';
import { openPlanProbe, HOME_PAGE } from '../../helpers/open-plan.js';
import { matches } from './helpers.js';

// A value that is a person's name and nothing else, under a key that names nothing (an analytics
// tool's custom dimension `eVar12`, a `label`): H70 left it flowing to a destination allowing every property.

describe('a whole value that is a bare name', () => {
  it.each(['Jane Doe', 'Dorothy Mensah', 'Mary Ann Smith', 'Robert J. Brightwater', 'Linda Okafor-Smith', "Sarah O'Neill", 'Karen McDonald'])('finds %s', (text) => {
    expect(matches(personNameDetector, text)).toEqual([text]);
  });

  it('leaves names of things: a word a site titles with, an ambiguous first word, more words, lower case', () => {
    for (const text of ['Jennifer Health', 'Maria Clinic', 'Summer Sale', 'Flu Shot', 'Grace Hospital', 'Jordan Valley', 'Austin Heart',
      'Mary Washington Hospital', 'Jane Doe joined', 'jane doe', 'JANE DOE', 'Jane', 'Patricia 2026']) {
      expect(matches(personNameDetector, text)).toEqual([]);
    }
  });

  it('is dropped from a destination that takes every property', () => {
    const { sent } = openPlanProbe('bare');
    const out = sent({ type: 'track', event: 'Clicked', properties: { eVar12: 'Dorothy Mensah', campaign_label: 'Summer Sale' }, ...HOME_PAGE });
    expect(out).not.toContain('Mensah');
    expect(out).toContain('Summer Sale');
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['Jane', 'Mary', 'Ann', 'Doe', 'Health', 'J.', 'J', ' ', '-', "O'", 'Neill', 'Émile', 'é', 'x', '1', 'Jo', 'Li'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 4000 });
  });
});
