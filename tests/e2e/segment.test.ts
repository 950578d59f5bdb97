import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SKIP_BROWSER, launchBrowser, postedEvents, watchRequests } from './helpers/browser.js';
import { expectScrubbedDelivery, visitClinic } from './helpers/clinic-visit.js';
import { startCollectorProcess, type CollectorProcess } from './helpers/collector-process.js';
import { segmentHead } from './site/libs.js';
import { startDemoSite, type DemoSite } from './site/server.js';

// An unmodified @segment/analytics-next (UMD bundle from node_modules) whose only change is the
// Segment.io apiHost: "keep your Segment snippet, change one host".

describe.skipIf(SKIP_BROWSER)('@segment/analytics-next against the collector', () => {
  let browser: Browser;
  let site: DemoSite;
  let collector: CollectorProcess;

  beforeAll(async () => {
    collector = await startCollectorProcess();
    [browser, site] = await Promise.all([launchBrowser(), startDemoSite(() => segmentHead(collector.url))]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.stop();
  });

  it('delivers its page and track calls scrubbed, and the portal page not at all', async () => {
    const page = await browser.newPage();
    const { sent, thirdParty } = await watchRequests(page);
    await visitClinic(page, site.url, collector.url);
    const events = postedEvents(sent, collector.url);
    await page.close();

    // Short routes (/v1/p, /v1/t), Basic auth -> a CORS preflight the collector must answer.
    const posts = sent.filter((r) => r.url.startsWith(collector.url) && r.method === 'POST');
    expect(new Set(posts.map((r) => new URL(r.url).pathname))).toEqual(new Set(['/v1/p', '/v1/t']));
    expect(events.every((e) => e.context?.library?.name === 'analytics.js')).toBe(true);
    expect(thirdParty).toEqual([]);
    await expectScrubbedDelivery(collector, events);
  });
});
