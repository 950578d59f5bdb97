import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// One test per Safe Harbor identifier (A-R), through the bundled pack, for a destination
// without a BAA that allows every property and trait (the worst case).
const plan = compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  open:
    type: file
    baa: false
    allow: [event, name, visitor_id, page.path, page.url, page.title, page.referrer, properties.*, traits.*, ip, user_agent]
`)).rules, { dataDir: tempDir() });

function out(event: Record<string, unknown>): Record<string, unknown> {
  const rows = dryRunLine({ type: 'track', event: 'Form Submitted', messageId: 'm1', anonymousId: 'anon-1', ...event } as never, plan, { idFor: () => 'pw_1' }, 'open');
  return (rows[0]?.payload ?? rows[0]) as Record<string, unknown>;
}
const text = (e: Record<string, unknown>) => JSON.stringify(out(e));

describe('Safe Harbor identifiers through the bundled pack', () => {
  it('A names: name fields at any depth and in form-field arrays are dropped', () => {
    const t = text({ properties: { patient: { firstName: 'Ximena', LAST_NAME: 'Quarshie' }, fields: [{ name: 'full-name', value: 'Ximena Quarshie' }] }, traits: { name: 'Ximena Quarshie', spouseName: 'Obadiah' } });
    for (const v of ['Ximena', 'Quarshie', 'Obadiah']) expect(t).not.toContain(v);
  });
  it('B geography: street, city and county dropped; ZIP to ZIP-3, restricted prefixes to 000; state kept', () => {
    const o = out({ properties: { zip: '02115-1234', postalCode: '03601', state: 'MA' }, traits: { address: { street: '12 Elm St', city: 'Boston' } } });
    expect(o.properties).toEqual({ zip: '021', postalCode: '000', state: 'MA' });
    expect(JSON.stringify(o)).not.toMatch(/Elm|Boston/);
  });
  it('C dates: birth and visit dates to the year; ages over 89 to one category', () => {
    const o = out({ properties: { dob: '03/14/1961', appointment_date: '2024-07-19', age: 93, note_date: 'seen on 2024-07-02' }, traits: { birthday: '1930-01-01' } });
    expect(o.properties).toMatchObject({ dob: '1961', appointment_date: '2024', age: '>=90' });
    // Past dates only: the payload's received time carries today's date, so a visit date of today would be found in it.
    expect(JSON.stringify(o)).not.toMatch(/03\/14|2024-07-19|2024-07-02|1930/);
  });
  it('D/E phone and fax: by name and inside free text', () => {
    expect(text({ properties: { fax: '617-555-0199', contact: 'call (617) 555-0134', misc: 'or +1 617 555 0188' } })).not.toMatch(/555[- ]?01/);
  });
  it('F email: by name, in text, percent-encoded in URLs', () => {
    const t = text({ properties: { eMail: 'a.b@example.com', misc: 'write to a.b@example.com' }, context: { page: { url: 'https://x.example/p?e=a.b%40example.com' } } });
    expect(t).not.toMatch(/a\.b(@|%40)example/);
  });
  it('G SSN: by name and inside text', () => {
    expect(text({ properties: { social_security: '495-57-0053', misc: 'ssn 495 57 0053' } })).not.toMatch(/495.?57.?0053/);
  });
  it('H medical record numbers: by name and labelled in text', () => {
    expect(text({ properties: { mrn: 'A1234567', misc: 'MRN: 23078668' } })).not.toMatch(/1234567|23078668/);
  });
  it('I health plan beneficiary numbers: member ids and Medicare MBIs', () => {
    expect(text({ properties: { member_id: 'XZH809674012', misc: 'my medicare number is 1EG4-TE5-MK73' } })).not.toMatch(/XZH809674012|1EG4|MK73/);
  });
  it('J account numbers: card numbers (Luhn) and accounts', () => {
    expect(text({ properties: { acct_no: '0012345678', misc: 'card 4111 1111 1111 1111' } })).not.toMatch(/12345678|4111/);
  });
  it('K certificate/license numbers: by name, DEA by checksum', () => {
    expect(text({ properties: { drivers_license: 'D1234567', misc: 'prescriber BB1388568' } })).not.toMatch(/D1234567|BB1388568/);
  });
  it('L vehicle identifiers: VINs and plates', () => {
    expect(text({ properties: { vehicle_vin: '1HGCM82633A004352', plate: '7ABC123', misc: 'VIN 1HGCM82633A004352' } })).not.toMatch(/1HGCM82633A004352|7ABC123/);
  });
  it('M device identifiers: advertising ids, serials, UUIDs in text', () => {
    expect(text({ properties: { advertisingId: 'AD510A27-326E-B1A5-66C7-2477E6C3AEE5', serial_number: 'SN-99812', misc: 'device ad510a27-326e-b1a5-66c7-2477e6c3aee5' } })).not.toMatch(/ad510a27|SN-99812/i);
  });
  it('N URLs: query strings, fragments and id-like path segments removed', () => {
    const o = out({ context: { page: { url: 'https://x.example/services/records/123456789/jane@example.com?utm_source=mail&token=abc#frag' } } });
    expect(o.url).toBe('https://x.example/services/records/:id/:id?utm_source=mail');
  });
  it('O IP addresses: truncated to /24 (IPv4) and /48 (IPv6); IPs in text redacted', () => {
    expect(out({ context: { ip: '203.0.113.77' } }).ip).toBe('203.0.113.0');
    expect(out({ context: { ip: '2001:db8:85a3:1234::1' } }).ip).toBe('2001:db8:85a3::');
    expect(text({ properties: { misc: 'from 198.51.100.23' } })).not.toContain('198.51.100.23');
  });
  it('P/Q biometrics and photos: dropped by field name', () => {
    expect(text({ properties: { fingerprint_template: 'Rk1SACAyMAAAAAFcAAABAAGQAMUAxQEAAAAoJ', profile_photo: 'data:image/png;base64,iVBORw0KGgo', voiceprint: 'vp-991' } })).not.toMatch(/Rk1SAC|iVBOR|vp-991/);
  });
  it('R other unique ids: raw user ids, tokens, JWTs, session ids and long numbers', () => {
    const t = text({ userId: 'usr_d36fc5950a286f5eb0ec', properties: { session_id: 'abc123def456', misc: 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U and 1234567890123' } });
    expect(t).not.toMatch(/usr_d36f|abc123def456|eyJhbGci|1234567890123/);
  });
  it('keeps what is not an identifier: service lines, plan types, event names', () => {
    expect(out({ properties: { service_line: 'cardiology', plan_type: 'ppo', coverage: 'medicare' } }).properties).toEqual({ service_line: 'cardiology', plan_type: 'ppo', coverage: 'medicare' });
  });
});
