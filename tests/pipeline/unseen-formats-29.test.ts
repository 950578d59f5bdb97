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

describe('names and values in parallel arrays', () => {
  it('takes each value by the name at its place (one row, rows, a schema’s named fields)', () => {
    const text = out({
      form_state: { keys: ['familyName', 'birthdate', 'tier'], values: ['Pennywhistle', '1952-10-30', 'silver'] },
      result: { columns: ['surname', 'service'], rows: [['Pennywhistle', 'Dermatology'], ['Abernethy-Cole', 'Oncology']] },
      bq: { schema: [{ name: 'mobile', type: 'STRING' }, { name: 'visits', type: 'INTEGER' }], rows: [['(971) 555-0133', 7]] },
    });
    expect(text).not.toMatch(/Pennywhistle|Abernethy|10-30|555-0133/);
    expect(text).toContain('silver');
    expect(text).toContain('Dermatology');
  });

  it('keeps a table of clean columns as it came', () => {
    const table = { columns: ['service', 'clicks', 'week'], rows: [['Cardiology', 4, '2026-W47'], ['Pediatrics', 9, '2026-W47']] };
    expect(out({ table })).toContain(JSON.stringify(table));
  });
});

describe('error messages that echo a value beside its field', () => {
  it('takes the value by the field’s name', () => {
    const text = out({
      db_error: 'ERROR: duplicate key value violates unique constraint "member_uq" DETAIL: Key (surname, birth_date)=(Pennywhistle, 1952-10-30) already exists.',
      mysql_error: "Duplicate entry 'Abernethy-Cole' for key 'idx_last_name'",
      form_error: "Invalid value 'Pennywhistle' for field 'familyName'",
      yup_error: '"lastName" with value "Abernethy-Cole" fails to match the required pattern',
    });
    expect(text).not.toMatch(/Pennywhistle|Abernethy|10-30/);
    expect(text).toContain('already exists');
  });

  it('keeps messages whose fields name no one', () => {
    const clean = { db_error: 'DETAIL: Key (slug)=(flu-clinic-hours) already exists.', form_error: "Invalid value 'next week' for field 'preferredWindow'" };
    const text = out(clean);
    for (const v of Object.values(clean)) expect(text).toContain(JSON.stringify(v).slice(1, -1));
  });
});

describe('base64 wrapped in lines as mail and PEM write it', () => {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');
  const wrap = (token: string, width: number, eol: string): string => (token.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol);

  it('reads the keys of JSON wrapped at 76 or 64 characters', () => {
    const token = b64({ familyName: 'Pennywhistle', birthDate: '1952-10-30', channel: 'web', padding: 'p'.repeat(60) });
    for (const [width, eol] of [[76, '\n'], [64, '\r\n']] as const) {
      const sent = out({ attachment: `${wrap(token, width, eol)}${eol}` });
      const value = /"attachment":"([^"]*)"/.exec(sent)?.[1] ?? '';
      const readBack = Buffer.from(JSON.parse(`"${value}"`).replace(/\s+/g, ''), 'base64').toString('utf8');
      expect(readBack).not.toMatch(/Pennywhistle|10-30/);
      expect(readBack).toContain('"channel":"web"');
    }
  });

  it('keeps wrapped base64 that holds nothing of anyone as it came', () => {
    const blob = wrap(b64({ service: 'Cardiology', layout: 'wide', widgets: ['map', 'hours', 'parking', 'directions', 'careers'] }), 76, '\n');
    expect(out({ attachment: blob })).toContain(JSON.stringify(blob).slice(1, -1));
  });
});
