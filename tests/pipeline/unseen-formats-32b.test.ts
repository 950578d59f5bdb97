import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { openPlan, openPlanProbe } from '../helpers/open-plan.js';

// Pass 32 leftovers (.tmp/h155): what H152 found in mobile apps' events and did not fix, as classes. Every event goes
// to the open destination (every property, no BAA); the client context test allows `**`.
const { sent, blocked } = openPlanProbe('f32b');
const APP = { app: { name: 'Example Health', version: '6.1.0', build: '610' }, os: { name: 'Android', version: '15' }, library: { name: 'analytics-kotlin', version: '1.17.0' } };
const appTrack = (event: string, properties: Record<string, unknown>) => ({ type: 'track', event, properties, context: APP });
const appScreen = (name: string) => ({ type: 'screen', name, properties: { from: 'tab_bar' }, context: APP });

describe('an analytics vendor’s user-id fields are the user’s id', () => {
  it('drops Mixpanel’s and PostHog’s distinct ids, Braze’s and Amplitude’s ids holding a short patient number', () => {
    const events = [
      { distinct_id: '530917', plan: 'bronze' },
      { $distinct_id: '66120', plan: 'bronze' },
      { mixpanel: { properties: { distinctId: '730914', plan: 'bronze' } } },
      { $anon_distinct_id: '881204', plan: 'bronze' },
      { posthog: { $identified_id: '402277', plan: 'bronze' } },
      { braze: { braze_id: '551930', plan: 'bronze' } },
      { amplitude_id: 909123, plan: 'bronze' },
    ];
    for (const p of events) {
      const out = sent(appTrack('App Session', p));
      for (const v of ['530917', '66120', '730914', '881204', '402277', '551930', '909123']) expect(out, JSON.stringify(p)).not.toContain(v);
      expect(out, JSON.stringify(p)).toContain('bronze');
    }
  });
});

describe('a screen named with any UI kind the app’s classes end with', () => {
  it('blocks a sensitive screen whose class ends with Viewer or Pane, as a screen call or a screen class', () => {
    expect(blocked(appScreen('TestResultDetailViewer'))).toBe(true);
    expect(blocked(appScreen('PatientMessagesPane'))).toBe(true);
    expect(blocked(appTrack('screen_view', { screen_class: 'LabResultDetailViewer' }))).toBe(true);
    expect(blocked(appTrack('App Crashed', { transaction: 'BillPayPane', level: 'fatal' }))).toBe(true);
    expect(blocked(appTrack('App Crashed', { last_view: 'TestResultsPanel' }))).toBe(true);
  });

  it('lets public screens of those kinds flow with their names', () => {
    expect(sent(appScreen('CampusMapViewer'))).toContain('"name":"CampusMapViewer"');
    expect(sent(appTrack('App Crashed', { transaction: 'VisitorParkingPane' }))).toContain('VisitorParkingPane');
  });
});

describe('an app opened by a link is on the screen the link names', () => {
  it('blocks an opened event whose link leads to a blocked screen or page, under any link key', () => {
    const opened = [
      appTrack('Universal Link Opened', { link: 'https://www.example-health.org/patient-portal/messages/55', app_state: 'background' }),
      appTrack('Deep Link Opened', { link: 'exhealth://lab-results/88', source: 'sms' }),
      appTrack('Push Notification Opened', { deep_link: 'exhealth://billing/pay', campaign: 'statement' }),
      appTrack('Notification Tapped', { target_url: 'exhealth://pharmacy/refill-confirm' }),
      appTrack('Dynamic Link Opened', { uri: 'https://www.example-health.org/mychart/test-results' }),
    ];
    for (const e of opened) expect(blocked(e), JSON.stringify(e.properties)).toBe(true);
  });

  it('lets an opened event with a public link flow, and on any other event only drops a link to a blocked page', () => {
    const out = sent(appTrack('Universal Link Opened', { link: 'https://www.example-health.org/find-a-doctor?utm_source=email', app_state: 'background' }));
    expect(out).toContain('/find-a-doctor');
    expect(out).toContain('"app_state":"background"');
    const shared = sent(appTrack('Link Shared', { link: 'exhealth://lab-results/88', channel: 'sms' }));
    expect(shared).not.toContain('lab-results');
    expect(shared).toContain('"channel":"sms"');
  });
});

