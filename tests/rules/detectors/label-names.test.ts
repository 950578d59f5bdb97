import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// Probes A and C (H248): an event's name or a button's text made from a template with the person filled in went out (`Reminder Sent
// Siobhan Haddad`, `Form Submitted - Jane Doe`, `Diego Okafor's Care Plan`), and a page control named by a contact verb was taken
// for a name (`Call Button Clicked` -> `Call [NAME]`).
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('a short label closing or opening with a name', () => {
  it.each([
    ['Reminder Sent Siobhan Haddad', 'Reminder Sent [NAME]'],
    ['Form Submitted - Jane Doe', 'Form Submitted - [NAME]'],
    ['Confirmation for Wei Brennan', 'Confirmation for [NAME]'],
    ['Visit Mary Ann Smith', 'Visit [NAME]'],
    ["Diego Okafor's Care Plan", "[NAME]'s Care Plan"],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps titled providers, places named for people, site labels and page controls', () => {
    for (const text of ['Book with Dr. Jane Lee', 'Sponsored by Grace Hospital', 'Learn about Mary Washington Hospital', 'Find a Doctor Jennifer Health',
      'Cardiology Services | Northbay Health', 'Appointment Requested', 'Call Button Clicked', 'Text Link Tapped', 'Shop the Summer Sale',
      'This is a long sentence that goes on and on before Jane Doe']) expect(redact(text)).toBe(text);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['Reminder', 'Sent', 'Form', 'Submitted', ' - ', 'Jane', 'Doe', 'Mary', 'Ann', 'Smith', "'s", 'Care', 'Plan', 'Dr.', 'for', ' ', '2'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 3000 });
  });
});
