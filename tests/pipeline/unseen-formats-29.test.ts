import { describe, expect, it } from 'vitest';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Pass 29 (.tmp/h126): identifiers in shapes a value takes before it reaches a tracker. A mail header's
// encoded words (RFC 2047), change records (an audit entry's value before and after, a JSON Patch
// operation naming its field by a path), JSON Lines kept in one string, and a page address a template
// escaped as character references. Every event goes to the open destination (every property allowed, no BAA).
const { blocked, sent } = openPlanProbe('f29');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Profile Updated', properties, ...HOME_PAGE });
const out = (properties: Record<string, unknown>): string => sent(track(properties));

describe('a mail header’s encoded words', () => {
  it('reads the sender’s name however the header encoded it', () => {
    const b64 = Buffer.from('Ottoline Marchbanks').toString('base64');
    expect(out({ from_line: `=?UTF-8?B?${b64}?= <o.marchbanks@post.example>` })).not.toMatch(new RegExp(`${b64}|marchbanks`, 'i'));
    expect(out({ mail_from: '=?utf-8?Q?Ottoline_Marchbanks?= <o.marchbanks@post.example>' })).not.toMatch(/Marchbanks/i);
    // Two encoded words in a row are one text (the space between them is not part of it).
    expect(out({ header: '=?UTF-8?Q?Ottoline?= =?UTF-8?Q?_Marchbanks?= <o.marchbanks@post.example>' })).not.toMatch(/Marchbanks/i);
  });

  it('keeps a subject that names no one, as it came', () => {
    const subject = '=?UTF-8?Q?Flu_clinic_hours_this_week?=';
    expect(out({ subject_line: subject })).toContain(subject);
  });
});

describe('change records', () => {
  it('takes the value before and after by the field the record names', () => {
    const text = out({ audit: [{ attribute: 'familyName', oldValue: 'Marchbanks', newValue: 'Whitcombe-Ives' }, { attribute: 'theme', oldValue: 'light', newValue: 'dark' }] });
    expect(text).not.toMatch(/Marchbanks|Whitcombe/);
    expect(text).toContain('"oldValue":"light","newValue":"dark"');
  });

  it('takes a JSON Patch operation’s value by the field its path names', () => {
    const text = out({ patch: [{ op: 'add', path: '/member/surname', value: 'Whitcombe-Ives' }, { op: 'replace', path: '/subscriber/birthDate', value: '1949-06-17' }, { op: 'replace', path: '/settings/theme', value: 'dark' }] });
    expect(text).not.toMatch(/Whitcombe|06-17/);
    expect(text).toContain('"path":"/settings/theme","value":"dark"');
  });

  it('drops a value whose path was a link to a blocked page (nothing else says what it is)', () => {
    expect(out({ vitals: [{ path: '/patient-portal/inbox', value: 'Whitcombe-Ives', name: 'LCP' }] })).not.toMatch(/Whitcombe|portal/);
  });
});

describe('JSON Lines kept in one string', () => {
  it('reads each line’s keys', () => {
    const lines = [{ t: 'input', field: 'surname', value: 'Whitcombe-Ives' }, { t: 'input', dob: '1949-06-17' }, { t: 'click', target: 'submit' }];
    const text = out({ replay_buffer: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n` });
    expect(text).not.toMatch(/Whitcombe|06-17/);
    expect(text).toContain('submit');
  });

  it('keeps clean lines as they came', () => {
    const log = '{"t": "scroll", "depth": 50}\r\n{"t": "click", "target": "Find a doctor"}\n';
    expect(out({ replay_buffer: log })).toContain(JSON.stringify(log).slice(1, -1));
  });
});

describe('a page address escaped as character references', () => {
  it('reads `&#45;` as the character it spells, not a fragment', () => {
    expect(blocked({ type: 'page', ...pageOn('/patient&#45;portal/inbox') })).toBe(true);
    expect(blocked({ type: 'page', ...pageOn('/billing&#x2f;pay-online') })).toBe(true);
    expect(blocked({ type: 'page', context: { page: { path: '/patient&#45;portal', url: `${OPEN_SITE}/patient&#45;portal` } } })).toBe(true);
  });

  it('lets a public page spelled so through', () => {
    expect(blocked({ type: 'page', ...pageOn('/visiting&#45;hours') })).toBe(false);
  });
});
