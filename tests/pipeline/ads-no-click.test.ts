import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import { processEvent } from '../../src/pipeline/process.js';
import { compileRules } from '../../src/rules/compile.js';
import { KeyedHashVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// A conversion on a visit that came from no Google ad (no gclid/wbraid/gbraid, no match key)
// can never be accepted by uploadClickConversions: it is skipped with a counted reason, not
// written as a dead letter that no replay could ever deliver.
const yaml = `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  ads:
    type: google-ads
    allow: [event, click_ids.*, properties.value, properties.currency, properties.order_id]
    options: { customer_id: "1234567890", developer_token: d, client_id: c, client_secret: s, refresh_token: r, endpoint: "http://127.0.0.1:9", conversion_actions: { Purchase: "555" } }
`;
const plan = compileRules(loadConfig(writeConfig(yaml)).rules, { dataDir: tempDir() });
const ids = new KeyedHashVisitorIds('ads-no-click-test-key-0123456789', 24 * 3600 * 1000);
const now = Date.parse('2026-11-20T12:00:00Z');

function purchase(url: string) {
  const raw = { type: 'track', event: 'Purchase', messageId: `m-${url.length}`, anonymousId: 'a-1', timestamp: '2026-11-20T11:59:00Z', properties: { value: 30, currency: 'USD' }, context: { page: { url, path: '/gift-shop/order-complete' } } };
  const out = processEvent(raw, plan.sites[0], plan, ids, now);
  if (out.kind !== 'routed') throw new Error(`not routed: ${out.kind}`);
  return out;
}

describe('Google Ads conversions without an ad click', () => {
  it('are skipped as GOOGLE_ADS_NO_AD_CLICK, no dead letter; with a gclid the conversion is queued', () => {
    const organic = purchase('https://www.northbay-health.example/gift-shop/order-complete');
    expect(organic.rows).toEqual([]);
    expect(organic.skipped).toEqual([{ destination: 'ads', reason: 'GOOGLE_ADS_NO_AD_CLICK' }]);
    const clicked = purchase('https://www.northbay-health.example/gift-shop/order-complete?gclid=Cj0KCQiA4L2BBhCvARIsAO0a6_Xyz123');
    expect(clicked.skipped).toEqual([]);
    expect(clicked.rows).toHaveLength(1);
    expect(clicked.rows[0].dead).toBeUndefined();
    expect(clicked.rows[0].payload as JsonObject).toMatchObject({ gclid: 'Cj0KCQiA4L2BBhCvARIsAO0a6_Xyz123', conversionValue: 30 });
  });
});
