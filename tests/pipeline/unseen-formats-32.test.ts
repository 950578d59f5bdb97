import { describe, expect, it } from 'vitest';
import { openPlanProbe } from '../helpers/open-plan.js';

// Pass 32 (.tmp/h152): events from hospital mobile apps and server SDKs (Segment's iOS, Android and React Native
// libraries, Firebase, Amplitude, Sentry). An app event has no page: its screen is named by the router, the crash
// reporter or the link that opened the app. Every event goes to the open destination (every property, no BAA).
const { sent, blocked } = openPlanProbe('f32');
const APP = { app: { name: 'Example Health', version: '5.12.0', build: '4411' }, os: { name: 'iOS', version: '17.5.1' }, library: { name: 'analytics-react-native', version: '2.19.0' } };
const appTrack = (properties: Record<string, unknown>, event = 'Navigation State Changed') => ({ type: 'track', event, properties, context: APP });

describe('a router’s route object names the app’s screen', () => {
  it('blocks a sensitive screen named by React Navigation, a navigator state or Flutter’s RouteSettings', () => {
    const routes = [
      { route: { name: 'AppointmentConfirm', key: 'AppointmentConfirm-7gQx2', params: { appointmentId: 'A-77812' } } },
      { route: { name: 'LabResultDetail', params: { resultId: 'r-1' } } },
      { navigation_state: { index: 1, routes: [{ key: 'Home-a1', name: 'Home' }, { key: 'Results-b2', name: 'Results', state: { routes: [{ key: 'x', name: 'LabResultDetail' }] } }] } },
      { settings: { name: '/pharmacy/refill-confirm', arguments: { rx: 3 } } },
      { nav: { state: { routes: [{ name: 'billing.pay' }] } } },
      // The properties are the route itself (a screen tracker sending `route` whole).
      { name: 'PayBillSummary', params: { invoice: 'INV-1' } },
    ];
    for (const r of routes) expect(blocked(appTrack(r)), JSON.stringify(r)).toBe(true);
  });

  it('keeps a public screen’s route name, scanned, and still drops a person’s name beside params', () => {
    const out = sent(appTrack({ route: { name: 'ProviderProfile', key: 'ProviderProfile-x8Kq2', params: { providerId: 'dr-priya-raman' } } }));
    expect(out).toContain('"name":"ProviderProfile"');
    expect(out).toContain('dr-priya-raman');
    expect(sent(appTrack({ settings: { name: '/clinics/west', arguments: { tab: 'hours' } } }))).toContain('"name":"/clinics/west"');
    expect(sent(appTrack({ contact: { name: 'Harriet Quarnerby', params: { topic: 'billing' } } }))).not.toContain('Quarnerby');
  });
});

describe('an app event names its screen by the screen’s class under any key', () => {
  it('blocks a crash report, a previous screen or a platform class naming a sensitive screen', () => {
    const named = [
      { transaction: 'BillPayScreen', level: 'fatal' },
      { activity: 'org.example.health.ui.results.LabResultDetailActivity' },
      { view_controller: 'ExampleHealth.LabResultDetailViewController' },
      { swiftui_view: 'ModifiedContent<LabResultDetailView, _EnvironmentKeyWritingModifier<Optional<Color>>>' },
      { previous_screen: 'PayBillScreen', screen: 'Home' },
      { firebase_previous_class: 'TestResultsViewController', firebase_screen_class: 'HomeViewController' },
      { screen_class: 'lab_result_detail_screen' },
    ];
    for (const p of named) expect(blocked(appTrack(p, 'App Crashed')), JSON.stringify(p)).toBe(true);
  });

  it('reads a crash reporter’s navigation crumbs, by name or by path, also in Sentry’s `{values}`', () => {
    expect(blocked(appTrack({ breadcrumbs: [{ category: 'navigation', data: { from: 'LabResultsScreen', to: 'Home' } }] }, 'App Crashed'))).toBe(true);
    expect(blocked(appTrack({ breadcrumbs: { values: [{ category: 'navigation', data: { from: '/', to: '/patient-portal/messages' } }] } }, 'App Crashed'))).toBe(true);
  });

  it('lets public screens flow with their classes and crumbs', () => {
    const clean = { transaction: 'FindADoctorScreen', activity: 'org.example.health.ui.clinics.ClinicMapActivity', breadcrumbs: [{ category: 'navigation', data: { from: 'Home', to: 'ClinicLocations' } }], release: 'org.example.health@5.12.0+4411' };
    const out = sent(appTrack(clean, 'App Warning'));
    for (const v of ['FindADoctorScreen', 'ClinicMapActivity', 'ClinicLocations', 'org.example.health@5.12.0+4411']) expect(out).toContain(v);
  });
});

describe('other places an app names where it is', () => {
  it('reads Amplitude’s `[Amplitude] Screen Name` like a screen name', () => {
    expect(blocked(appTrack({ '[Amplitude] Screen Name': 'Visit Summary' }, '[Amplitude] Screen Viewed'))).toBe(true);
    expect(blocked(appTrack({ '[Amplitude] Screen Name': 'Find a Doctor' }, '[Amplitude] Screen Viewed'))).toBe(false);
  });

  it('reads the deep link an SDK puts in `context.referrer` as the app’s screen', () => {
    const opened = (url: string) => ({ type: 'track', event: 'Application Opened', properties: { from_background: false }, context: { ...APP, referrer: { type: 'app', url } } });
    expect(blocked(opened('exhealth://billing/pay'))).toBe(true);
    expect(blocked(opened('exhealth://clinics/west'))).toBe(false);
    expect(blocked(opened('https://www.google.com/'))).toBe(false);
  });
});

