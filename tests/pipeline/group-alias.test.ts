import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import { processEvent } from '../../src/pipeline/process.js';
import { compileRules } from '../../src/rules/compile.js';
import { KeyedHashVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Segment group and alias calls carry ids of their own (groupId, previousId). They are
// identifiers: a destination without a BAA gets pseudonymous tokens for them from the same store
// as visitor ids, a BAA destination the raw ids only where its allow list takes raw ids, and a
// destination that does not allow them none (its group calls are not applicable, not dead letters).
const yaml = `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  plain: { type: file, allow: [event, visitor_id, group_id, "traits.*"] }
  no_group: { type: segment, baa: true, allow: [event, visitor_id, "traits.*"], options: { write_key: k, endpoint: "http://127.0.0.1:9" } }
  covered: { type: webhook, baa: true, allow: [event, visitor_id, user_id, anonymous_id, group_id, "traits.*"], options: { url: "http://127.0.0.1:9/hook" } }
  mp: { type: mixpanel, allow: [event, visitor_id, group_id, "traits.plan"], options: { project_token: t, endpoint: "http://127.0.0.1:9", profiles: true } }
`;
const plan = compileRules(loadConfig(writeConfig(yaml)).rules, { dataDir: tempDir() });
const ids = new KeyedHashVisitorIds('group-alias-test-key-0123456789', 24 * 3600 * 1000);
const now = Date.parse('2026-11-20T12:00:00Z');
const context = { page: { path: '/about', url: 'https://www.northbay-health.example/about' } };

function send(event: JsonObject) {
  const out = processEvent({ messageId: `m-${Math.random().toString(36).slice(2)}`, context, ...event }, plan.sites[0], plan, ids, now);
  if (out.kind !== 'routed') throw new Error(`not routed: ${out.kind}`);
  const rows = new Map(out.rows.map((r) => [r.destination, r]));
  return { rows, payload: (d: string) => rows.get(d)?.payload as JsonObject | undefined, skipped: out.skipped };
}

describe('group and alias calls', () => {
  it('a group id leaves as a token without a BAA and raw with one; traits are scanned', () => {
    const out = send({ type: 'group', anonymousId: 'anon-1', groupId: 'acct-42', traits: { plan: 'enterprise', phone: '(617) 555-0134' } });
    const plain = out.payload('plain');
    expect(plain?.group_id).toMatch(/^pk_/);
    expect(JSON.stringify(plain)).not.toContain('acct-42');
    expect(JSON.stringify(plain)).not.toContain('555-0134');
    expect(plain?.traits).toMatchObject({ plan: 'enterprise' });
    expect(out.payload('covered')?.group_id).toBe('acct-42');
    // The same group gets the same token from another visitor; another group another one.
    expect(send({ type: 'group', anonymousId: 'anon-2', groupId: 'acct-42' }).payload('plain')?.group_id).toBe(plain?.group_id);
    expect(send({ type: 'group', anonymousId: 'anon-1', groupId: 9001 }).payload('plain')?.group_id).not.toBe(plain?.group_id);
  });

  // Decided in identity.ts: a group can be a household, and a lasting group token would chain a
  // small group's members' rotated visitor tokens back together. BAA destinations keep the raw id.
  it('a group token rotates with rotate_hours like a visitor token; the raw id for a BAA destination does not', () => {
    const groupAt = (t: number) => {
      const out = processEvent({ messageId: `m-rot-${t}`, context, type: 'group', anonymousId: 'anon-1', groupId: 'household-12' }, plan.sites[0], plan, ids, t);
      if (out.kind !== 'routed') throw new Error(`not routed: ${out.kind}`);
      const row = (d: string) => out.rows.find((r) => r.destination === d)?.payload as JsonObject | undefined;
      return { plain: row('plain')?.group_id, covered: row('covered')?.group_id };
    };
    const today = groupAt(now);
    const sameDay = groupAt(now + 3600_000);
    const nextDay = groupAt(now + 24 * 3600_000);
    expect(sameDay.plain).toBe(today.plain);
    expect(nextDay.plain).not.toBe(today.plain);
    expect([today.covered, nextDay.covered]).toEqual(['household-12', 'household-12']);
  });

  // Mixpanel profiles: an identify or group call whose traits are all withheld has nothing to
  // set; it is skipped as not applicable, never a dead letter. The allowed trait goes to the profile.
  it('a profile update with no trait left is not applicable for Mixpanel; an allowed trait is $set', () => {
    const none = send({ type: 'identify', anonymousId: 'anon-1', traits: { email: 'pat@example.com', tier: 'x' } });
    expect(none.rows.has('mp')).toBe(false);
    expect(none.skipped).toContainEqual({ destination: 'mp', reason: 'MIXPANEL_NO_TRAITS' });
    const some = send({ type: 'identify', anonymousId: 'anon-1', traits: { plan: 'gold', email: 'pat@example.com' } });
    expect(some.payload('mp')).toMatchObject({ $set: { plan: 'gold' } });
    expect(JSON.stringify(some.payload('mp'))).not.toContain('pat@');
    expect(send({ type: 'group', anonymousId: 'anon-1', groupId: 'acct-42', traits: { plan: 'team' } }).payload('mp')).toMatchObject({ $group_key: 'company_id', $set: { plan: 'team' } });
  });

  it('a destination that does not allow group_id skips group calls as not applicable', () => {
    const out = send({ type: 'group', anonymousId: 'anon-1', groupId: 'acct-42' });
    expect(out.rows.has('no_group')).toBe(false);
    expect(out.skipped).toContainEqual({ destination: 'no_group', reason: 'SEGMENT_GROUP_ID_NOT_ALLOWED' });
  });

  it("an alias joins the previous id's token to the token of the userId it names", () => {
    const before = send({ type: 'page', anonymousId: 'anon-7' }).payload('plain');
    const after = send({ type: 'track', event: 'Signed Up', userId: 'member-7' }).payload('plain');
    const alias = send({ type: 'alias', anonymousId: 'anon-7', userId: 'member-7', previousId: 'anon-7' });
    expect(alias.payload('plain')).toMatchObject({ event_type: 'alias', previous_id: before?.visitor_id, visitor_id: after?.visitor_id });
    expect(JSON.stringify(alias.payload('plain'))).not.toMatch(/anon-7|member-7/);
    expect(alias.payload('covered')).toMatchObject({ previous_id: 'anon-7', user_id: 'member-7' });
  });
});

describe('group traits', () => {
  it("are the call's own: the user's traits in context.traits never become the group's", () => {
    const out = send({ type: 'group', anonymousId: 'anon-1', groupId: 'acct-42', context: { ...context, traits: { plan: 'personal-plan' } } });
    expect(out.payload('plain')?.traits).toBeUndefined();
    expect(out.payload('covered')?.traits).toBeUndefined();
    const own = send({ type: 'group', anonymousId: 'anon-1', groupId: 'acct-42', traits: { plan: 'enterprise' }, context: { ...context, traits: { plan: 'personal-plan' } } });
    expect(own.payload('plain')?.traits).toEqual({ plan: 'enterprise' });
  });
});
