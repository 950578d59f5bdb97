import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 41 (H210): patient tools hosted by vendors or on their own subdomain, and the public sections and help pages
// beside them. An app's web view named after a bill-pay, check-in or video-visit vendor blocks as the vendor's host does;
// a public section on its own subdomain (`news.`, `careers.`, `findadoctor.`) is read as that section's path on the main
// host, and a help page about the portal flows as its FAQ does. Every event goes to the open destination (no BAA).
const { blocked } = openPlanProbe('p42');
const APP = { app: { name: 'Example Health', version: '5.2.0' }, os: { name: 'iOS', version: '17.4' } };
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: APP });
const viewed = (properties: Record<string, unknown>) => ({ type: 'track', event: 'screen_view', properties, context: APP });
const at = (url: string, title?: string) => {
  const e = pageAt(url) as { context: { page: Record<string, unknown> } };
  return title === undefined ? e : { context: { page: { ...e.context.page, title } } };
};
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("an app's web view named after a patient tool's vendor", () => {
  it('blocks a web view named after a bill-pay, check-in or video-visit vendor, alone or before its area', () => {
    expectAll([screen('PaymentusWebView'), screen('InstaMedWebViewController'), screen('CedarBillPayWebView'), screen('DoxyWebView'),
      viewed({ screen_name: 'PaymentusWebView' }), viewed({ firebase_screen_class: 'PhreesiaWebViewActivity' })], true);
  });
  it('lets web views of public content, a shop and a directory vendor flow', () => {
    expectAll([screen('PatientEducationWebView'), screen('PayPalWebView'), screen('GiftShopWebView'), screen('NewsWebView'),
      screen('ZocdocWebView'), viewed({ screen_name: 'HealthLibraryWebView' })], false);
  });
});

describe('a public section on its own subdomain', () => {
  it("reads a news, careers or directory host's page under its section", () => {
    expectAll([at('https://news.example-health.org/2024/05/new-patient-portal-launches', 'New patient portal launches'),
      at('https://newsroom.example-health.org/releases/new-mychart-app'), at('https://blog.example-health.org/2026/11/mychart-upgrade'),
      at('https://careers.example-health.org/search?q=nurse'), at('https://findadoctor.example-health.org/search?specialty=Cardiology'),
      at('https://doctors.example-health.org/results?specialty=cardiology')], false);
  });
  it("still blocks such a host's booking done, its routes and a portal's or bill pay's own host", () => {
    expectAll([at('https://findadoctor.example-health.org/book/1538291034/confirmation'), at('https://doctors.example-health.org/provider/jane/book/confirmation'),
      at('https://news.example-health.org/?page=mychart'), at('https://news.example-health.org/#/mychart/inbox'),
      at('https://news.example-health.org/mychart/login'), at('https://mychart.example-health.org/2024/05/news'), at('https://pay.example-health.org/news')], true);
  });
});

describe("help pages about the portal", () => {
  it('lets a help or support page about the portal flow, by its path or its title', () => {
    expectAll([at('https://www.example-health.org/mychart-help/faq'), at('https://www.example-health.org/patient-portal-help'),
      at('https://www.example-health.org/help/mychart'), at('https://www.example-health.org/support/patient-portal'),
      at('https://www.example-health.org/learn', 'MyChart Help | Example Health'), at('https://www.example-health.org/mychart-tips')], false);
  });
  it("still blocks the portal's own help, the portal, its sign-in, a ticket to its support and its video visit", () => {
    expectAll([at('https://www.example-health.org/mychart/help'), at('https://www.example-health.org/patient-portal/help'),
      at('https://www.example-health.org/MyChart/Help/FAQ'), at('https://www.example-health.org/learn', 'MyChart | Example Health'),
      at('https://www.example-health.org/mychart-login'), at('https://www.example-health.org/help/mychart/login'),
      at('https://www.example-health.org/mychart-support-ticket'), at('https://www.example-health.org/learn', 'MyChart Video Visit')], true);
  });
});
