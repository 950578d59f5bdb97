import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// A patient named in free text without a colon (found by the H82 audit: `Patient Jane Doe lives at …`
// reached a destination that allows every property). The open destination: no BAA, every property allowed.
const { sent } = openPlanProbe('role');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });

describe('a patient named after the role word, without a colon', () => {
  it.each([
    ['a note', 'Patient Jane Doe lives near the clinic', 'Doe'],
    ['lower case role, middle name', 'seen today: patient Maria Elena Castillo, follow-up in 2 weeks', 'Castillo'],
    ['the abbreviation', 'pt Robert Okonkwo called about results', 'Okonkwo'],
  ])('removes the name in %s', (_what, text, surname) => {
    expect(sent(track({ comment_body: text }))).not.toContain(surname);
  });

  it('keeps the role word before services, pages and uncommon first words', () => {
    const labels = ['Patient Portal Login', 'Patient Financial Services', 'Patient Rights and Responsibilities', 'Patient Education Library',
      'Patient Stories', 'Patient Care Team'];
    const out = sent(track(Object.fromEntries(labels.map((l, i) => [`label_${i}`, l]))));
    for (const l of labels) expect(out).toContain(l);
  });

  it('the prefilter skips no text the detector would read', () => {
    const parts = ['Patient ', 'patient ', 'pt ', 'Jane ', 'Doe', 'Portal', ' ', '.', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['Patient Jane Doe'], ['pt Jane Doe']] });
  });
});
