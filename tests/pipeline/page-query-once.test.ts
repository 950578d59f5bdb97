import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// The page URL's query is read once per event (routes-of.ts pageRoutesOf): the same reading gives the address
// analysis its routes and the title verdict a form's done step (`/?page_id=12&step=confirmation` titled
// `Schedule an Appointment` is that booking sent). Before, the done step read the query again, through a memo
// keyed by the whole URL that kept visitors' queries. What a user sees must not change: the same page blocks or
// flows, whatever else the query holds, on its first view and on the next, with a warm plan or a fresh one.
const titled = (title: string, url: string) => ({ context: { page: { path: new URL(url).pathname, url, title } } });

const BLOCKED: readonly (readonly [string, string])[] = [
  ['Schedule an Appointment', '/?page_id=12&step=confirmation'],
  // Campaign tags and other parameters around the step.
  ['Schedule an Appointment', '/?utm_source=newsletter&utm_medium=email&step=confirmation&ref=home'],
  ['Request an Appointment', '/index.php?p=88&stage=thank-you'],
  ['Book an Appointment | Example Health', '/?form_step=3&status=complete&utm_source=newsletter'],
  // A fragment after the query does not hide the step.
  ['Schedule an Appointment', '/?page_id=12&step=confirmation#top'],
  // An escaped name is read decoded.
  ['Schedule an Appointment', '/?st%65p=confirmation'],
];

const FLOWING: readonly (readonly [string, string])[] = [
  ['Contact Us', '/?utm_source=newsletter&step=confirmation'],
  // A query inside the fragment is a route's, not the page's: no done step there.
  ['Schedule an Appointment', '/#/home?step=confirmation'],
  // A form named in the query is that form's step (`/contact-us/submitted`), not the title's.
  ['Schedule an Appointment', '/?form=contact-us&submitted=1'],
  ['Schedule an Appointment', '/?page_id=12&step=2'],
  ['Schedule an Appointment', '/?q=appointments'],
];

describe("a generic page's form sent, read from the page URL's one reading of its query", () => {
  it.each(BLOCKED)('blocks "%s" at %s, first view and again', (title, query) => {
    const { blocked } = openPlanProbe('once-b');
    const event = titled(title, `${OPEN_SITE}${query}`);
    expect(blocked(event)).toBe(true);
    expect(blocked(event)).toBe(true);
  });

  it.each(FLOWING)('lets "%s" at %s flow, first view and again', (title, query) => {
    const { blocked, sent } = openPlanProbe('once-f');
    const event = titled(title, `${OPEN_SITE}${query}`);
    expect(blocked(event)).toBe(false);
    expect(sent(event)).toContain(title);
  });

  it('answers a page seen before with another query as a fresh plan does', () => {
    const warm = openPlanProbe('once-w');
    // The same page first with a query that says nothing, then with one that says the booking was sent, then again.
    const pages = ['/?page_id=12', '/?page_id=12&step=confirmation', '/?page_id=12', '/?utm_source=x&step=confirmation', '/?page_id=12&step=2'];
    for (const query of pages) {
      const event = titled('Schedule an Appointment', `${OPEN_SITE}${query}`);
      expect(warm.sent(event), query).toBe(openPlanProbe('once-w').sent(event));
    }
  });

  it('still blocks a route in the same query, read in the same pass', () => {
    const { blocked } = openPlanProbe('once-r');
    expect(blocked(titled('Contact Us', `${OPEN_SITE}/?page=patient-portal/messages&step=confirmation`))).toBe(true);
    expect(blocked(titled('Schedule an Appointment', `${OPEN_SITE}/?route=patient-portal/messages`))).toBe(true);
  });
});
