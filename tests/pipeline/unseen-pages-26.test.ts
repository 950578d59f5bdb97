import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 26 (H114): a form plugin's done step read from its query with the form's name, redirectors'
// and click trackers' targets in a referrer, one's visit summary as a title. Every event goes to the open
// destination (no BAA); spellings are the tests' own, not the blind corpus's.
const { blocked, sent } = openPlanProbe('p26');
const withReferrer = (path: string, referrer: string) => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, referrer } } });
const titled = (path: string, title: string) => ({ name: title, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });

describe("a form plugin's done step of a form named for an area", () => {
  it.each([
    '/index.php?option=com_rsform&formId=12&task=thankyou&form=schedule-a-consultation', // Joomla RSForm
    '/visit/?gf_page=confirmation&form=book-a-visit', // Gravity Forms
    '/forms/?wpforms_return=MTIzfDQ1&wpforms_form=bill-payment-form', // WPForms
    '/index.php?option=com_chronoforms6&chronoform=Medication_Refill&event=submit', // ChronoForms
    '/thanks?form=new-patient-intake-packet&submitted=1',
    '/contact/thank-you?formName=Request%20an%20Appointment', // the form's name in words, the path the done step
    '/schedule-appointment?submissionGuid=0f9e8d7c-1111-2222-3333-444455556666', // HubSpot, the path names the form
    '/node/77/done?webform=health_history_questionnaire', // Drupal webform's done page
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it.each(['/request-a-consultation/confirmation', '/schedule-your-visit/thank-you', '/medical-history-form/submitted'])('blocks the done step %s as a path', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("lets a clean form's done step, and an area's form before it is sent, flow", () => {
    for (const path of ['/index.php?option=com_rsform&formId=3&task=thankyou&form=newsletter-signup', '/?gf_page=confirmation&form=volunteer-application',
      '/give/?wpforms_return=OTl8MQ&wpforms_form=annual-fund-donation', '/careers/apply/thank-you?submissionGuid=aa11bb22-cc33-dd44-ee55-ff6677889900',
      '/webform/contact_us/confirmation', '/schedule-appointment?form=book-a-visit', '/events/5k/thank-you?form=race-registration',
      '/careers/schedule-interview/thank-you']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("a redirector's or click tracker's target in a referrer", () => {
  it.each([
    `https://www.google.com/url?sa=t&q=${encodeURIComponent(`${OPEN_SITE}/patient-portal/inbox`)}`,
    `https://l.facebook.com/l.php?u=${encodeURIComponent(`${OPEN_SITE}/billing/pay-now`)}&h=AT0`,
    `https://out.reddit.com/t3_abc?url=${encodeURIComponent(`${OPEN_SITE}/lab-results`)}`,
  ])('blocks a page whose referrer redirected from this site\'s sensitive page (%s)', (referrer) => {
    expect(blocked(withReferrer('/about', referrer))).toBe(true);
  });

  it('lets opaque shortener codes and clean or other sites\' targets flow, and sends only their origin', () => {
    for (const referrer of ['https://t.co/Zq81xYw', 'https://bit.ly/4aBcDeF', `https://www.google.com/url?q=${encodeURIComponent(`${OPEN_SITE}/locations/west`)}`,
      `https://l.facebook.com/l.php?u=${encodeURIComponent('https://other.example.net/patient-portal')}`]) {
      expect(blocked(withReferrer('/about', referrer)), referrer).toBe(false);
    }
    const out = sent(withReferrer('/about', 'https://t.co/Zq81xYw'));
    expect(out).toContain('/about');
    expect(out).not.toContain('Zq81xYw');
  });

  it('blocks a redirector page of this site whose encoded target is sensitive', () => {
    expect(blocked(pageOn(`/out?target=${encodeURIComponent(encodeURIComponent(`${OPEN_SITE}/mychart/billing`))}`))).toBe(true);
    expect(blocked(pageOn(`/out?target=${encodeURIComponent('https://www.youtube.com/@examplehealth')}`))).toBe(false);
  });
});

describe("one's visit summary named in a title", () => {
  it('blocks a possessive visit summary or notes', () => {
    for (const title of ['Your After-Visit Summary | Example Health', 'My Visit Notes']) expect(blocked(titled('/node/12', title)), title).toBe(true);
  });

  it('lets a post about visit summaries flow', () => {
    expect(blocked(titled('/blog/what-is-an-after-visit-summary', 'What Is an After-Visit Summary?'))).toBe(false);
  });
});

describe("patient-portal vendors' hosts, checked against public pages", () => {
  it("blocks ModMed's practice portals and keeps vendors' help and blogs", () => {
    for (const url of ['https://derm-assoc.ema.md/ema/web/practice/staff#/login', 'https://mycw31.eclinicalweb.com/portal2210/jsp/100mp/login.jsp',
      'https://lakeside.iqhealth.com/self-enroll']) {
      expect(blocked({ context: { page: { path: new URL(url).pathname, url } } }), url).toBe(true);
    }
    for (const url of ['https://www.solvhealth.com/blog/urgent-care-or-er', 'https://help.nexhealth.com/en/articles/10046572', 'https://wiki.cernerworks.com/help/default.aspx']) {
      expect(blocked({ context: { page: { path: new URL(url).pathname, url } } }), url).toBe(false);
    }
  });
});

describe('the areas in Urdu, and public pay pages', () => {
  it.each(['/ur/میرے-نتائج', '/ur/لیب-کے-نتائج', '/ur/مریض-پورٹل', '/ur/میرا-اکاؤنٹ', '/ur/بل-ادا-کریں', '/ur/اپوائنٹمنٹ-کی-تصدیق', '/ar/الفواتير/الدفع'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets Urdu research, news and jobs pages and a parking garage\'s or gift shop\'s pay page flow', () => {
    for (const path of ['/ur/تحقیق-کے-نتائج', '/ur/خبریں', '/ur/ملازمتیں', '/parking/pay-online', '/visitors/parking/pay-now', '/gift-shop/pay-now']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    for (const path of ['/parking/pay-your-bill', '/billing/pay-online', '/pay-now']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe('a check-in said with a verb or a possessive (found by the held half, after its measurement)', () => {
  it('blocks the check-in and keeps a check-in desk', () => {
    expect(blocked(titled('/page.aspx', 'Complete Your Pre-Visit Check-In | Example Health'))).toBe(true);
    expect(blocked(pageOn('/start-my-check-in'))).toBe(true);
    expect(blocked(pageOn('/visitors/check-in-desk'))).toBe(false);
  });
});
