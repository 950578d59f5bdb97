import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 39 (H197): where the visitor came from or what the page announces says they are a patient. A campaign sent to
// patients or following their care (email, SMS, portal notices, an ad's patient list), a keyword naming one's own matter,
// a notification's own words and a page titled as a notice of one's own results, bill or messages block; a public campaign,
// a guide about results and a message from the CEO flow, and a campaign naming a condition flows without its name, keyword
// or creative. Every event goes to the open destination (no BAA); the spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p40');
const titled = (title: string, path = '/') => ({ context: { page: { path, url: `https://www.example-health.org${path}`, title } } });
const tracked = (event: string, properties: Record<string, unknown>, path = '/') => ({ type: 'track', event, properties, ...pageOn(path) });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe('a campaign sent to patients or following their care', () => {
  it('blocks a mailing whose audience is patients or recipients of a service', () => {
    expectAll([pageOn('/?utm_campaign=hemodialysis-patients-spring-update&utm_medium=email'), pageOn('/?utm_campaign=Welcome_New_Patient_Cardiology'),
      pageOn('/?utm_source=sfmc&utm_campaign=202703_NEURO_PatientBulletin'), pageOn('/?utm_campaign=9c8b7a6d5e-EMAIL_CAMPAIGN_2027_01_05_CHF_Patients'),
      pageOn('/?utm_campaign=kidney-transplant-recipients-digest'), pageOn('/?utm_campaign=newsletter-for-our-patients')], true);
  });
  it('blocks a campaign following a visit, a stay, a missed visit or a care gap', () => {
    expectAll([pageOn('/?utm_campaign=PostOpDay2CheckIn&utm_medium=sms'), pageOn('/services/urology?utm_campaign=after-visit-feedback'),
      pageOn('/?utm_campaign=ed-discharge-follow-up-call'), pageOn('/?utm_campaign=noshow_rebook_text'), pageOn('/?utm_campaign=Missed+Visit+Outreach'),
      pageOn('/?utm_source=press-ganey&utm_medium=email'), pageOn('/?utm_campaign=colonoscopy-now-due'), pageOn('/?utm_campaign=gaps-in-care-q2'),
      pageOn('/?utm_content=pre-op-checklist&utm_campaign=surgery-center'), pageOn('/?utm_campaign=recordatorio-de-tu-consulta'),
      pageOn('/?utm_campaign=rappel-de-rdv&utm_medium=sms'), pageOn('/?utm_campaign=Terminerinnerung')], true);
  });
  it("blocks the portal named in a campaign, a searcher's own matter in a keyword and a campaign in the event's properties", () => {
    expectAll([pageOn('/?utm_source=MyChart&utm_medium=email'), pageOn('/?utm_campaign=portal-invitation-wave-3'),
      pageOn('/?utm_source=bing&utm_medium=cpc&utm_term=view+my+lab+results'), pageOn('/?utm_term=pay%20my%20er%20bill'),
      tracked('Email Link Clicked', { campaign_name: 'Post-Surgery Day 5 Check-In' }), tracked('Push Notification Tapped', { campaign: { name: 'Imaging Results Ready' } }),
      tracked('page_view', { campaign: 'discharge-instructions-reminder', source: 'email' }), tracked('Clicked Email', { 'Campaign Name': 'Cardiac Rehab Patients - Week 4' }),
      tracked('Email Link Clicked', { templateName: 'post_visit_survey_v2' })], true);
  });
  it('lets public, seasonal, recruiting and acquisition campaigns flow with their names', () => {
    for (const q of ['utm_campaign=flu-clinic-weekend&utm_source=facebook', 'utm_campaign=winter-open-house', 'utm_campaign=now-accepting-new-patients-ob',
      'utm_campaign=new-patient-special-149', 'utm_campaign=patient-safety-week-2027', 'utm_campaign=posted-positions-nursing', 'utm_campaign=op-ed-cmo',
      'utm_source=google&utm_medium=cpc&utm_term=walk+in+clinic+near+me', 'utm_campaign=plan-your-visit-guide', 'utm_campaign=seniors-health-newsletter']) {
      const e = pageOn(`/?${q}`);
      expect(blocked(e), q).toBe(false);
      expect(sent(e), q).toContain(new URLSearchParams(q).get('utm_campaign') ?? new URLSearchParams(q).get('utm_term') ?? '');
    }
  });
  it("withholds a condition's campaign with its keyword and creative, in every field", () => {
    const e = pageOn('/?utm_source=facebook&utm_campaign=bipolar-support-retargeting&utm_content=MoodSwings_Carousel_v3&utm_term=lookalike_2pct');
    expect(blocked(e)).toBe(false);
    const out = sent(e);
    for (const gone of ['bipolar', 'MoodSwings', 'lookalike_2pct']) expect(out).not.toContain(gone);
    expect(out).toContain('facebook');
  });
});

describe("a page or a notification titled as a notice of one's own matter", () => {
  it('blocks results, bills, prescriptions and reports announced as ready', () => {
    expectAll([titled('Your biopsy results are now available'), titled('Your results are back | Example Health'), titled('Your new lab report is ready'),
      titled('New test results posted (1) - MyPortal'), titled('Your invoice is ready'), titled('Your prescriptions are ready for pick up'),
      titled('Sus resultados ya están disponibles'), titled('Vos résultats d’analyses sont prêts'), titled('Ihre Laborergebnisse sind jetzt online'),
      titled('Seus resultados estão disponíveis')], true);
  });
  it('blocks a message waiting for the visitor, in a title or in a notification event', () => {
    expectAll([titled('Hi Sam, you have 4 unread messages'), titled('You have a new secure message'), titled('Your doctor replied'),
      titled('Dr. Ana Ruiz sent you a note'), titled('New message from your care team'),
      tracked('In-App Message Opened', { message_title: 'Your nurse sent you a message' }), tracked('Email Opened', { subject: 'Your test results are ready to view' }),
      tracked('Opened Email', { Subject: 'You have a new message from your care team' })], true);
  });
  it('lets guides about results, leaders\' messages, quizzes elsewhere and stories about results flow', () => {
    expectAll([titled('Results-Driven Cardiology'), titled('Messages from our Chief Nursing Officer'), titled('Test your knowledge: stroke signs', '/blog/stroke-signs'),
      titled('Understanding Your Pathology Report'), titled('How to read your bill'), titled('Get your results faster online'),
      titled('Your results are in: what to ask next', '/blog/what-to-ask'), titled('A message from Dr. Lee, our CEO'),
      tracked('Email Opened', { subject: 'Join us at the health fair' }), { type: 'track', event: 'Article Viewed', properties: { title: 'You have new messages: a guide to the portal' }, ...titled('Health Library') }], false);
  });
});
