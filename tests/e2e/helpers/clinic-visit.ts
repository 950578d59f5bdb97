import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FORM_CANARIES, PORTAL_CANARIES, leakedCanaries } from './canaries.js';
import type { CollectorProcess } from './collector-process.js';
import { waitUntil } from './collector-process.js';

// The same visit for every third-party client (Segment, RudderStack): services, a condition page,
// the contact form with name/email/phone, then the patient portal. Each step waits until the
// client's request has been answered, so nothing depends on the client's retry queue.

export async function visitClinic(page: Page, siteUrl: string, collectorUrl: string): Promise<void> {
  const answered = (): Promise<unknown> =>
    page.waitForResponse((r) => r.url().startsWith(collectorUrl) && r.request().method() === 'POST', { timeout: 10_000 });
  for (const path of ['/services', '/conditions/depression', '/contact']) {
    await Promise.all([answered(), page.goto(siteUrl + path)]);
  }
  await Promise.all([answered(), page.click('#submit')]);
  await Promise.all([answered(), page.goto(`${siteUrl}/patient-portal/messages`)]);
}

/**
 * What the destination wrote for the events the browser sent: everything but the portal page is
 * delivered, the form arrives without its identifiers, and no trace of the portal is left.
 */
export async function expectScrubbedDelivery(collector: CollectorProcess, events: Record<string, any>[]): Promise<void> {
  const pathOf = (e: Record<string, any>): string | undefined => e.context?.page?.path ?? e.properties?.path;
  const portal = events.filter((e) => pathOf(e) === '/patient-portal/messages');
  expect(portal.length).toBeGreaterThan(0);
  const expected = new Set(events.filter((e) => !portal.includes(e)).map((e) => e.messageId as string));
  const out = await waitUntil(
    () => collector.output().filter((l) => expected.has(l.message_id)),
    (l) => new Set(l.map((x) => x.message_id)).size >= expected.size, 20_000, `${expected.size} delivered events`);
  await new Promise((r) => setTimeout(r, 300)); // the portal event would have been written by now
  const all = collector.output();
  for (const p of portal) expect(all.map((l) => l.message_id)).not.toContain(p.messageId);

  expect(out.find((l) => l.event_type === 'page' && l.path === '/services')).toBeDefined();
  expect(out.find((l) => l.event_type === 'page' && l.page_group === 'condition')).toBeDefined();
  expect(out.find((l) => l.event_name === 'Contact Form Submitted')?.properties).toEqual({ form_id: 'contact' });
  const text = collector.outputText();
  expect(leakedCanaries(text, [...FORM_CANARIES, ...PORTAL_CANARIES, 'depression'])).toEqual([]);
  // The clients' own device ids are replaced by the collector's pseudonymous visitor id.
  for (const e of events) if (e.anonymousId) expect(text).not.toContain(e.anonymousId);
}
