import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// H81, utility pass 2: clean analytics values from hospital and clinic sites that still went out redacted, dropped
// or withheld with their event. Each kept class is checked beside the same shape in a personal context, which
// is still caught. The destination has no BAA and allows every property.
const { props } = allowAllProbe('m81');

describe('tallies and descriptions of an identifier-named thing', () => {
  it("keeps session counts, an account's type, a device's model and a promotion's slot", () => {
    const out = props({ session_count: 3, ga_session_number: 7, pages_per_session: 4.5, session_engaged: '1', account_type: 'guest',
      account_status: 'active', device_model: 'iPhone15,3', device_category: 'mobile', devicePixelRatio: 2, creative_slot: 'home_hero_1' });
    for (const v of ['"session_count":3', '"ga_session_number":7', '"pages_per_session":4.5', '"session_engaged":"1"', '"account_type":"guest"',
      '"account_status":"active"', '"device_model":"iPhone15,3"', '"device_category":"mobile"', '"devicePixelRatio":2', '"creative_slot":"home_hero_1"']) expect(out).toContain(v);
  });

  it('still drops session and device ids, account numbers, a device name and an appointment slot', () => {
    const out = props({ session_id: 's-8812', ga_session_id: '1795884130', account: '445566778', account_number: '4455667',
      device_id: 'c0a80164-7f3e-4d2b-b1a9-5e6f7a8b9c0d', device_name: "Jane Okafor's iPhone", appointment_slot: '2026-12-03 09:30', account_type: '4111 1111 1111 1111' });
    for (const v of ['s-8812', '1795884130', '445566778', '4455667', 'c0a80164', 'Okafor', '09:30', '4111']) expect(out).not.toContain(v);
  });
});

describe('amounts and counts', () => {
  it('keeps 7-8 digit amounts and counts under longer names, as numbers and as strings', () => {
    const out = props({ campaign_raised_amount: 1284310, total_page_views: 10234567, goal_amount: '2500000', reach_count: '1450211',
      totalRaised: '$1,482,115', requisition_number: '18877', spend_amount: '18230.55' });
    for (const v of ['1284310', '10234567', '"2500000"', '"1450211"', '$1,482,115', '"18877"', '"18230.55"']) expect(out).toContain(v);
  });

  it('still catches record numbers, SSNs and phone numbers under other keys, and long numbers under amount keys', () => {
    const out = props({ account: 1284310, mrn_count: '12843105', patient_number: '8675309', ref: '2500000', zip: '10045',
      balance_amount: '123456789', total_amount: '617-555-0134', discount: 'call 617-555-0134', account_count: 12843105 });
    for (const v of ['1284310', '8675309', '2500000', '10045', '123456789', '617-555-0134']) expect(out).not.toContain(v);
  });
});

describe("the event's own time", () => {
  const now = Date.now();
  const iso = new Date(now - 3_600_000).toISOString();
  it('keeps event, client and server times near now, as dates, date-times and epochs', () => {
    const out = props({ event_time: iso, server_date: iso.slice(0, 10), client_ts: now - 60_000, started_at: Math.floor(now / 1000) - 600,
      eventTimestampMs: String(now - 5000), receivedAt: iso, class_date: `${new Date(now).getUTCFullYear()}-12-12` });
    for (const v of [iso, `"server_date":"${iso.slice(0, 10)}"`, String(now - 60_000), String(Math.floor(now / 1000) - 600), String(now - 5000),
      `"class_date":"${new Date(now).getUTCFullYear()}-12-12"`]) expect(out).toContain(v);
  });

  it('still redacts a birth date, a far date under a time key, and a visit, arrival or session time near now', () => {
    const out = props({ event_time: '1961-03-14T10:00:00Z', client_ts: 1_000_000_000_000 + 86_400_000 * 7, arrival_time: iso, visit_date: iso,
      session_start_ts: iso, appointment_created_at: iso, dob: '1961-03-14', checkin_time: iso, note_time: 'DOB 03/14/1961' });
    expect(out).not.toContain('1961-03-14');
    expect(out).not.toContain('03/14/1961');
    expect(out).not.toContain(iso);
    expect(out).not.toContain('1000604800000');
  });
});

