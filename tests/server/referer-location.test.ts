import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, readOutput, startCollector, waitFor, type Collector } from '../helpers/collector.js';

// A browser's request names the page that sent it in its Referer: an event sent from a portal page
// with only an event name (a `fetch` or beacon) is blocked like one stating that page. The header is
// read for blocking only; nothing of it is forwarded.
describe('the Referer of an event', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector(); });
  afterAll(async () => { await c.close(); });
  const site = 'http://localhost:3000';

  it('blocks the event when the Referer is a blocked page or host', async () => {
    for (const [id, referer] of [['ref-1', `${site}/patient-portal/billing`], ['ref-2', `${site}/Test-Results/view?id=7`], ['ref-3', 'https://mychart.northbay-health.example/inbox']]) {
      const r = await post(`${c.url}/v1/track`, { event: 'Button Clicked', messageId: id, anonymousId: 'a1', properties: { button: 'send' } }, { referer });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ accepted: 0, blocked: 1 });
    }
  });

  it('lets it through from a public page, without the Referer in what it sends', async () => {
    const r = await post(`${c.url}/v1/track`, { event: 'Button Clicked', messageId: 'ref-ok', anonymousId: 'a1', properties: { button: 'send' } }, { referer: `${site}/services/cardiology?utm_source=x` });
    expect(r.json).toMatchObject({ accepted: 1, blocked: 0 });
    const rows = await waitFor(() => readOutput(c.dataDir), (o) => o.some((x) => x.message_id === 'ref-ok'));
    expect(JSON.stringify(rows.find((x) => x.message_id === 'ref-ok'))).not.toContain('cardiology');
  });

  it('still reads the Referer when the body brings its own context.location (a mobile library\'s place, null, a public href)', async () => {
    const locations = [{ city: 'Springfield', country: 'US' }, null, {}, 'somewhere', { href: `${site}/services/cardiology` }];
    for (const [i, location] of locations.entries()) {
      const r = await post(`${c.url}/v1/track`, { event: 'Button Clicked', messageId: `ref-loc-${i}`, anonymousId: 'a1', context: { location } }, { referer: `${site}/mychart/inbox` });
      expect(r.json, JSON.stringify(location)).toMatchObject({ accepted: 0, blocked: 1 });
    }
  });

  it('blocks an event whose stated page and Referer disagree when the Referer is blocked (fail closed)', async () => {
    const r = await post(`${c.url}/v1/track`, { event: 'Button Clicked', messageId: 'ref-page', anonymousId: 'a1', context: { page: { path: '/services/cardiology', url: `${site}/services/cardiology` } } }, { referer: `${site}/patient-portal/` });
    expect(r.json).toMatchObject({ accepted: 0, blocked: 1 });
  });
});
