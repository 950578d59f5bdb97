import { describe, expect, it } from 'vitest';
import { post, startCollector } from '../helpers/collector.js';

// README "Ingest API" / "blocked_paths": an event from a blocked page goes nowhere. The page's
// address is read from context.page and properties.path / .url; given there as another JSON type
// (a page as a string, a path in an array) it was read as no page at all, and the portal's event
// went on without it. Such an event is now a 400 naming the field (fail closed), not forwarded.
describe('page address fields that are not text', () => {
  const portal = '/patient-portal/messages';
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['a page given as a string', 'page', { context: { page: portal } }, 'context.page: must be an object'],
    ['a path in an array', 'track', { event: 'Message Sent', context: { page: { path: [portal] } } }, 'context.page.path: must be a string'],
    ['a URL as an object', 'page', { context: { page: { url: { href: `https://x.example${portal}` } } } }, 'context.page.url: must be a string'],
    ['a title in an array', 'page', { context: { page: { title: ['MyChart - Messages'] } } }, 'context.page.title: must be a string'],
    ['a properties.path in an array', 'page', { properties: { path: [portal] } }, 'properties.path: must be a string'],
  ];

  it.each(cases)('%s is refused with the field named, and nothing is spooled', async (_name, kind, fields, message) => {
    const c = await startCollector({ deliver: false });
    try {
      const r = await post(`${c.url}/v1/${kind}`, { anonymousId: 'a', ...fields });
      expect(r.status).toBe(400);
      expect(r.json.rejected).toEqual([{ index: 0, code: 'PW_ERR_INVALID_EVENT', message: `invalid event: ${message}` }]);
      expect((await c.runtime.spool.stats()).pending).toBe(0);
    } finally {
      await c.close();
    }
  });

  it('still takes a null referrer, a null page and a search object in properties', async () => {
    const c = await startCollector({ deliver: false });
    try {
      const batch = [
        { type: 'page', anonymousId: 'a', context: { page: { path: '/services/cardiology', referrer: null } } },
        { type: 'page', anonymousId: 'a', context: { page: null } },
        { type: 'track', event: 'Site Searched', anonymousId: 'a', properties: { search: { term: 'parking' } } },
      ];
      const r = await post(`${c.url}/v1/batch`, { batch });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ success: true, accepted: 3 });
    } finally {
      await c.close();
    }
  });
});
