import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { googleAdsDestination, type GoogleAdsConfig } from '../../src/destinations/google-ads.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import { GoogleAdsFake, TOKEN_PATH, startGoogleAdsFake } from '../fakes/google-ads.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { describeDestinationConformance } from './destination.case.js';
import { EM_HASH, FIXED_NOW, PH_HASH, cleanEvent, reasonsOf, results, testDeps, toItems } from './fixtures.js';

const CREDS = {
  customer_id: '1234567890',
  developer_token: 'devtok_QwErTy123456',
  client_id: 'client-id.apps.googleusercontent.com',
  client_secret: 'GOCSPX-secret0123456789',
  refresh_token: '1//refreshTokenAbc0123456789',
};
const SECRETS = [CREDS.developer_token, CREDS.client_secret, CREDS.refresh_token];
const FAKE_OPTIONS = { customerId: CREDS.customer_id, developerToken: CREDS.developer_token, clientId: CREDS.client_id, clientSecret: CREDS.client_secret, refreshToken: CREDS.refresh_token };

function optionsFor(base: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...CREDS, token_url: `${base}${TOKEN_PATH}`, endpoint: base, conversion_actions: { 'Signup Completed': '555', Purchase: 'customers/1234567890/conversionActions/777' }, ...extra };
}

function conversionsOf(fake: FakeServer): JsonObject[] {
  return fake.handled().filter((r) => r.path.endsWith(':uploadClickConversions') && r.errors.length === 0).flatMap((r) => (r.json as { conversions: JsonObject[] }).conversions);
}

describeDestinationConformance({
  type: googleAdsDestination as DestinationType<unknown>,
  start: async () => (await startGoogleAdsFake(FAKE_OPTIONS)).server,
  options: optionsFor,
  secrets: SECRETS,
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).orderId,
  badRequest: { body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' } }, code: /^HTTP_400_INVALID_ARGUMENT$/ },
  accepted: (fake) => conversionsOf(fake).length,
});

