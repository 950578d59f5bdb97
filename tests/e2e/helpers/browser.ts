import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

// Headless Chromium from Debian (no browser download: the machine has no internet). Missing locally
// -> the e2e suites skip visibly; missing in CI -> they fail, so a green CI always ran them.

export const CHROMIUM = process.env.PHIWALL_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';

/** For describe.skipIf: skip only outside CI. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && !IN_CI;

export async function launchBrowser(): Promise<Browser> {
  if (!HAVE_CHROMIUM) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface SentRequest { url: string; method: string; type: string; body: string }

/**
 * Records every request the page makes and aborts anything that is not loopback: the product
 * promises no third-party requests, and the tests must never reach the internet.
 */
export async function watchRequests(page: Page): Promise<{ sent: SentRequest[]; thirdParty: string[] }> {
  const sent: SentRequest[] = [];
  const thirdParty: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.fallback();
    thirdParty.push(url.origin);
    return route.abort();
  });
  page.on('request', (r: Request) => {
    sent.push({ url: r.url(), method: r.method(), type: r.resourceType(), body: r.postData() ?? '' });
  });
  return { sent, thirdParty };
}

/** Events posted to the collector (Segment-style bodies: a single event or `{batch:[...]}`). */
export function postedEvents(sent: SentRequest[], collector: string): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  for (const r of sent) {
    if (r.method !== 'POST' || !r.url.startsWith(collector) || !r.body) continue;
    try {
      const body = JSON.parse(r.body) as Record<string, any>;
      if (Array.isArray(body.batch)) out.push(...body.batch);
      else out.push(body);
    } catch {
      // Not JSON (e.g. a gtag hit): not an event body.
    }
  }
  return out;
}

/**
 * Beacons sent while a page unloads never show up as Playwright requests, so a spy records each
 * sendBeacon call (url, string body, result) in sessionStorage, which survives same-origin navigation.
 */
export const BEACON_SPY = `(() => {
  const orig = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => {
    const ok = orig(url, data);
    const log = JSON.parse(sessionStorage.getItem('beacon-spy') || '[]');
    log.push({ url: String(url), body: typeof data === 'string' ? data : '', ok });
    sessionStorage.setItem('beacon-spy', JSON.stringify(log));
    return ok;
  };
})();`;

export async function beaconLog(page: Page): Promise<SentRequest[]> {
  const raw = await page.evaluate(() => sessionStorage.getItem('beacon-spy') ?? '[]');
  return (JSON.parse(raw) as { url: string; body: string; ok: boolean }[])
    .filter((b) => b.ok)
    .map((b) => ({ url: b.url, method: 'POST', type: 'beacon', body: b.body }));
}
