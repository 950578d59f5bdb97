import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Pass 15 (.tmp/h65): identifiers in tables kept as text (Markdown, tab-separated, label beside value),
// FHIR name filters written as GraphQL or JS, and sensitive pages named only by a verb-first title or
// by a route spelled across several query parameters. Each test uses its own spellings, not the
// generator's; every event goes to the open destination (no BAA).
const { blocked, sent } = openPlanProbe('u15');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const titled = (url: string, title: string) => {
  const page = { ...((pageAt(url).context as { page: Record<string, unknown> }).page), title };
  return { type: 'page', name: title, properties: { url, title }, context: { page } };
};

describe('a record printed as a table', () => {
  it('drops the values beside name and birth-date labels in a Markdown table', () => {
    const out = props({ summary: '| Item | Detail |\n| :-- | :-- |\n| Member | Ines Valderrama |\n| Birth date | 1958-10-02 |' });
    expect(out).not.toMatch(/Valderrama|1958-10-02/);
    expect(out).toContain('| Item | Detail |');
  });

  it('reads the columns of a Markdown table with outer pipes', () => {
    const out = props({ grid: '| surname | given |\n|---|---|\n| Valderrama | Ines |' });
    expect(out).not.toMatch(/Valderrama|Ines/);
    expect(out).toContain('| surname | given |');
  });

  it('reads tab-separated label and value lines, the first line too', () => {
    const out = props({ paste: 'Full name\tInes Valderrama\nDate of birth\t10/02/1958' });
    expect(out).not.toMatch(/Valderrama|10\/02\/1958/);
  });

  it('drops the value cell beside a name or birth-date label in HTML (table rows, description lists, bold labels)', () => {
    const out = props({
      row: '<table><tr><th>Patient</th><td>Ines Valderrama</td></tr><tr><th>DOB</th><td class="v">10/02/1958</td></tr></table>',
      dl: '<dl><dt>Full name:</dt> <dd>Ines Valderrama</dd><dt>Date of birth</dt><dd>1958-10-02</dd></dl>',
      bold: '<p><b>Email:</b> <span>ines.v@mailbox.example</span></p>',
    });
    expect(out).not.toMatch(/Valderrama|10\/02\/1958|1958-10-02|ines\.v@/);
    expect(out).toContain('<th>Patient</th><td>');
  });

  it('keeps an HTML table of opening hours and prices', () => {
    const html = '<table><tr><th>Clinic</th><td>Northbay Urgent Care</td></tr><tr><th>Hours</th><td>8am - 8pm</td></tr><tr><th>Price</th><td>$40</td></tr></table>';
    expect(props({ html })).toContain(JSON.stringify(html).slice(1, -1));
  });

  it('keeps a price table and a header naming its columns', () => {
    const table = '| Plan | Monthly |\n|---|---|\n| Single | $40 |\n| Family | $95 |';
    expect(props({ table })).toContain(JSON.stringify(table).slice(1, -1));
    expect(props({ csv: 'name,visits\nflu clinic,3' })).toContain('name,visits');
  });
});

describe('FHIR names in a GraphQL or JS filter', () => {
  it('drops a family name beside a given name or birth date', () => {
    const out = props({ gql: 'query { Patient(family: "Valderrama", birthdate: "1958-10-02") { id } }', q2: '{ family: "Okafor", given: "Jane" }' });
    expect(out).not.toMatch(/Valderrama|Okafor/);
  });

  it('keeps a product family', () => {
    expect(props({ gql: '{ devices(family: "Widescreen") { sku } }' })).toContain('Widescreen');
  });
});

describe('appointment pages named verb first or as a sentence', () => {
  it.each(['Confirm Your Appointment', 'Reschedule My Visit | Example Health', 'Your appointment has been booked', 'Cancel an Appointment'])('blocks a page titled %s', (title) => {
    expect(blocked(titled(`${OPEN_SITE}/node/812`, title))).toBe(true);
  });

  it.each(['Request an Appointment', 'Our Cancellation Policy', 'Visiting Hours'])('lets a page titled %s through', (title) => {
    expect(blocked(titled(`${OPEN_SITE}/node/812`, title))).toBe(false);
  });
});

describe('a route spelled across query parameters', () => {
  it.each(['/index.php?controller=appointments&action=confirmation', '/app.jsp?module=pharmacy&sub=refill', '/index.php?section=visits&view=summary',
    '/main.cfm?page=bill&do=pay'])('blocks %s', (path) => {
    expect(blocked(pageAt(`${OPEN_SITE}${path}`))).toBe(true);
  });

  // Not a route parameter first: a directory's display options, even ones that spell a blocked path.
  it.each(['/index.php?controller=news&action=list', '/find-a-doctor?view=results&tab=profile', '/providers.php?section=appointments&sub=confirm', '/main.cfm?page=about&sub=leadership'])('lets %s through', (path) => {
    expect(blocked(pageAt(`${OPEN_SITE}${path}`))).toBe(false);
  });
});
