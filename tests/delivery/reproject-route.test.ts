import { describe, expect, it } from 'vitest';
import type { CleanEvent } from '../../src/destinations/types.js';
import { reprojectClean } from '../../src/delivery/reproject.js';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// A replayed dead letter carries the same sanitized hash route a live event carries (blind pass 26: the
// re-projection ran the stored URL through sanitize_url alone, which drops the fragment, so a replayed
// `/#/services/cardiology` arrived as `/`). A route the current rules block skips the row.
const { plan, sent } = openPlanProbe('rr');
const open = plan.destinations.find((d) => d.name === 'open')!;
const NOW = Date.UTC(2026, 10, 30, 2);
const stored = (path: string, url: string): CleanEvent => ({
  messageId: 'rr', type: 'page', timestamp: '2026-11-30T01:00:00.000Z', receivedAt: '2026-11-30T01:00:00.000Z',
  visitorId: 'pw', page: { path, url, title: 'Northbay Health' }, properties: {}, traits: {},
});

describe('re-projecting a hash-routed page', () => {
  it('keeps the route a live event sends, sanitized the same way', () => {
    const live = sent(pageOn('/#/services/cardiology'));
    expect(live).toContain(`${OPEN_SITE}/#/services/cardiology`);
    const again = reprojectClean(stored('/#/services/cardiology', `${OPEN_SITE}/#/services/cardiology`), plan, open, NOW, false) as CleanEvent;
    expect(again.page).toMatchObject({ path: '/#/services/cardiology', url: `${OPEN_SITE}/#/services/cardiology` });
    expect(reprojectClean(again, plan, open, NOW, false)).toEqual(again);
  });

  it("reads the route's ids as sanitize_url reads a path's, and leaves plain anchors and tokens out", () => {
    const again = reprojectClean(stored('/#/doctors/44120987', `${OPEN_SITE}/app/#!/doctors/44120987?token=zq81`), plan, open, NOW, false) as CleanEvent;
    expect(again.page?.url).toBe(`${OPEN_SITE}/app/#/doctors/:id`);
    expect(JSON.stringify(again)).not.toContain('44120987');
    expect(JSON.stringify(again)).not.toContain('zq81');
    const anchor = reprojectClean(stored('/about', `${OPEN_SITE}/about#access_token=eyJabc.def`), plan, open, NOW, false) as CleanEvent;
    expect(JSON.stringify(anchor)).not.toContain('eyJabc');
  });

  it('skips a stored page whose route the current rules block', () => {
    expect(reprojectClean(stored('/#/portal/messages', `${OPEN_SITE}/#/portal/messages`), plan, open, NOW, false)).toEqual({ skip: 'BLOCKED_PATH' });
  });
});
