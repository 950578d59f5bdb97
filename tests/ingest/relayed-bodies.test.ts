import { describe, expect, it } from 'vitest';
import { useSpoolingCollector } from '../helpers/spooling-collector.js';

// Pass 31 (.tmp/h140): another tracker's own body posted to a Segment batch route (a server relay pointed at the wrong
// collector) is refused whole with a 400 that says whose body it is; nothing is acknowledged or spooled. A hit relayed
// the right way, inside a track event's properties, is accepted.
describe('other trackers’ bodies at the Segment batch route', () => {
  const { items, post } = useSpoolingCollector();

  it('names the format of a Snowplow, Matomo, mParticle, Amplitude or GA4 body in a 400, and stores nothing', async () => {
    const bodies: [unknown, RegExp][] = [
      [{ schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4', data: [{ e: 'pv', url: 'https://www.example-health.org/' }] }, /Snowplow/],
      [{ requests: ['?idsite=1&rec=1&url=https%3A%2F%2Fwww.example-health.org%2F'], token_auth: 'anonymous' }, /Matomo bulk/],
      [{ events: [{ event_type: 'custom_event', data: { event_name: 'CTA Click' } }], mpid: '-3312459812343', environment: 'production' }, /mParticle/],
      [{ api_key: 'k', events: [{ event_type: 'Page Viewed', device_id: 'd1' }] }, /Amplitude/],
      [{ client_id: '123.456', events: [{ name: 'page_view', params: {} }] }, /GA4 Measurement Protocol/],
    ];
    for (const [body, format] of bodies) {
      const r = await post(body);
      expect(r.status).toBe(400);
      expect(r.json.error?.code).toBe('PW_ERR_INVALID_EVENT');
      expect(r.json.error?.message).toMatch(/batch must be an array/);
      expect(r.json.error?.message).toMatch(format);
    }
    expect(items()).toHaveLength(0);
  });

  it('keeps the plain message for any other body, and accepts the hit relayed inside a track event', async () => {
    const other = await post({ hello: 'world' });
    expect(other.status).toBe(400);
    expect(other.json.error?.message).toBe('invalid event: batch must be an array');
    const ok = await post({ batch: [{ type: 'track', event: 'Webhook Relayed', messageId: 'relay-ok-1', anonymousId: 'a1', properties: { matomo_bulk: { requests: ['?idsite=1&rec=1&action_name=Locations'] } } }] });
    expect(ok.status).toBe(200);
    expect(items().map((i) => i.messageId)).toEqual(['relay-ok-1']);
  });
});
