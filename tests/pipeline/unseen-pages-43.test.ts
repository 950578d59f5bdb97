import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 42 (H216): a patient tool shown in an app's web view, a form tool's HIPAA host and a financial assistance
// application named verb first. A web view's kind (`WebView`, `WebViewController`, `InAppBrowser`) is one suffix, so the
// page it shows is the name before it; a vendor whose name opens with a portal word (`Patientco`) is still read as the
// vendor. Public web views, pages about applying for assistance and the policy flow. Every event goes to the open destination.
const { blocked } = openPlanProbe('p43');
const APP = { app: { name: 'Example Health', version: '5.2.0' }, os: { name: 'Android', version: '14' } };
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: APP });
const viewed = (properties: Record<string, unknown>) => ({ type: 'track', event: 'screen_view', properties, context: APP });
const at = (url: string, title?: string) => {
  const e = pageAt(url) as { context: { page: Record<string, unknown> } };
  return title === undefined ? e : { context: { page: { ...e.context.page, title } } };
};
const site = (path: string, title?: string) => at(`https://www.example-health.org${path}`, title);
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("an app's web view showing a patient tool", () => {
  it('blocks a web view named after a bill-pay vendor whose name opens with a portal word, alone or before its area', () => {
    expectAll([screen('PatientcoWebView'), screen('PatientcoPaymentWebViewController'), screen('PatientcoInAppBrowser'),
      viewed({ screen_name: 'PatientcoWebView' }), viewed({ firebase_screen_class: 'PatientcoWebViewActivity' })], true);
  });
  it("blocks a web view named after a vendor the pack names only as a page's segment", () => {
    expectAll([screen('FlywireWebView'), screen('FlywireWebViewController'), viewed({ screen_name: 'FlywireInAppBrowser' })], true);
  });
  it('lets web views of public content, a shop, careers and a directory flow', () => {
    expectAll([screen('PatientStoriesWebView'), screen('PatientRightsWebView'), screen('PayPalWebView'), screen('PayrollWebView'),
      screen('CareersWebView'), screen('FindADoctorWebView'), screen('DonateWebView'), screen('InAppBrowser')], false);
  });
});

describe("a form tool's HIPAA host", () => {
  it('blocks a form on a host labelled hipaa, the form tool named or not', () => {
    expectAll([at('https://hipaa.jotform.com/233015551234567'), at('https://hipaa.jotform.com/form/233015551234567?intake=1'),
      at('https://hipaa-forms.formvendor.example/example-health/new-patient'), at('https://HIPAA.JOTFORM.COM/233015551234567')], true);
  });
  it("lets a public page about HIPAA on the site, and a page on a host that only contains the word, flow", () => {
    expectAll([site('/hipaa'), site('/privacy/hipaa-notice-of-privacy-practices'), at('https://www.hipaajournal.example/news/2026/breach-report')], false);
  });
});

describe('a financial assistance application named verb first or as a request', () => {
  it('blocks the application by its path, title or screen', () => {
    expectAll([site('/apply-for-financial-assistance'), site('/patients/apply-for-charity-care/step-2'), site('/billing/request-financial-assistance'),
      site('/financial-assistance/request'), site('/Apply-For-Financial-Aid/'), site('/p/1', 'Apply for Financial Assistance | Example Health'),
      screen('ApplyForFinancialAssistanceScreen')], true);
  });
  it('lets the policy, its summary, its FAQ, articles about applying and the PDF flow', () => {
    expectAll([site('/financial-assistance'), site('/financial-assistance-policy'), site('/financial-assistance/plain-language-summary'),
      site('/financial-assistance/faq'), site('/blog/apply-for-financial-assistance'), site('/how-to-apply-for-financial-assistance'),
      site('/documents/apply-for-financial-assistance.pdf')], false);
  });
});
