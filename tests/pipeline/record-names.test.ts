import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// A person's record sent under keys that name nothing (Wufoo's `Field1`…, `q1`…, a list of answers): beside a birth date the
// name went out in its parts (`{Field1: "Xiomara", Field2: "Okonkwo", Field3: "03/14/1971"}` kept both words, the date went).
const { props } = allowAllProbe('r47');

describe("a record's name under keys that name nothing", () => {
  it.each([
    [{ Field1: 'Xiomara', Field2: 'Okonkwo', Field3: '03/14/1971', Field4: 'Cardiology' }, ['Xiomara', 'Okonkwo']],
    [{ q1: 'Okafor', q2: 'Kenji', q3: '1961-03-04' }, ['Okafor', 'Kenji']],
    [{ 'nf-field-5': 'Priya', 'nf-field-6': 'Knee pain', 'nf-field-7': 'March 14, 1971' }, ['Priya']],
    [{ answers: ['Tobenna', 'Okafor', '1961-03-04', 'Yes'] }, ['Tobenna', 'Okafor']],
    [{ answers: ['Xiomara Okonkwo', '14/03/1971', 'Female'] }, ['Xiomara']],
  ])('drops the name from %j', (properties, gone) => {
    const out = props(properties);
    for (const g of gone) expect(out).not.toContain(g);
  });

  it("keeps a form's other answers, and words beside a date that is no one's birth", () => {
    const out = props({ Field1: 'Xiomara', Field2: 'Okonkwo', Field3: '03/14/1971', Field4: 'Cardiology', Field5: 'Yes', Field6: 'Female' });
    for (const kept of ['Cardiology', '"Yes"', 'Female']) expect(out).toContain(kept);
    const booking = props({ Field1: 'Cardiology', Field2: 'Dermatology', Field3: '2026-12-10', Field4: 'Morning' });
    for (const kept of ['Cardiology', 'Dermatology', 'Morning']) expect(booking).toContain(kept);
    expect(props({ q1: 'Okafor', q2: 'Kenji', q3: 'Cardiology' })).toContain('Cardiology');
  });
});