describe('the link that opened the app and the screens under longer keys', () => {
  it('reads the link the app was opened with (React Native’s initialURL, iOS’s webpageURL, intent data, AppsFlyer’s value)', () => {
    const opened = [
      { initialURL: 'exhealth://lab-results/12' },
      { initialURL: 'exhealth://portal/messages' },
      { webpageURL: 'https://www.example-health.org/mychart/app/messages' },
      { intent_data: 'exhealth://billing/pay' },
      { deep_link_value: 'lab-results' },
    ];
    for (const p of opened) expect(blocked(appTrack(p, 'Application Opened')), JSON.stringify(p)).toBe(true);
    expect(blocked(appTrack({ initialURL: 'exhealth://clinics/west', deep_link_value: 'flu-shots' }, 'Application Opened'))).toBe(false);
  });

  it('drops a link into the app that leads to a blocked screen (a push notification’s ab_uri), as a web link is', () => {
    const out = sent(appTrack({ ab_uri: 'exhealth://portal/messages', cta: 'Open' }, 'Push Notification Received'));
    expect(out).not.toContain('portal/messages');
    expect(out).toContain('"cta":"Open"');
    expect(sent(appTrack({ ab_uri: 'exhealth://clinics/west' }, 'Push Notification Tapped'))).toContain('"ab_uri":"exhealth://clinics/west"');
    // Tapped, the push opens the app on that screen: the event is the screen's (H155, unseen-formats-32b).
    expect(blocked(appTrack({ ab_uri: 'exhealth://portal/messages', cta: 'Open' }, 'Push Notification Tapped'))).toBe(true);
  });

  it('reads a screen under a longer key (previous_screen_name, current_screen, GA4’s ep.firebase_screen), nested too', () => {
    const named = [{ previous_screen_name: 'Pay Bill' }, { 'ep.firebase_screen': 'Bill Pay' }, { custom_keys: { current_screen: 'RefillRequest' } }];
    for (const p of named) expect(blocked(appTrack(p, 'Screen Left')), JSON.stringify(p)).toBe(true);
    const out = sent(appTrack({ current_screen: 'ClinicMap', fullscreen: 'false', splash_screen: 'LaunchScreen', screen: { width: 393 } }, 'Screen Left'));
    for (const v of ['"current_screen":"ClinicMap"', '"fullscreen":"false"', '"splash_screen":"LaunchScreen"', '"width":393']) expect(out).toContain(v);
  });
});

describe('a crash report’s software names', () => {
  it('keeps a program’s name beside its dotted version (Sentry contexts, an SDK), and a person’s beside a record’s revision goes', () => {
    const out = sent(appTrack({ contexts: { os: { name: 'iOS', version: '17.5.1' }, runtime: { name: 'Hermes', version: '0.12.0' } }, sdk: { name: 'sentry.cocoa', version: '8.36.0' } }, 'App Crashed'));
    for (const v of ['"name":"iOS"', '"name":"Hermes"', '"name":"sentry.cocoa"']) expect(out).toContain(v);
    expect(sent(appTrack({ record: { name: 'Zephyrine Brisbworth', version: 3 } }, 'Record Saved'))).not.toContain('Brisbworth');
    expect(sent(appTrack({ record: { name: 'Zephyrine Brisbworth', version: '2' } }, 'Record Saved'))).not.toContain('Brisbworth');
  });
});

describe('coordinates under longer keys', () => {
  it('drops a latitude or longitude whose key ends with lat, lng or lon (Amplitude’s location_lat)', () => {
    const out = sent(appTrack({ location_lat: 42.361452, location_lng: -71.057083, geo_lon: '-71.057083', gpsLat: '42.361452', platform: 'iOS', salon_name_kind: 'x' }, 'Provider Viewed'));
    expect(out).not.toContain('42.361452');
    expect(out).not.toContain('71.057083');
    expect(out).toContain('"platform":"iOS"');
  });

  it('keeps keys where the short word is part of another (`platform`, `is_flat`, `translation`)', () => {
    const out = sent(appTrack({ platform: 'android', is_flat: true, translation: 'es', ui_layout: 'compact' }, 'Settings Viewed'));
    for (const v of ['"platform":"android"', '"is_flat":true', '"translation":"es"', '"ui_layout":"compact"']) expect(out).toContain(v);
  });
});

describe('push tokens and long digests under keys no rule names', () => {
  const APNS = '52c55a7bc3fcf585c08bd32698c09ad74da89c6b9baf2eed085274509c26e836';
  const FCM = 'dGhpc2lzYWZha2V0b2tlbjEyMzQ1:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqxk9aQ2_Lm0pQ-7zT';
  it('cuts a hex token whole, even with nine digits inside it that read like an SSN', () => {
    const out = sent(appTrack({ apns: APNS, provider: 'apns' }, 'Push Registered'));
    expect(out).not.toContain('c26e836');
    expect(out).toContain('"provider":"apns"');
  });

  it('cuts a token longer than 65 characters (a SHA-512 digest, a long push token)', () => {
    const sha512 = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
    const out = sent(appTrack({ x: sha512, y: `${APNS}${APNS.slice(0, 32)}` }, 'Push Registered'));
    expect(out).not.toContain('cf83e1357eef');
    expect(out).not.toContain('a538327af927da3e');
    expect(out).not.toContain('52c55a7bc3fc');
  });

  it('cuts a Firebase registration token whole, pieces after `-` and `_` too', () => {
    const out = sent(appTrack({ registration: FCM, sdk_event: `fcm ${FCM} registered` }, 'Push Registered'));
    for (const piece of ['1RYqxk9aQ2', 'Lm0pQ', '7zT', 'APA91']) expect(out).not.toContain(piece);
    expect(out).toContain('registered');
  });
});
