import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Over-blocks from passes 32/32b (H164, found by H159/H161): public pages read as the member's own. Each class is checked both
// ways: the public page flows, its sensitive look-alike still blocks. Every event goes to the open destination (no BAA).
const { blocked } = openPlanProbe('p32c');
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(pageOn(p)), p).toBe(want); };

describe("a consultation's start under a service's own page", () => {
  it('flows under a service that names no condition and no virtual care, as its booking does', () => {
    expectAll(['/services/wedding-planning/consultation/start', '/programs/estate-planning/consult/start', '/departments/catering/visit/start'], false);
  });
  it('still blocks at the root, in a member area, under virtual care and on a condition’s page', () => {
    expectAll(['/consultation/start', '/portal/consultation/start', '/services/telehealth/consultation/start', '/services/virtual-care/visit/start',
      '/treatments/hair-loss/consultation/start', '/services/abortion-care/consultation/start', '/services/cardiology/video-visit/start', '/visit/join'], true);
  });
});

describe('an inbox or mailbox in a public section', () => {
  it("flows as an article in news, the blog or press", () => {
    expectAll(['/news/inbox/view', '/blog/inbox/read', '/press/mailbox/open', '/articles/inbox-view', '/blog/secure-messages', '/stories/message-threads'], false);
  });
  it("still blocks the member's mailbox anywhere else", () => {
    expectAll(['/portal/inbox/view/12', '/mailbox/read', '/account/inbox/read', '/inbox-messages/12', '/patient/message-threads', '/patient/mailbox/read'], true);
  });
});

describe("education pages under a condition's consultation or follow-up", () => {
  it('lets a list of consultations and a tips or guide page flow', () => {
    expectAll(['/hiv/consultations', '/conditions/acne/follow-up/photo-tips', '/treatments/hair-loss/follow-up/preparation-guide'], false);
  });
  it('still blocks a consultation, a step under the list and a follow-up upload', () => {
    expectAll(['/erectile-dysfunction/consultation', '/hiv/consultations/new', '/hiv/consultations/123', '/follow-up/acne/photos',
      '/conditions/acne/follow-up/upload-photos'], true);
  });
});

const appTrack = (event: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', event, properties, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const screen = (name: string) => ({ type: 'screen', name, properties: {} });
const expectEvents = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a home screen's search widget", () => {
  it('flows: a search box on another screen names no query and no results', () => {
    expectEvents([appTrack('Card Viewed', { card: 'SearchTile' }), appTrack('Card Viewed', { screen: 'HomeScreen', card: 'SearchCardView' }),
      screen('SearchTile'), appTrack('Tile Tapped', { tile: 'FindTile' })], false);
  });
  it("still blocks the search screen and its results, as /search does, and a widget of the member's own object", () => {
    expectEvents([screen('SearchScreen'), appTrack('Screen Viewed', { screen: 'SearchScreen' }), appTrack('Card Viewed', { card: 'SearchResultsTile' }),
      screen('SearchResultsList'), appTrack('Card Viewed', { card: 'PrescriptionsCardView' })], true);
  });
});