describe('an Android intent link’s fallback page', () => {
  const intent = (path: string, fallback: string) => `intent://${path}#Intent;scheme=exhealth;package=org.example.health;S.browser_fallback_url=${encodeURIComponent(fallback)};end`;
  it('is where the link leads: a deep link to a blocked fallback page blocks, a link to one is dropped', () => {
    expect(blocked(appTrack('Deep Link Opened', { deep_link_url: intent('launch', 'https://www.example-health.org/patient-portal/inbox'), source: 'email' }))).toBe(true);
    expect(blocked(appTrack('App Opened', { intent_uri: intent('go', 'https://www.example-health.org/billing/pay-my-bill') }))).toBe(true);
    const out = sent(appTrack('Button Clicked', { href: intent('go', 'https://www.example-health.org/mychart/messages'), label: 'Open' }));
    expect(out).not.toContain('mychart');
    expect(out).toContain('"label":"Open"');
  });

  it('lets a link falling back to a public page flow', () => {
    expect(blocked(appTrack('Deep Link Opened', { deep_link_url: intent('launch', 'https://www.example-health.org/locations/east-campus'), source: 'email' }))).toBe(false);
  });
});

describe('Jetpack Navigation’s destination names the screen', () => {
  it('blocks a destination object’s route or a destination route string naming a blocked screen', () => {
    const navs = [
      { destination: { route: 'test_results/{resultId}', id: 2131230901, label: 'Results' } },
      { currentDestination: { route: 'billing/pay', navigatorName: 'composable' } },
      { nav_destination: 'patient_portal/messages/{threadId}' },
      { current_destination: 'pharmacy/refill/{rxId}' },
    ];
    for (const p of navs) expect(blocked(appTrack('Destination Changed', p)), JSON.stringify(p)).toBe(true);
  });

  it('lets a public destination flow', () => {
    expect(blocked(appTrack('Destination Changed', { destination: { route: 'clinics/{clinicId}', id: 2131230777, label: 'Clinic' } }))).toBe(false);
    expect(blocked(appTrack('Trip Planned', { destination: 'East Campus', travel_mode: 'transit' }))).toBe(false);
  });
});

describe('app values that were over-cut', () => {
  it('reads an install referrer made of a query alone as a query: campaign parameters stay, the rest goes', () => {
    const out = sent(appTrack('Application Installed', { install_referrer: 'utm_source=google-play&utm_medium=organic&utm_campaign=portal-signup&gclid=Cj0KCQiA4x', version: '6.1.0' }));
    expect(out).toContain('utm_campaign=portal-signup');
    expect(out).not.toContain('Cj0KCQiA4x');
    const encoded = sent(appTrack('Install Attributed', { referrer: 'utm_source%3Dgoogle-play%26utm_campaign%3Dflu-shots-2026' }));
    expect(encoded).toContain('flu-shots-2026');
    // Its words are no page: a campaign named for the portal's sign-up does not block the install.
    expect(blocked(appTrack('Application Installed', { referrer: 'utm_source=google-play&utm_campaign=portal-signup' }))).toBe(false);
    expect(sent(appTrack('Application Installed', { install_referrer: 'utm_source=sms&utm_content=jane.roe%40mail.example' }))).not.toContain('jane.roe');
  });

  it('keeps an app’s bundle id under `id`, and still drops a person’s id there', () => {
    const out = sent(appTrack('Application Opened', { app: { id: 'org.examplehealth.patientapp', version: '6.1.0' }, user: { id: '448120' } }));
    expect(out).toContain('org.examplehealth.patientapp');
    expect(out).not.toContain('448120');
    expect(sent(appTrack('Profile Saved', { id: 'jo.quarnby.md' }))).not.toContain('quarnby');
  });

  it('sends the network’s carrier where the client context is allowed, never the device’s id', () => {
    const plan = openPlan('["**"]');
    const rows = dryRunLine({ type: 'track', event: 'Clinic Search', messageId: 'f32b-c', anonymousId: 'a-f32b', properties: { q: 'x' },
      context: { ...APP, network: { carrier: 'Verizon', wifi: false, cellular: true }, device: { id: '9f3c2a71b0d94e55', model: 'Pixel 9' } } } as never, plan, { idFor: () => 'pw' });
    const out = JSON.stringify(rows.map((r) => r.payload));
    expect(out).toContain('"carrier":"Verizon"');
    expect(out).not.toContain('9f3c2a71b0d94e55');
  });
});
