import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import { processEvent } from '../../src/pipeline/process.js';
import { compileRules } from '../../src/rules/compile.js';
import { KeyedHashVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Session ids that are the session's start time (gtag sid / ga_session_id in s, Amplitude and
// RudderStack in ms, within a day before the event) reach destinations that allow `session_id`;
// other shapes (UUIDs, other times) never do. Segment's context fields about the client reach
// destinations that allow `context.*`, never a device's id, advertising id or name.
const yaml = `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  ga4: { type: ga4, allow: [event, visitor_id, session_id], options: { measurement_id: G-TEST000001, api_secret: s, endpoint: "http://127.0.0.1:9" } }
  amp: { type: amplitude, allow: [event, visitor_id, session_id], options: { api_key: k, endpoint: "http://127.0.0.1:9" } }
  no_session: { type: ga4, allow: [event, visitor_id], options: { measurement_id: G-TEST000002, api_secret: s, endpoint: "http://127.0.0.1:9" } }
  cdp: { type: segment, baa: false, allow: [event, visitor_id, "context.**"], options: { write_key: w, endpoint: "http://127.0.0.1:9" } }
  wh: { type: webhook, allow: [event, visitor_id, session_id, "context.os.*"], options: { url: "http://127.0.0.1:9/hook" } }
`;
const plan = compileRules(loadConfig(writeConfig(yaml)).rules, { dataDir: tempDir() });
const ids = new KeyedHashVisitorIds('session-client-test-key-0123456789', 24 * 3600 * 1000);
const now = Date.parse('2026-11-20T12:00:00Z');
const page = { path: '/about', url: 'https://www.northbay-health.example/about' };

function send(extra: JsonObject) {
  const raw = { type: 'track', event: 'Clicked', messageId: `m-${Math.random()}`, anonymousId: 'a-1', timestamp: '2026-11-20T11:59:00Z', ...extra };
  const ctx = { page, ...(extra.context as JsonObject | undefined) };
  const out = processEvent({ ...raw, context: ctx }, plan.sites[0], plan, ids, now);
  if (out.kind !== 'routed') throw new Error(`not routed: ${out.kind}`);
  return (d: string) => out.rows.find((r) => r.destination === d)?.payload as JsonObject;
}
const ga4Session = (p: (d: string) => JsonObject, d = 'ga4') => ((p(d).event as JsonObject).params as JsonObject).session_id;
const startS = Math.floor((now - 20 * 60_000) / 1000);

describe('session ids', () => {
  it('a session start time goes to GA4 (s) and Amplitude (ms), from context, integrations or properties', () => {
    const extras: JsonObject[] = [
      { context: { sessionId: startS * 1000 } },
      { integrations: { 'Actions Amplitude': { session_id: startS * 1000 } } },
      { properties: { ga_session_id: String(startS) } },
      { properties: { session_id: startS } },
    ];
    for (const extra of extras) {
      const p = send(extra);
      expect(ga4Session(p)).toBe(startS);
      expect(((p('amp').events as JsonObject[]) ?? [p('amp')])[0]).toMatchObject({ session_id: startS * 1000 });
      expect(ga4Session(p, 'no_session')).toBeUndefined();
      expect(p('wh')).toMatchObject({ session_id: startS });
    }
  });

  it('a random or site-made id, or a time that is no session start of this event, goes nowhere', () => {
    for (const v of ['8f14e45f-ceea-467f-a0e0-4ad2e0c1c1c0', 'abc123def456', 4471120, startS - 3 * 86_400, Math.floor(now / 1000) + 3600, -276480000]) {
      const p = send({ context: { sessionId: v }, properties: { session_id: v } });
      expect(ga4Session(p)).toBeUndefined();
      expect(JSON.stringify(p('amp'))).not.toContain('session_id');
    }
  });
});

describe('Segment context about the client', () => {
  it('time zone, OS, app, device model/type/maker, screen and library pass, scanned; ids and names of devices do not', () => {
    const p = send({ context: {
      timezone: 'America/Chicago', locale: 'en-US',
      os: { name: 'iOS', version: '17.2.1' },
      app: { name: 'Northbay Health', version: '5.2.0', build: '5200', namespace: 'com.northbay.health' },
      device: { id: 'B5372DB0-C21E-11E4-8DFC-AA07A5B093DB', advertisingId: '7A3CBEA0-BDF5-11E4-8DFC-AA07A5B093DB', adTrackingEnabled: true, token: 'ff15bc0c20c4aa6cd50854ff165fd265c838e5405bfeb9571066395b8c9da449', name: "Jane Okafor's iPhone", model: 'iPhone15,2', type: 'ios', manufacturer: 'Apple' },
      screen: { width: 390, height: 844, density: 3 },
      library: { name: 'analytics-ios', version: '4.1.8' },
    } });
    const context = p('cdp').context as JsonObject;
    expect(context).toMatchObject({
      timezone: 'America/Chicago',
      os: { name: 'iOS', version: '17.2.1' },
      app: { name: 'Northbay Health', version: '5.2.0', build: '5200', namespace: 'com.northbay.health' },
      device: { model: 'iPhone15,2', type: 'ios', manufacturer: 'Apple' },
      screen: { width: 390, height: 844, density: 3 },
      library: { name: 'analytics-ios', version: '4.1.8' },
    });
    expect(Object.keys(context.device as JsonObject).sort()).toEqual(['manufacturer', 'model', 'type']);
    const text = JSON.stringify(p('cdp'));
    for (const gone of ['B5372DB0', '7A3CBEA0', 'ff15bc0c', 'Okafor']) expect(text).not.toContain(gone);
    expect(p('wh')).toMatchObject({ client: { os: { name: 'iOS', version: '17.2.1' } } });
    expect(Object.keys(p('wh').client as JsonObject)).toEqual(['os']);
    // GA4 allows no context: nothing of it.
    expect(JSON.stringify(p('ga4'))).not.toContain('iPhone15');
  });

  it('a time zone naming a place smaller than a state, and identifiers typed into a model, are left out', () => {
    const p = send({ context: { timezone: 'America/Indiana/Knox', device: { model: 'jane.okafor@example.org', type: 'android' }, app: { name: 'Call 617-555-0134' } } });
    const context = p('cdp').context as JsonObject;
    expect(context.timezone).toBeUndefined();
    const text = JSON.stringify(context);
    expect(text).not.toContain('jane.okafor');
    expect(text).not.toContain('555-0134');
    expect(context.device).toMatchObject({ type: 'android' });
  });
});

describe('Amplitude takes the client fields it has', () => {
  const ampYaml = `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  amp: { type: amplitude, allow: [event, visitor_id, "context.os.*", "context.device.*", "context.app.version"], options: { api_key: k, endpoint: "http://127.0.0.1:9" } }
`;
  const ampPlan = compileRules(loadConfig(writeConfig(ampYaml)).rules, { dataDir: tempDir() });
  it('os_name, os_version, device_manufacturer, device_model and app_version', () => {
    const context = { page, os: { name: 'Android', version: '14' }, device: { id: 'dev-123456789', model: 'Pixel 8', manufacturer: 'Google' }, app: { name: 'Northbay', version: '5.2.0' } };
    const out = processEvent({ type: 'track', event: 'Clicked', messageId: 'amp-1', anonymousId: 'a-1', timestamp: '2026-11-20T11:59:00Z', context }, ampPlan.sites[0], ampPlan, ids, now);
    if (out.kind !== 'routed') throw new Error(out.kind);
    const event = out.rows[0].payload as JsonObject;
    expect(event).toMatchObject({ os_name: 'Android', os_version: '14', device_manufacturer: 'Google', device_model: 'Pixel 8', app_version: '5.2.0' });
    expect(JSON.stringify(event)).not.toContain('dev-123456789');
  });
});
