import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOME_PAGE, OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Pass 17 (.tmp/h70): other vendors' payloads forwarded whole as properties. Snowplow's `ue_px`/`cx`
// (base64url JSON of self-describing envelopes), a state blob encoded twice, a gzip blob, a link whose
// parameter is JSON in JSON; and the page those payloads say the visitor is on (Mixpanel's
// `$current_url`, Adobe's `s.pageName`, GA4/Firebase `event_params`, Tealium's `utag_data`, Matomo's
// `action_name`, Amplitude's `[Amplitude] Page URL`, Heap's page view). Each test uses its own
// spellings, not the generator's; every event goes to the open destination (no BAA).
const { blocked, sent } = openPlanProbe('f17');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Interaction', properties, ...HOME_PAGE });
/** What the open destination gets, with every base64 token read back (as any recipient can). */
const readable = (properties: Record<string, unknown>): string =>
  sent(track(properties)).replace(/[A-Za-z0-9+/_-]{16,}={0,2}/g, (t) => Buffer.from(t, /[-_]/.test(t) ? 'base64url' : 'base64').toString('utf8'));
const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');
const envelope = (data: Record<string, unknown>) => ({
  schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
  data: { schema: 'iglu:org.example/intake/jsonschema/1-0-0', data },
});

describe('structures sent encoded', () => {
  it('reads the keys of base64 JSON (a Snowplow event, its contexts, a state blob encoded twice)', () => {
    const out = readable({
      ue_px: b64url(envelope({ given_name: 'Thaddeus', surname: 'Wolcott', birth_date: '1958-02-11' })),
      cx: b64({ schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1', data: [{ schema: 'iglu:org.example/member/jsonschema/1-0-0', data: { lastName: 'Wolcott' } }] }),
      state: Buffer.from(b64({ familyName: 'Wolcott', mobile: '(458) 555-0161' })).toString('base64'),
    });
    expect(out).not.toMatch(/Wolcott|Thaddeus|02-11|0161/);
  });

  it('reads an encoded event inside a tracker’s query string', () => {
    const out = readable({ sp: `e=ue&tv=js-3.1&ue_px=${b64url(envelope({ last_name: 'Wolcott' }))}` });
    expect(out).not.toContain('Wolcott');
    expect(out).toContain('e=ue&tv=js-3.1');
  });

  it('keeps the same spelling: an encoded value still decodes as the vendor expects', () => {
    const rows = JSON.parse(sent(track({ ue_px: b64url(envelope({ last_name: 'Wolcott', plan: 'gold' })) }))) as ({ properties?: { ue_px: string } } | null)[];
    const ue = rows.find((r) => r?.properties !== undefined)?.properties?.ue_px ?? '';
    const inner = JSON.parse(Buffer.from(ue, 'base64url').toString('utf8')) as { data: { data: Record<string, string> } };
    expect(inner.data.data).toEqual({ plan: 'gold' });
  });

  it('reads the keys of a query string sent as base64', () => {
    const out = readable({ qs: Buffer.from('surname=Wolcott&plan=gold').toString('base64url') });
    expect(out).not.toContain('Wolcott');
    expect(out).toContain('plan=gold');
  });

  it('drops a compressed blob it cannot read', () => {
    const out = sent(track({ snapshot_gz: gzipSync(JSON.stringify({ name: 'Thaddeus Wolcott', dob: '1958-02-11', note: 'second visit' })).toString('base64'), step: 'intake' }));
    expect(out).not.toContain('H4sI');
    expect(out).toContain('intake');
  });

  it('takes a link whole when its parameter decodes to JSON inside JSON', () => {
    const state = encodeURIComponent(JSON.stringify({ a: JSON.stringify({ user: JSON.stringify({ name: 'Thaddeus Wolcott' }) }) }));
    expect(readable({ landing: `${OPEN_SITE}/done?s=${state}` })).not.toContain('Wolcott');
  });

  it('reads a data layer’s role-prefixed name abbreviations', () => {
    const out = readable({ utag: { cust_fname: 'Thaddeus', cust_lname: 'Wolcott', mbr_fname: 'Thaddeus' } });
    expect(out).not.toMatch(/Thaddeus|Wolcott/);
  });

  it('keeps clean encoded values and look-alikes as they are', () => {
    const clean = { ue_px: b64url(envelope({ category: 'cta', action: 'click', label: 'Visiting hours' })), sku: 'SKU-2210', color: '#3f2a9c', pdfname: 'flu-shot-faq.pdf' };
    const out = sent(track(clean));
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('the page a vendor’s payload says the visitor is on', () => {
  it.each([
    ['Mixpanel', { mixpanel: { event: '$mp_web_page_view', properties: { $current_url: `${OPEN_SITE}/mychart/billing`, mp_lib: 'web' } } }],
    ['Adobe', { s: { pageName: 'eh:patient-portal:messages', channel: 'portal' } }],
    ['Adobe’s page URL', { s: { pageURL: `${OPEN_SITE}/patient-portal/inbox` } }],
    ['GA4 event_params', { event_params: [{ key: 'page_location', value: { string_value: `${OPEN_SITE}/billing/pay` } }] }],
    ['a Firebase screen class', { event_params: [{ key: 'firebase_screen_class', value: { string_value: 'BillPaymentActivity' } }] }],
    ['Tealium', { utag_data: { page_name: 'billing:pay-now', site_section: 'billing' } }],
    ['Matomo', { matomo: { action_name: 'Patient Portal / Inbox', idsite: 2 } }],
    ['Amplitude', { event_properties: { '[Amplitude] Page URL': `${OPEN_SITE}/pay-my-bill` } }],
    ['Heap', { heap: { type: 'pageview', path: '/patient-portal/appointments' } }],
    ['an app’s screen object', { screen: { firebase_screen_class: 'PayMyBillViewController' } }],
  ])('blocks %s', (_vendor, properties) => {
    expect(blocked(track(properties))).toBe(true);
  });

  it('lets the same shapes on public pages through', () => {
    for (const properties of [
      { mixpanel: { properties: { $current_url: `${OPEN_SITE}/locations`, mp_lib: 'web' } } },
      { s: { pageName: 'eh:careers:nursing', channel: 'careers' } },
      { event_params: [{ key: 'page_location', value: { string_value: `${OPEN_SITE}/find-a-doctor` } }, { key: 'engagement_time_msec', value: { int_value: 900 } }] },
      { utag_data: { page_name: 'locations:main', site_section: 'locations' } },
      { heap: { type: 'pageview', path: '/visiting-hours' } },
      { cta: { section: 'billing', label: 'Questions about your bill?' } },
    ]) expect(blocked(track(properties))).toBe(false);
  });
});