describe('google-ads destination', () => {
  let server: FakeServer;
  let ads: GoogleAdsFake;
  let dest: Destination;
  let clock = Date.now();
  const create = (extra: Partial<GoogleAdsConfig> = {}) => googleAdsDestination.create(googleAdsDestination.configSchema.parse(optionsFor(server.url, extra)), testDeps('ads', () => clock));
  const tokenRequests = () => server.requests.filter((r) => r.path === TOKEN_PATH).length;

  beforeAll(async () => {
    ({ server, ads } = await startGoogleAdsFake(FAKE_OPTIONS));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    clock = Date.now();
    dest = create();
  });
  afterEach(() => dest.close());

  it('maps a conversion (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', event: 'Purchase', properties: { value: '120.5', currency: 'usd' } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      conversionAction: 'customers/1234567890/conversionActions/777',
      conversionDateTime: '2026-11-23 11:59:00+00:00',
      orderId: 'msg-1',
      gclid: 'Cj0KCQiA_test-gclid_123',
      userIdentifiers: [{ hashedEmail: EM_HASH }, { hashedPhoneNumber: PH_HASH }],
      conversionValue: 120.5,
      currencyCode: 'USD',
      consent: { adUserData: 'GRANTED', adPersonalization: 'GRANTED' },
    });
  });

  it('orderId is the order (or transaction) id, so a server copy of the tag\'s conversion counts once; else messageId', () => {
    const orderOf = (messageId: string, properties: JsonObject) => (dest.map(cleanEvent({ messageId, event: 'Purchase', properties }, FIXED_NOW)) as JsonObject).orderId;
    expect(orderOf('ajs-1', { order_id: 'A-1042', value: 5 })).toBe('A-1042');
    expect(orderOf('uuid-2', { transaction_id: 'A-1042' })).toBe('A-1042');
    expect(orderOf('uuid-3', { orderId: 1042 })).toBe('1042');
    expect(orderOf('uuid-4', { value: 5 })).toBe('uuid-4');
  });

  it('a landing URL with several click ids gives the conversion one (gclid, else wbraid, else gbraid), which the API takes', async () => {
    const both = cleanEvent({ event: 'Purchase', clickIds: { gclid: 'Cj0KCQiA_test-gclid_123', wbraid: 'CjkKCQiA_wbraid_456', gbraid: '0AAAAA_gbraid_789' } }, FIXED_NOW);
    expect(dest.map(both)).toMatchObject({ gclid: 'Cj0KCQiA_test-gclid_123' });
    expect(dest.map(both)).not.toHaveProperty('wbraid');
    const ios = dest.map(cleanEvent({ event: 'Purchase', clickIds: { wbraid: 'CjkKCQiA_wbraid_456', gbraid: '0AAAAA_gbraid_789' } }, FIXED_NOW)) as JsonObject;
    expect([ios.wbraid, ios.gbraid, ios.gclid]).toEqual(['CjkKCQiA_wbraid_456', undefined, undefined]);
    expect(await dest.send(toItems(dest, [both, cleanEvent({ event: 'Purchase', clickIds: { wbraid: 'CjkKCQiA_wbraid_456', gbraid: '0AAAAA_gbraid_789' } }, FIXED_NOW)]))).toEqual({ kind: 'ok' });
  });

  it('skips events that are not conversions or cannot be attributed', () => {
    expect(dest.map(cleanEvent({ event: 'Viewed Doctor Page' }))).toEqual({ skip: 'GOOGLE_ADS_NOT_A_CONVERSION' });
    expect(dest.map(cleanEvent({ type: 'page', event: undefined }))).toEqual({ skip: 'GOOGLE_ADS_NOT_A_CONVERSION' });
    expect(dest.map(cleanEvent({ event: 'toString' }))).toEqual({ skip: 'GOOGLE_ADS_NOT_A_CONVERSION' });
    expect(dest.map(cleanEvent({ clickIds: {}, matchKeys: undefined }))).toEqual({ skip: 'GOOGLE_ADS_NO_AD_CLICK' });
    const emailOnly = dest.map(cleanEvent({ clickIds: {}, matchKeys: { em: EM_HASH } })) as JsonObject;
    expect(emailOnly.userIdentifiers).toEqual([{ hashedEmail: EM_HASH }]);
    expect(emailOnly.gclid).toBeUndefined();
  });

  it('sends OAuth bearer, developer-token and login-customer-id; caches the access token', async () => {
    const mcc = create({ login_customer_id: '999-888-7777', customer_id: '123-456-7890' });
    for (let i = 0; i < 3; i++) expect(await mcc.send(toItems(mcc, [cleanEvent()]))).toEqual({ kind: 'ok' });
    await mcc.close();
    expect(tokenRequests()).toBe(1);
    const upload = server.handled().find((r) => r.path === `/v21/customers/${CREDS.customer_id}:uploadClickConversions`);
    expect(upload?.headers['developer-token']).toBe(CREDS.developer_token);
    expect(upload?.headers['login-customer-id']).toBe('9998887777');
    expect(String(upload?.headers.authorization)).toMatch(/^Bearer ya29\.fake-access-/);
    expect(upload?.json).toMatchObject({ partialFailure: true });
    const form = new URLSearchParams(server.requests.find((r) => r.path === TOKEN_PATH)?.raw);
    expect(form.get('grant_type')).toBe('refresh_token');
  });

  it('refreshes the token after it expires', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    clock += 3600_000;
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    expect(tokenRequests()).toBe(2);
  });

  it('a 401 with a cached token refreshes it once and repeats the upload', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    ads.revokeAll();
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    expect(tokenRequests()).toBe(2);
  });

  it('partial failure: results per index, same order as the input', async () => {
    const items = toItems(dest, Array.from({ length: 5 }, () => cleanEvent()));
    items[1] = { ...items[1], payload: { ...(items[1].payload as JsonObject), gclid: 'bad gclid!' } };
    items[3] = { ...items[3], payload: { ...(items[3].payload as JsonObject), conversionAction: 'customers/1234567890/conversionActions/nope' } };
    const out = await dest.send(items);
    expect(out.kind).toBe('per_item');
    const codes = results(out, 5).map((r) => (r.kind === 'drop' ? r.code : r.kind));
    expect(codes).toEqual(['ok', 'GOOGLE_ADS_UNPARSEABLE_GCLID', 'ok', 'GOOGLE_ADS_NO_CONVERSION_ACTION_FOUND', 'ok']);
    expect(reasonsOf(results(out, 5)).join(' ')).not.toContain('bad gclid');
  });

  it('TOO_RECENT_CONVERSION_ACTION comes back as a retry in 6 hours', async () => {
    server.failNext(200, {
      body: {
        results: [{}, {}],
        partialFailureError: { code: 3, message: 'x', details: [{ errors: [{ errorCode: { conversionUploadError: 'TOO_RECENT_CONVERSION_ACTION' }, message: 'Try again in 6 hours', location: { fieldPathElements: [{ fieldName: 'conversions', index: 1 }] } }] }] },
      },
    });
    const out = results(await dest.send(toItems(dest, [cleanEvent(), cleanEvent()])), 2);
    expect(out[0].kind).toBe('ok');
    expect(out[1]).toMatchObject({ kind: 'retry', delayMs: 6 * 3600_000 });
  });

  it('pre-flight drops malformed conversions without sending them', async () => {
    const items = toItems(dest, [cleanEvent(), cleanEvent()]);
    items[0] = { ...items[0], payload: { ...(items[0].payload as JsonObject), userIdentifiers: [{ hashedEmail: 'jane.doe@example.com' }] } };
    const out = results(await dest.send(items), 2);
    expect(out[0]).toMatchObject({ kind: 'drop', code: 'GOOGLE_ADS_UNHASHED_IDENTIFIER' });
    expect(out[1].kind).toBe('ok');
    expect(conversionsOf(server)).toHaveLength(1);
  });

  it('a revoked refresh token drops with OAUTH_INVALID_GRANT and leaks no credential', async () => {
    const wrong = create({ refresh_token: '1//revokedRefreshToken999999' });
    const [r] = results(await wrong.send(toItems(wrong, [cleanEvent()])), 1);
    await wrong.close();
    expect(r).toMatchObject({ kind: 'drop', code: 'OAUTH_INVALID_GRANT' });
    expect(JSON.stringify(r)).not.toMatch(/revokedRefreshToken|GOCSPX|devtok/);
  });

  it('a token endpoint outage retries', async () => {
    ads.failNextToken(503);
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    expect(r.kind).toBe('retry');
    expect(r.kind === 'retry' ? r.reason : '').toMatch(/^OAuth token refresh/);
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
  });

  it('concurrent sends share one token request', async () => {
    await Promise.all(Array.from({ length: 5 }, () => dest.send(toItems(dest, [cleanEvent()]))));
    expect(tokenRequests()).toBe(1);
  });
});
