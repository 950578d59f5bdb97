import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DEMO_AUTH } from '../helpers/collector.js';
import { useSpoolingCollector } from '../helpers/spooling-collector.js';

// Pass 32 (.tmp/h152): mobile apps' and their servers' SDK bodies posted to the Segment routes (a relay or an SDK
// pointed at the wrong collector) are refused whole with a 400 that names whose body it is; nothing is acknowledged
// or spooled. A Segment mobile library's own batch (gzip, as the iOS and Android libraries send it) is accepted.
describe('mobile SDK bodies at the Segment routes', () => {
  const { collector, items, post } = useSpoolingCollector();

  it('names a Firebase, Braze, AppsFlyer, Adjust, OneSignal or Sentry body in a 400, and stores nothing', async () => {
    const bodies: [unknown, RegExp][] = [
      [{ app_instance_id: '8f1e2d3c4b5a69788f1e2d3c4b5a6978', event_name: 'screen_view', event_params: [{ key: 'firebase_screen', value: { string_value: 'Home' } }] }, /Firebase Analytics/],
      [{ attributes: [{ external_id: 'u1', email: 'jane@example.org' }], events: [{ external_id: 'u1', name: 'Opened', time: '2026-11-30T10:00:00Z' }] }, /Braze users\/track/],
      [{ events: [{ braze_id: 'b1', name: 'Opened', time: '2026-11-30T10:00:00Z' }] }, /Braze users\/track/],
      [{ appsflyer_id: '1700000000000-1234567', eventName: 'af_purchase', eventValue: '{}', customer_user_id: 'u1' }, /AppsFlyer/],
      [{ s2s: 1, app_token: 'abc123', event_token: 'def456', adid: 'a1b2' }, /Adjust/],
      [{ app_id: 'x', include_subscription_ids: ['y'], contents: { en: 'Your results are ready' } }, /OneSignal/],
      [{ event_id: 'fc6d8c0c43fc4630ad850ee518f1b9d0', platform: 'cocoa', breadcrumbs: { values: [] } }, /Sentry/],
    ];
    for (const [body, format] of bodies) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error?.code).toBe('PW_ERR_INVALID_EVENT');
      expect(r.json.error?.message).toMatch(/batch must be an array/);
      expect(r.json.error?.message).toMatch(format);
      expect(r.json.error?.message).not.toMatch(/jane@|results are ready/);
    }
    expect(items()).toHaveLength(0);
  });

  it('names a Mixpanel event array at any route; any other array is only not an object', async () => {
    for (const route of ['/v1/batch', '/v1/track']) {
      const r = await post([{ event: 'Signed Up', properties: { token: 't', distinct_id: 'jane@example.org' } }], route);
      expect(r.status).toBe(400);
      expect(r.json.error?.message).toMatch(/^invalid event: body must be a JSON object \(the body is a Mixpanel event array/);
      expect(r.json.error?.message).not.toMatch(/jane@/);
    }
    const other = await post([1, 2], '/v1/screen');
    expect(other.status).toBe(400);
    expect(other.json.error?.message).toBe('invalid event: body must be a JSON object');
    expect(items()).toHaveLength(0);
  });

  it('accepts a Segment mobile library’s gzip batch with its device context', async () => {
    const batch = { batch: [{ type: 'screen', name: 'FindADoctor', messageId: 'mobile-ok-1', anonymousId: 'a1', context: { app: { name: 'Example Health', version: '5.12.0' }, device: { id: 'E621E1F8-C36C-495A-93FC-0C247A3E6E5F', advertisingId: '6D92078A-8246-4BA4-AE5B-76104861E7DC', model: 'iPhone15,2' }, os: { name: 'iOS', version: '17.5.1' } } }] };
    const r = await fetch(`${collector().url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: DEMO_AUTH }, body: gzipSync(JSON.stringify(batch)) });
    expect(r.status).toBe(200);
    expect(items().map((i) => i.messageId)).toEqual(['mobile-ok-1']);
  });
});