describe("a site's or tool's own object ids", () => {
  const uuid = '9b2e4f7a-1c3d-4e8f-a6b5-0d9c8e7f6a51';
  it('keeps request, article, form and asset ids, digests, etags, and shop cart tokens and job numbers', () => {
    const out = props({ request_id: uuid, article_id: uuid, hs_form_guid: uuid, asset_id: 'a3f9c2e18b7d4e6f', bundle_hash: 'e3b0c44298fc1c149afbf4c8996fb924',
      commit_sha: '1f3e5d7c9b2a4e6f8d0c1b3a5e7f9d2c4b6a8e0f', deployId: 'dpl_7Hk2mQ9xV4', etag: 'W/"5e1f-18c2a7b9d4e"', list_id: 'a1b2c3d4e5',
      cart_id: 'cart_5f2d8e9a1b', basketId: 'bsk_e91f3c77a0', job_id: 'REQ-2026-18342', requisitionId: 'JR-0048213' });
    for (const v of [`"request_id":"${uuid}"`, `"article_id":"${uuid}"`, `"hs_form_guid":"${uuid}"`, 'a3f9c2e18b7d4e6f', 'e3b0c44298fc1c149afbf4c8996fb924',
      '1f3e5d7c9b2a4e6f8d0c1b3a5e7f9d2c4b6a8e0f', 'dpl_7Hk2mQ9xV4', '5e1f-18c2a7b9d4e', 'a1b2c3d4e5', 'cart_5f2d8e9a1b', 'bsk_e91f3c77a0', 'REQ-2026-18342', 'JR-0048213']) expect(out).toContain(v);
  });

  it('still catches the same shapes as device, user or appointment ids, and identifiers under object keys', () => {
    const out = props({ advertising_id: uuid, user_hash: 'e3b0c44298fc1c149afbf4c8996fb924', appointment_request_id: 'c0a80164-7f3e-4d2b-b1a9-5e6f7a8b9c0d',
      contact_request_id: 'c0a80164-7f3e-4d2b-b1a9-5e6f7a8b9c0e', entry_id: 'c0a80164-7f3e-4d2b-b1a9-5e6f7a8b9c0f',
      request_id: 'jane.okafor@mailbox.example', form_id: 'MRN-12345678', list_id: '617-555-0134', cart_id: 'CART-6175550134', job_id: '123-45-6789',
      asset_id: '5035550142', applicant_id: 'JR-0048213' });
    for (const v of [uuid, 'e3b0c44298fc1c149afbf4c8996fb924', 'c0a80164', 'okafor', '12345678', '617-555-0134', '6175550134', '123-45-6789', '5035550142', 'JR-0048213']) expect(out).not.toContain(v);
  });
});

describe('a registrant and a city under longer names (found by the blind held half)', () => {
  it('drops them and keeps the capacity and the state', () => {
    const out = props({ registrantName: 'Dorin Albescuqh', participant_name: 'Ines Vantongeren', geoCity: 'Tualatin', ip_city: 'Beaverton',
      city_state: 'Salem, OR', capacity: 300, ipRegionCode: 'WA', registrant: 'Oluwaseun Adebayo' });
    for (const v of ['Albescuqh', 'Vantongeren', 'Tualatin', 'Beaverton', 'Salem', 'Adebayo']) expect(out).not.toContain(v);
    for (const v of ['"capacity":300', '"ipRegionCode":"WA"']) expect(out).toContain(v);
  });
});

describe('versions, language lists, durations and hosts under their keys', () => {
  it('keeps a form version, an Accept-Language list, a duration in ms, a goal, a posting date and a bare host', () => {
    const y = new Date().getUTCFullYear();
    const out = props({ form_version: `${y}.10.2`, browserLanguage: 'es-MX,es;q=0.9,en;q=0.8', idle_ms: '90000', fundraisingGoal: 2000000,
      postedDate: `${y}-11-21`, outbound_host: 'www.healthgrades.com', linkHostname: 'apps.apple.com' });
    for (const v of [`"form_version":"${y}.10.2"`, '"es-MX,es;q=0.9,en;q=0.8"', '"idle_ms":"90000"', '"fundraisingGoal":2000000', `"postedDate":"${y}-11-21"`,
      '"outbound_host":"www.healthgrades.com"', '"linkHostname":"apps.apple.com"']) expect(out).toContain(v);
  });

  it('still catches a phone under a version key, a query in a language key, a ZIP, a blocked or numbered host and a host naming a condition', () => {
    const out = props({ form_version: '617.555.0134', browser_language: 'en;q=jane@mailbox.example', zip: '90000', fundraisingGoal: '123-45-6789',
      outbound_host: 'mychart.example-health.org', referrer_host: 'ip-73-21-100-9.isp.net', link_domain: '5035550142.sms-gw.example',
      exit_host: 'www.hiv-testing-clinic.example', postedDate: '1961-03-14', website: 'www.janedoe-portfolio.example', website_domain: 'www.janedoe.example' });
    for (const v of ['617.555.0134', 'jane@mailbox', '90000', '123-45-6789', 'mychart', '73-21-100-9', '5035550142', 'hiv-testing', '1961-03-14', 'janedoe']) expect(out).not.toContain(v);
  });
});
