import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { startGoogleAdsFake, TOKEN_PATH } from '../fakes/google-ads.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { REPO, post, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';

// Offline conversions forwarded one by one to Google Ads and Meta (issue #7), through the real
// collector, the durable spool, the delivery workers and the vendor fakes.

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const BACKEND = { authorization: 'Basic ' + Buffer.from('sched-key:').toString('base64') };
const ADS = { customerId: '1234567890', developerToken: 'devtok_QwErTy123456', clientId: 'cid', clientSecret: 'csecret', refreshToken: 'rtoken' };
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString();

function config(adsUrl: string, metaUrl: string): string {
  return `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
secrets: { hash_key: offline-forward-test-secret-0123 }
sites:
  - { name: scheduling, write_key: sched-key, backend: true }
destinations:
  journeys:
    type: aggregate
    baa: true
    allow: [event, anonymous_id]
    options:
      dimensions: [channel]
      attribution:
        conversions: [Appointment Requested]
        forward_offline: [gads, { destination: capi, event_name: Schedule, action_source: physical_store }]
  gads:
    type: google-ads
    baa: true
    match_keys: true
    options:
      customer_id: "${ADS.customerId}"
      developer_token: ${ADS.developerToken}
      client_id: ${ADS.clientId}
      client_secret: ${ADS.clientSecret}
      refresh_token: ${ADS.refreshToken}
      token_url: ${adsUrl}${TOKEN_PATH}
      endpoint: ${adsUrl}
      conversion_actions: { Appointment Booked: "555" }
  journeys_b:
    type: aggregate
    baa: true
    allow: [event, anonymous_id]
    options: { dimensions: [channel], attribution: { conversions: [Booked], forward_offline: [capi_expired] } }
  capi_expired:
    type: meta
    baa: { signed: 2024-01-01, expires: 2025-01-01 }
    match_keys: true
    options: { pixel_id: "998877", access_token: meta-token-abc, endpoint: ${metaUrl} }
  capi:
    type: meta
    baa: true
    match_keys: true
    options: { pixel_id: "998877", access_token: meta-token-abc, endpoint: ${metaUrl} }
`;
}

const uploaded = (ads: FakeServer) => ads.handled().filter((r) => r.path.endsWith(':uploadClickConversions') && r.errors.length === 0)
  .flatMap((r) => (r.json as { conversions: Record<string, unknown>[] }).conversions);

