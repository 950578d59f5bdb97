// The identifiers the demo contact form and portal page plant, in the forms a leak could take.

export const FORM_CANARIES = [
  'jane.patient@example.com', 'jane.patient', 'jane.patient%40example.com',
  '(415) 555-0134', '415-555-0134', '4155550134', '555-0134',
  'Jane Q. Patient', 'Jane Q.', 'depression treatment',
];

export const PORTAL_CANARIES = ['patient-portal', 'Your messages', '00123456'];

/** Canaries found in `text`, case-insensitively and after URL-decoding. */
export function leakedCanaries(text: string, canaries: readonly string[] = FORM_CANARIES): string[] {
  let decoded = text;
  try { decoded = decodeURIComponent(text); } catch { /* keep the raw text; it is searched too */ }
  const hay = (text + '\n' + decoded).toLowerCase();
  return canaries.filter((c) => hay.includes(c.toLowerCase()));
}
