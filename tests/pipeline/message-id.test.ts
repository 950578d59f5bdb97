import { describe, expect, it } from 'vitest';
import { dryRun } from '../../src/admin/dry-run.js';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// A site's own messageId travels as every destination's event id (the file/webhook row's
// `message_id`, Meta's `event_id`): one that spells an identifier must not reach a vendor.
const { plan } = openPlanProbe('mid');
const sentId = (messageId: string): string => {
  const rows = dryRunLine({ type: 'page', messageId, anonymousId: 'a-1', ...pageOn('/services/cardiology') } as never, plan, { idFor: () => 'pw' });
  const payload = rows.find((r) => r.payload !== undefined)?.payload as { message_id?: string } | undefined;
  // The spool row, the logs and the payload all carry the same id.
  for (const r of rows) expect(r.messageId).toBe(payload?.message_id);
  return String(payload?.message_id);
};

describe('messageId', () => {
  it.each(['123-45-6789', '617-555-0134', 'MRN-00123456', 'dob-1961-03-04', 'ajs-6175550134-3f2a9c1e-7d4b-4e8a-9b1c-2d3e4f5a6b7c'])('%s spelling an identifier leaves as a keyed hash', (raw) => {
    const id = sentId(raw);
    expect(id).toMatch(/^h_[0-9a-f]{32}$/);
    expect(id).not.toContain(raw.replace(/\D/g, '').slice(0, 6));
  });

  it('hashes the same id the same way every time, so retries still deduplicate', () => {
    expect(sentId('123-45-6789')).toBe(sentId('123-45-6789'));
    expect(sentId('123-45-6789')).not.toBe(sentId('123-45-6780'));
  });

  it.each(['tour-1', 'order-1042', 'dev-12', '3f2a9c1e-7d4b-4e8a-9b1c-2d3e4f5a6b7c', '3512345678-1234567-4294967295-88888',
    'ajs-next-5d41402abc4b2a76b9719d911017c592', 'ajs-next-1764390000000-3f2a9c1e-7d4b-4e8a-9b1c-2d3e4f5a6b7c', '01ARZ3NDEKTSV4RRFFQ69G5FAV'])('keeps %s as sent', (raw) => {
    expect(sentId(raw)).toBe(raw);
  });

  it('the admin dry-run still pairs a hashed event with what was posted', () => {
    const [result] = dryRun({ type: 'page', messageId: '617-555-0134', anonymousId: 'a-1', ...pageOn('/services/cardiology') }, plan, { idFor: () => 'pw' });
    expect(result.messageId).toMatch(/^h_/);
    expect(result.before).toMatchObject({ messageId: '617-555-0134' });
    expect(result.after.length).toBeGreaterThan(0);
  });
});