describe('offline conversions forwarded per conversion to Google Ads and Meta', () => {
  let c: Collector;
  let ads: FakeServer;
  let meta: FakeServer;
  const conversion = (id: string, subject: string, status = 'confirmed') => ({
    id, type: 'Appointment Booked', time: YESTERDAY, value: 250, currency: 'USD', status,
    visitor_token: subject, email: ' John.Smith@Gmail.com ', phone: '(650) 555-1212',
  });
  const send = async (body: unknown) => {
    const r = await post(`${c.url}/v1/conversions`, body, BACKEND);
    expect(r.status).toBe(200);
    return (r.json.results as Record<string, unknown>[])[0].forwarded as Record<string, { forwarded: number; not_forwarded: Record<string, number> }>;
  };

  beforeAll(async () => {
    ads = (await startGoogleAdsFake(ADS)).server;
    meta = await startMetaFake({ pixelId: '998877', accessToken: 'meta-token-abc' });
    c = await startCollector({ configPath: writeConfig(config(ads.url, meta.url)) });
    const auth = await post(`${c.url}/v1/authorizations`, { subject: 'visitor-with-consent', scope: 'marketing', expires_at: new Date(Date.now() + 86_400_000).toISOString(), source: 'crm-consent-form' }, BACKEND);
    expect(auth.status).toBe(201);
  }, 30_000);
  afterAll(async () => { await c.close(); await ads.close(); await meta.close(); });

  it('forwards an authorized conversion to both, with each API\'s hashed keys and no raw value', async () => {
    expect(await send(conversion('appt-1', 'visitor-with-consent'))).toEqual({ gads: { forwarded: 1, not_forwarded: {} }, capi: { forwarded: 1, not_forwarded: {} } });
    const [g] = await waitFor(() => uploaded(ads), (l) => l.length === 1);
    expect(g).toMatchObject({
      conversionAction: 'customers/1234567890/conversionActions/555', conversionValue: 250, currencyCode: 'USD',
      // Google: gmail dots removed, phone in E.164 with +.
      userIdentifiers: [{ hashedEmail: sha('johnsmith@gmail.com') }, { hashedPhoneNumber: sha('+16505551212') }],
    });
    const [m] = await waitFor(() => acceptedMetaEvents(meta), (l) => l.length === 1);
    expect(m).toMatchObject({
      event_name: 'Schedule', action_source: 'physical_store', event_time: Math.floor(Date.parse(YESTERDAY) / 1000), event_id: g.orderId,
      // Meta: trimmed and lower-cased email; phone digits with country code, no +.
      user_data: { em: [sha('john.smith@gmail.com')], ph: ['e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176'] },
      custom_data: { value: 250, currency: 'USD' },
    });
    const wire = [...ads.requests, ...meta.requests].map((r) => r.raw).join('\n');
    for (const raw of ['Smith', 'smith@', '555-1212', '6505551212"', 'visitor-with-consent', 'appt-1', 'Appointment Booked']) expect(wire).not.toContain(raw);
  });

  it('forwards nothing to a destination whose dated BAA has expired', async () => {
    const r = await post(`${c.url}/v1/conversions`, conversion('appt-0', 'visitor-with-consent'), BACKEND);
    expect((r.json.results as Record<string, unknown>[])[1]).toMatchObject({ destination: 'journeys_b', forwarded: { capi_expired: { forwarded: 0, not_forwarded: { no_baa: 1 } } } });
  });

  it('forwards nothing for a subject without a marketing authorization', async () => {
    await waitFor(() => uploaded(ads), (l) => l.length === 2);
    expect(await send(conversion('appt-2', 'visitor-without-consent'))).toEqual({
      gads: { forwarded: 0, not_forwarded: { not_authorized: 1 } }, capi: { forwarded: 0, not_forwarded: { not_authorized: 1 } },
    });
    const { email: _email, ...noEmail } = conversion('appt-3', 'visitor-with-consent');
    // Without email the join falls to the token and the phone still matches: forwarded.
    expect((await send(noEmail)).gads.forwarded).toBe(1);
    // Meta refuses physical_store events older than 62 days (and with them the whole batch): not spooled.
    const old = { ...conversion('appt-old', 'visitor-with-consent'), time: new Date(Date.now() - 70 * 86_400_000).toISOString() };
    expect(await send(old)).toEqual({ gads: { forwarded: 1, not_forwarded: {} }, capi: { forwarded: 0, not_forwarded: { too_old: 1 } } });
    await waitFor(() => uploaded(ads), (l) => l.length === 4);
    expect((await c.runtime.spool.stats()).byDestination.gads?.dead ?? 0).toBe(0);
  });

  it('a pending conversion is forwarded once, when confirmed; duplicates never again', async () => {
    const before = uploaded(ads).length;
    expect(await send(conversion('appt-4', 'visitor-with-consent', 'pending'))).toEqual({ gads: { forwarded: 0, not_forwarded: {} }, capi: { forwarded: 0, not_forwarded: {} } });
    expect((await send(conversion('appt-4', 'visitor-with-consent'))).gads.forwarded).toBe(1);
    expect(await send({ conversions: [conversion('appt-4', 'visitor-with-consent'), conversion('appt-4', 'visitor-with-consent')] })).toEqual({
      gads: { forwarded: 0, not_forwarded: { already_forwarded: 2 } }, capi: { forwarded: 0, not_forwarded: { already_forwarded: 2 } },
    });
    await waitFor(() => uploaded(ads), (l) => l.length === before + 1);
    await waitFor(async () => (await c.runtime.spool.stats()).pending, (n) => n === 0);
    expect(uploaded(ads)).toHaveLength(before + 1);
    const ids = acceptedMetaEvents(meta).map((e) => e.event_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('forward_offline configuration', () => {
  const load = (targets: string, extra: string) => () => loadConfig(writeConfig(`version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  journeys:
    type: aggregate
    baa: true
    allow: [anonymous_id]
    options: { attribution: { conversions: [Booked], forward_offline: ${targets} } }
${extra}`));

  it('refuses a target that is not google-ads/meta, has no BAA, lacks match_keys, or does not exist', () => {
    expect(load('[out]', '  out: { type: webhook, baa: true, options: { url: "https://x.example/h" } }')).toThrow(/forward_offline\[0\].*"out" is a webhook destination/s);
    expect(load('[fb]', '  fb: { type: meta, options: { pixel_id: "1", access_token: t } }')).toThrow(/"fb" has no BAA/);
    expect(load('[fb]', '  fb: { type: meta, baa: true, options: { pixel_id: "1", access_token: t } }')).toThrow(/"fb" needs match_keys: true/);
    expect(load('[nope]', '')).toThrow(ConfigError);
    expect(load('[fb]', '  fb: { type: meta, baa: true, match_keys: true, options: { pixel_id: "1", access_token: t } }')).not.toThrow();
  });
});
