import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SKIP_BROWSER, launchBrowser, postedEvents, watchRequests } from './helpers/browser.js';
import { expectScrubbedDelivery, visitClinic } from './helpers/clinic-visit.js';
import { startCollectorProcess, type CollectorProcess } from './helpers/collector-process.js';
import { rudderstackHead } from './site/libs.js';
import { startDemoSite, type DemoSite } from './site/server.js';

// An unmodified @rudderstack/analytics-js v3 (bundled UMD build from node_modules) with the
// collector as its data plane and a local source config instead of the control plane.

describe.skipIf(SKIP_BROWSER)('@rudderstack/analytics-js against the collector', () => {
  let browser: Browser;
  let collector: CollectorProcess;
  let useBeacon = false;
  let site: DemoSite;

  beforeAll(async () => {
    collector = await startCollectorProcess();
    [browser, site] = await Promise.all([launchBrowser(), startDemoSite(() => rudderstackHead(collector.url, { useBeacon }))]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.stop();
  });

  it.each([
    ['XHR', false, ['/v1/page', '/v1/track']],
    ['beacon', true, ['/beacon/v1/batch']],
  ])('delivers through %s transport, scrubbed, without the portal page', async (_name, beacon, paths) => {
    useBeacon = beacon;
    const page = await browser.newPage();
    const { sent, thirdParty } = await watchRequests(page);
    await visitClinic(page, site.url, collector.url);
    const events = postedEvents(sent, collector.url);
    await page.close();

    const posts = sent.filter((r) => r.url.startsWith(collector.url) && r.method === 'POST');
    expect(new Set(posts.map((r) => new URL(r.url).pathname))).toEqual(new Set(paths));
    if (beacon) expect(posts.every((r) => r.url.endsWith('?writeKey=demo'))).toBe(true);
    expect(events.every((e) => e.context?.library?.name === 'RudderLabs JavaScript SDK')).toBe(true);
    expect(thirdParty).toEqual([]);
    await expectScrubbedDelivery(collector, events);
  });
});
