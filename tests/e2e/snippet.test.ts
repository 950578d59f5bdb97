import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BEACON_SPY, SKIP_BROWSER, beaconLog, launchBrowser, postedEvents, watchRequests, type SentRequest } from './helpers/browser.js';
import { FORM_CANARIES, PORTAL_CANARIES, leakedCanaries } from './helpers/canaries.js';
import { startCollectorProcess, waitUntil, type CollectorProcess } from './helpers/collector-process.js';
import { ensureSnippet } from './helpers/snippet.js';
import { phiwallHead, type PhiwallAttrs } from './site/libs.js';
import { startDemoSite, type DemoSite } from './site/server.js';

// The first-party snippet (sdk/) in headless Chromium, against the real collector process, with
// the demo site on another loopback origin. Assertions are on what the file destination wrote.

describe.skipIf(SKIP_BROWSER)('phiwall snippet end to end', () => {
  let browser: Browser;
  let site: DemoSite;
  let collector: CollectorProcess;
  let context: BrowserContext;
  let page: Page;
  let sent: SentRequest[];
  let thirdParty: string[];
  let sri: string;
  // The demo site asks this for its <head>: each test sets the snippet options it needs.
  let attrs: () => PhiwallAttrs;

  // One collector for the file (starting one takes ~2 s); each test picks its own lines out of the
  // shared output by the message ids its page sent.
  beforeAll(async () => {
    sri = ensureSnippet();
    [browser, site, collector] = await Promise.all([launchBrowser(), startDemoSite(() => phiwallHead(attrs())), startCollectorProcess()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.stop();
  });
  beforeEach(async () => {
    attrs = () => ({ src: `${collector.url}/assets/site.js` });
    context = await browser.newContext();
    await context.addInitScript(BEACON_SPY);
    page = await context.newPage();
    ({ sent, thirdParty } = await watchRequests(page));
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Everything the page posted to the collector (fetches plus spied beacons), oldest first. */
  const posted = async (): Promise<Record<string, any>[]> =>
    postedEvents([...sent, ...(await beaconLog(page))], collector.url).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  /** Output lines of the events this test's page sent, once at least `n` of them are there. */
  const delivered = async (n: number): Promise<Record<string, any>[]> => {
    const mine = async (): Promise<Record<string, any>[]> => {
      const ids = new Set((await posted()).map((e) => e.messageId as string));
      return collector.output().filter((l) => ids.has(l.message_id));
    };
    return waitUntil(mine, (l) => l.length >= n, 20_000, `${n} delivered events`);
  };
  /** Leaving for a page without analytics hides the current one: its queue goes out by beacon. */
  const leave = async (): Promise<void> => { await page.goto(`${site.url}/blank`); };

  it('delivers page views and a scrubbed contact form; the portal page never reaches the destination', async () => {
    await page.goto(`${site.url}/services`);
    await page.goto(`${site.url}/conditions/depression`);
    await page.goto(`${site.url}/contact`);
    await page.click('#submit');
    await page.goto(`${site.url}/patient-portal/messages`);
    // No client-side blocking configured here: the portal page view is sent and the server drops it.
    await page.goto(`${site.url}/services`);
    await leave();

    const events = await posted();
    expect(events).toHaveLength(6);
    const out = await delivered(5);
    const portal = events.filter((e) => e.context?.page?.path === '/patient-portal/messages');
    expect(portal).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300)); // a blocked event would have been written with the rest
    expect(collector.output().map((l) => l.message_id)).not.toContain(portal[0].messageId);
    expect(leakedCanaries(collector.outputText(), PORTAL_CANARIES)).toEqual([]);

    expect(out.filter((l) => l.event_type === 'page' && l.path === '/services')).toHaveLength(2);
    expect(out.find((l) => l.event_type === 'page' && l.path === '/contact')).toBeDefined();
    // A condition page reaches a destination without a BAA as its page group, not its address.
    expect(out.find((l) => l.page_group === 'condition')).toBeDefined();
    const form = out.find((l) => l.event_name === 'Contact Form Submitted');
    expect(form?.properties).toEqual({ form_id: 'contact' });
    expect(leakedCanaries(collector.outputText(), [...FORM_CANARIES, 'depression'])).toEqual([]);

    // What the browser sent: text/plain batches with the write key in the body, no ids of its own.
    expect(thirdParty).toEqual([]);
    expect(sent.filter((r) => r.method === 'OPTIONS')).toEqual([]);
    for (const e of events) {
      expect(e.anonymousId).toBeUndefined();
      expect(e.context.library).toEqual({ name: 'phiwall.js', version: expect.any(String) });
    }
  });

  it('skips blocked paths in the browser, including as a referrer', async () => {
    attrs = () => ({ src: `${collector.url}/assets/site.js`, blockedPaths: '/patient-portal/**, /billing' });
    await page.goto(`${site.url}/patient-portal/messages`);
    await page.click('#nav-services');
    await page.waitForURL('**/services');
    await page.goto(`${site.url}/contact`);

    await page.click('#nav-app');
    await page.waitForURL('**/app');
    await leave();
    const events = await posted();
    await delivered(3);
    expect(events.map((e) => e.context.page.path)).toEqual(['/services', '/contact', '/app']);
    expect(events[0].context.page.referrer).toBe('');
    expect(events[2].context.page.referrer).toBe(`${site.url}/contact`);
    const toCollector = sent.filter((r) => r.url.startsWith(collector.url)).map((r) => r.url + r.body);
    expect(leakedCanaries(JSON.stringify(events) + toCollector.join('\n'), PORTAL_CANARIES)).toEqual([]);
  });

  it('tracks single-page-app route changes with the previous route as referrer', async () => {
    // Options from a queued init call this time, not data attributes.
    attrs = () => ({ src: `${collector.url}/assets/site.js`, queued: "phiwall('init',{blockedPaths:['/patient-portal']});" });
    await page.goto(`${site.url}/app`);
    await page.click('#go-depression');
    await page.click('#go-portal');
    await page.evaluate(() => history.replaceState({}, '', location.pathname + '#tab2'));
    await page.goto(`${site.url}/services`);
    await leave();

    const pages = (await posted()).filter((e) => e.type === 'page');
    const out = await delivered(3);
    expect(pages.map((e) => e.context.page.path)).toEqual(['/app', '/conditions/depression', '/services']);
    expect(pages[1].context.page).toMatchObject({ title: 'Depression care', referrer: `${site.url}/app` });
    expect(out.filter((l) => l.page_group === 'condition')).toHaveLength(1);
  });

  it('reads a hash route as the page: the collector blocks a portal route, the client blocks it when configured', async () => {
    // A hash-routed app (`/app#/patient-portal/messages`): without the route the portal's events
    // would arrive as `/app` and reach the destination.
    await page.goto(`${site.url}/app#access_token=abc.def`);
    await page.evaluate(() => { location.hash = '#/patient-portal/messages'; });
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 50)));
    await page.evaluate(() => (window as unknown as { demoTrack: (n: string) => void }).demoTrack('Inbox Viewed'));
    await leave();
    const events = await posted();
    expect(events.map((e) => `${e.type} ${e.context.page.url}`)).toEqual([
      `page ${site.url}/app`, `page ${site.url}/app#/patient-portal/messages`, `track ${site.url}/app#/patient-portal/messages`]);
    await delivered(1);
    await new Promise((r) => setTimeout(r, 300)); // a blocked event would have been written with the rest
    const ids = new Set(collector.output().map((l) => l.message_id));
    expect(events.map((e) => ids.has(e.messageId))).toEqual([true, false, false]);

    // With the area blocked in the browser, the route's events are never sent, nor is it a referrer.
    attrs = () => ({ src: `${collector.url}/assets/site.js`, blockedPaths: '/patient-portal' });
    sent.length = 0;
    await page.goto(`${site.url}/app`);
    await page.evaluate(() => { location.hash = '#!/patient-portal/messages'; });
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 50)));
    await page.evaluate(() => { location.hash = '#/services'; });
    await leave();
    const second = (await posted()).filter((e) => !events.some((x) => x.messageId === e.messageId));
    expect(second.map((e) => [e.context.page.url, e.context.page.referrer])).toEqual([[`${site.url}/app`, ''], [`${site.url}/app#/services`, '']]);
    // Both reach the destination before the next test counts its output (they once landed inside its 2.5 s wait).
    const secondIds = new Set(second.map((e) => e.messageId as string));
    await waitUntil(async () => collector.output().filter((l) => secondIds.has(l.message_id)), (l) => l.length === 2, 20_000, 'the second visit delivered');
  });

  it('sends nothing before consent, then the held events once analytics is granted', async () => {
    attrs = () => ({ src: `${collector.url}/assets/site.js`, requireConsent: true });
    await page.goto(`${site.url}/services`);
    await page.click('#nav-contact');
    await page.waitForURL('**/contact');
    await page.click('#submit');
    const before = collector.output().length;
    await page.waitForTimeout(2500); // past the 2 s flush timer
    expect(await posted()).toEqual([]);
    expect(collector.output()).toHaveLength(before);

    await page.evaluate(() => (window as any).phiwall('consent', { analytics: true, ads: false }));
    const out = await delivered(2);
    expect(out.map((l) => l.event_name ?? l.path)).toEqual(['/contact', 'Contact Form Submitted']);
    for (const l of out) expect(l.consent).toEqual({ analytics: true, ads: false });

    // A refusal on the next pages: nothing from them, even on page hide.
    await page.goto(`${site.url}/services`);
    await page.evaluate(() => (window as any).phiwall('consent', { analytics: false }));
    await page.goto(`${site.url}/conditions/depression`);
    await page.evaluate(() => (window as any).phiwall('consent', { analytics: false }));
    await leave();
    expect(await posted()).toHaveLength(2);
  });

  it('flushes through sendBeacon when the page is hidden or closed', async () => {
    await page.goto(`${site.url}/contact`);
    await page.click('#submit');
    await page.goto(`${site.url}/services`); // well inside the 2 s timer
    const beacons = await beaconLog(page);
    expect(beacons).toHaveLength(1);
    expect(beacons[0].url).toBe(`${collector.url}/v1/batch`);
    expect(JSON.parse(beacons[0].body)).toMatchObject({ writeKey: 'demo', batch: [{ type: 'page' }, { type: 'track' }] });

    await page.click('#nav-depression');
    await page.waitForURL('**/depression');
    await page.evaluate(() => (window as any).phiwall('track', 'Symptom Checker Started', { step: 1 }));
    const before = new Set(collector.output().map((l) => l.message_id));
    // Playwright's request interception would hold the page-hide beacon for a route handler of a page that is
    // gone, and the browser then drops it now and then: the close must be the browser's own.
    await page.unrouteAll({ behavior: 'wait' });
    await page.close(); // no JS runs after this: only the page-hide flush can deliver
    // The event map renames the symptom checker to Lead; either way it is this page's.
    const fresh = (): Record<string, any>[] => collector.output().filter((l) => !before.has(l.message_id) && l.page_group === 'condition');
    const out = await waitUntil(fresh, (l) => l.length >= 2, 10_000, 'events sent on close');
    expect(out.map((l) => l.event_type).sort()).toEqual(['page', 'track']);
  });

  it('flushes at 10 events, keeping every request under the 64 KiB keepalive quota', async () => {
    await page.goto(`${site.url}/services`);
    await page.waitForRequest((r) => r.url() === `${collector.url}/v1/batch`); // the 2 s timer flush
    const burst = page.waitForRequest((r) => r.url() === `${collector.url}/v1/batch`, { timeout: 1800 });
    await page.evaluate(() => {
      for (let i = 0; i < 10; i++) (window as any).phiwall('track', 'Brochure Viewed', { i, content_type: 'x'.repeat(12_000) });
    });
    await burst; // the tenth event flushed at once, long before the next timer
    // ~123 KB in all: sent as several requests, one at a time (they share the in-flight quota).
    const batches = (): string[] => sent.filter((r) => r.url === `${collector.url}/v1/batch`).slice(1).map((r) => r.body);
    const bodies = await waitUntil(batches, (b) => b.flatMap((x) => JSON.parse(x).batch).length >= 10, 10_000, 'all 10 events sent');
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(Buffer.byteLength(b)).toBeLessThanOrEqual(60_000);
    expect(bodies.flatMap((b) => JSON.parse(b).batch).map((e: any) => e.properties.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await delivered(11)).filter((l) => l.event_name === 'Brochure Viewed')).toHaveLength(10);
  });

  it('honours Global Privacy Control: ads consent is off', async () => {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(`${site.url}/services`);
    await page.evaluate(() => (window as any).phiwall('consent', { analytics: true, ads: true }));
    await leave();
    const out = await delivered(1);
    expect(out[0].consent).toEqual({ analytics: true, ads: false });
    expect((await posted())[0].context.consent).toEqual({ analytics: true, ads: false });
  });

  it('keeps one first-party id in cookie mode, loaded same-origin with SRI', async () => {
    attrs = () => ({ src: '/vendor/phiwall.min.js', integrity: sri, host: collector.url, cookie: true });
    await page.goto(`${site.url}/services`);
    await page.goto(`${site.url}/contact`); // the first flush (on page hide) creates the cookie
    const cookie = (await context.cookies()).find((c) => c.name === 'pw_id');
    expect(cookie).toMatchObject({ sameSite: 'Lax', path: '/' });
    expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(364 * 86400);
    await leave();

    const events = await posted();
    expect(events).toHaveLength(2);
    const out = await delivered(2);
    expect(new Set(events.map((e) => e.anonymousId))).toEqual(new Set([cookie!.value]));

    // Withdrawing consent deletes the id, even when it was set on an earlier page.
    await page.goto(`${site.url}/services`);
    await page.evaluate(() => (window as any).phiwall('consent', { analytics: false }));
    // The command may be queued by the stub until the snippet has loaded on this page.
    const idCookie = async () => (await context.cookies()).find((c) => c.name === 'pw_id');
    expect(await waitUntil(idCookie, (c) => c === undefined, 5000, 'the id cookie to be deleted')).toBeUndefined();

    // One anonymousId -> one pseudonymous visitor id at the destination.
    expect(new Set(out.map((l) => l.visitor_id)).size, 'one anonymousId, one visitor_id').toBe(1);
  });
});
