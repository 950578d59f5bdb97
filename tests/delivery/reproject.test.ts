import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { CleanEvent } from '../../src/destinations/types.js';
import { reprojectClean } from '../../src/delivery/reproject.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Re-projecting a stored scrubbed event (a dead letter replayed after its destination's policy
// changed) only takes away, and is idempotent: a keyed hash stays that hash (never a hash of a
// hash), match keys (the SHA-256 `user_data` of Meta/TikTok/Google Ads) are kept whole for a BAA
// destination allowed them and removed whole otherwise.

const ALLOW = '[event, name, visitor_id, user_id, page.path, page.title, ip, user_agent, traits.*, properties.*]';
const plan = compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  vault: { type: file, baa: true, match_keys: true, allow: ${ALLOW} }
  ads: { type: file, baa: false, allow: ${ALLOW} }
`)).rules, { dataDir: tempDir() });
const dest = (name: string) => plan.destinations.find((d) => d.name === name)!;
const NOW = Date.UTC(2026, 10, 20, 12);
const HASHED = 'h_0123456789abcdef0123456789abcdef';
const EM = 'a'.repeat(64);

const stored = (): CleanEvent => ({
  messageId: 'm1', type: 'track', event: 'Signup', name: 'Downtown clinic', timestamp: '2026-11-20T11:00:00.000Z', receivedAt: '2026-11-20T11:00:00.000Z',
  visitorId: 'pw-1', userId: 'user-42', page: { path: '/locations/downtown', title: 'Intake' }, ip: '203.0.113.77', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0',
  properties: { plan: 'gold' }, traits: { email: HASHED }, matchKeys: { em: EM },
});

describe('re-projecting a stored scrubbed event through the current policy', () => {
  it('is idempotent for a BAA destination: keyed hashes and match keys are kept as they are', () => {
    const once = reprojectClean(stored(), plan, dest('vault'), NOW, true) as CleanEvent;
    expect(once.traits.email).toBe(HASHED);
    expect(once.matchKeys).toEqual({ em: EM });
    expect(once).toMatchObject({ userId: 'user-42', ip: '203.0.113.77', page: { path: '/locations/downtown' }, name: 'Downtown clinic' });
    expect(reprojectClean(once, plan, dest('vault'), NOW, true)).toEqual(once);
  });

  it('a raw value the current policy hashes is hashed, once', () => {
    const raw = { ...stored(), traits: { email: 'pat@example.org' } };
    const once = reprojectClean(raw, plan, dest('vault'), NOW, true) as CleanEvent;
    expect(once.traits.email).toMatch(/^h_[0-9a-f]{32}$/);
    expect((reprojectClean(once, plan, dest('vault'), NOW, true) as CleanEvent).traits.email).toBe(once.traits.email);
  });

  it('BAA to non-BAA: raw ids, match keys, the page and its name go; the IP is generalized; nothing comes back on a second pass', () => {
    const once = reprojectClean(stored(), plan, dest('ads'), NOW, true) as CleanEvent;
    const text = JSON.stringify(once);
    for (const gone of ['user-42', EM, 'downtown', 'Downtown', '203.0.113.77']) expect(text).not.toContain(gone);
    expect(once.matchKeys).toBeUndefined();
    expect(once).toMatchObject({ event: 'Signup', visitorId: 'pw-1', properties: { plan: 'gold' } });
    expect(reprojectClean(once, plan, dest('ads'), NOW, false)).toEqual(once);
  });
});
