import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 31c (.tmp/h145): identifiers in name/value pair structures and in markup. Every event goes to an open
// destination (no BAA, every field allowed); the look-alikes must stay.
const { props } = allowAllProbe('s31c');

describe('a pair whose label and value keys say what the pair is', () => {
  it.each([
    ['HubSpot property changes', { changes: [{ propertyName: 'lastname', propertyValue: 'Whitlockby', source: 'FORM' }] }],
    ['attributeName / attributeValue', { attributes: [{ attributeName: 'family_name', attributeValue: 'Whitlockby' }] }],
    ['snake-case param pairs', { params: [{ param_name: 'surname', param_value: 'Whitlockby' }] }],
    ['Segment Protocols-like traits', { traits_changed: [{ trait: 'last_name', value: 'Whitlockby' }] }],
    ['Salesforce field history, capitalised', { FieldHistory: [{ Field: 'LastName', OldValue: 'Quarnettie', NewValue: 'Whitlockby' }] }],
    ['.NET-style {Name, Value}', { Fields: [{ Name: 'LastName', Value: 'Whitlockby' }] }],
    ['property changes as JSON text', { changes_json: JSON.stringify([{ propertyName: 'surname', propertyValue: 'Whitlockby' }]) }],
  ])('removes the value: %s', (_case, properties) => {
    const out = props(properties);
    expect(out).not.toContain('Whitlockby');
    expect(out).not.toContain('Quarnettie');
  });

  it('keeps pairs whose label names nothing identifying', () => {
    const out = props({
      changes: [{ propertyName: 'lifecyclestage', propertyValue: 'customer' }, { propertyName: 'preferred_campus', propertyValue: 'Lakeview' }],
      traits_changed: [{ trait: 'plan', value: 'Gold' }],
      FieldHistory: [{ Field: 'Status', OldValue: 'New', NewValue: 'Qualified' }],
      fields: [{ name: 'campus', value: 'West' }],
    });
    for (const v of ['customer', 'Lakeview', 'Gold', 'Qualified', 'West']) expect(out).toContain(`"${v}"`);
  });
});

describe('a sign-off before its name across HTML markup', () => {
  it.each([
    ['`Thanks,<br>`', '<p>I need to move my MRI.</p><p>Thanks,<br>Harriet Quarnby</p>'],
    ['`Best,<br/>`', '<p>Please call me back.</p><p>Best,<br/>Harriet Quarnby</p>'],
    ['`Regards,</p><p>`', '<p>Question about my bill.</p><p>Regards,</p><p>Harriet Quarnby</p>'],
    ['`Sincerely,<br />`', '<p>Hi</p><p>Sincerely,<br />Harriet Quarnby</p>'],
    ['`Kind regards,</div><div>`', 'Question about my bill<div>Kind regards,</div><div>Harriet Quarnby</div>'],
  ])('removes the name after %s', (_case, html) => {
    expect(props({ ticket_body: html })).not.toContain('Quarnby');
  });

  it('keeps a team signing off and the markup around a removed name', () => {
    const clean = { a: '<p>Your visit is confirmed.</p><p>Thanks,<br>The Scheduling Team</p>', b: '<p>Best regards,<br/>Patient Services</p>' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
    expect(props({ a: '<p>Thanks,<br>Harriet Quarnby</p>' })).toContain('<p>Thanks,<br>');
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Thanks,', 'Regards,', '<br>', '<br/>', '</p><p>', '<div>', 'Harriet ', 'Quarnby', '</p>', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['<p>Thanks,<br>Harriet Quarnby</p>']] });
  });
});

describe('a bare `ID` labelling a number in a card\'s or table\'s cell', () => {
  it.each([
    ['`| ID … |`', '| Member | ID H44182071 | Plan Gold |', 'H44182071'],
    ['`Member | ID …` at the end', 'Member | ID W57483247', 'W57483247'],
    ['a label cell then a value cell', '| ID | K45215338 |', 'K45215338'],
    ['`ID:` opening the text', 'ID: H88213341', 'H88213341'],
    ['a label\'s cell before the value\'s', '| Member ID | M31170452 |', 'M31170452'],
  ])('removes the id: %s', (_case, text, id) => {
    expect(props({ card_text: text })).not.toContain(id);
  });

  it('keeps headers, short numbers and an ID in prose', () => {
    const clean = { a: '| Field | ID | Status |', b: 'Order | ID card front | uploaded', c: 'Visit | ID 12 |', d: 'Policy | 2024 | Group' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('Vietnamese `Anh` before a family name typed without accents', () => {
  it.each([
    ['opening the text', 'Anh Phan Van Long muon dat lich kham', 'Phan Van Long'],
    ['in a sentence', 'Xin chao, toi la anh Truong Thi Hoa, can doi lich hen', 'Truong Thi Hoa'],
    ['with accents', 'Anh Nguyễn Văn Thành cần đặt lịch', 'Văn Thành'],
  ])('removes the name %s', (_case, text, name) => {
    expect(props({ chat_preview: text })).not.toContain(name);
  });

  it('keeps `Anh` as a given name, English, and a clinic\'s name', () => {
    const clean = { a: 'Anh Mai is our nurse', b: 'hoc tieng Anh Le Van', c: 'Anh Le Clinic hours', d: 'I speak Anh and Viet', e: 'Anh Nguyen' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
    expect(props({ a: 'Anh Phan Van Long muon dat lich' })).toContain('Anh ');
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Anh ', 'anh ', 'Phan ', 'Van ', 'Long', 'Truong ', 'Thi ', 'Hoa', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['Anh Phan Van Long']] });
  });
});

describe('a greeting before a name and a comma', () => {
  it.each([
    ['`Hey,`', 'Hey, Jane Doe here, can someone call me back?', 'Hey, '],
    ['`Hello,`', 'Hello, Maria Garcia here', 'Hello, '],
    ['`Thanks,`', 'Thanks, Maria', 'Thanks, '],
    ['`Hi,` before a name no list knows and `here`', 'Hi, Ottoline Brackwater here, can someone call me back?', 'Hi, '],
  ])('keeps %s and removes the name', (_case, text, greeting) => {
    const out = props({ chat_preview: text });
    expect(out).toContain(greeting);
    for (const part of ['Doe', 'Garcia', 'Maria', 'Brackwater']) expect(out).not.toContain(part);
  });

  it('keeps a desk or a site introducing itself', () => {
    const clean = { a: 'Hi, Northbay Health here', b: 'Hello, Customer Service here', c: 'Hey, quick question here: do you take Aetna?' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Hi, ', 'Hey, ', 'hello,', 'Ottoline ', 'Brackwater', ' here', '\n', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['Hi, Ottoline Brackwater here']] });
  });

  it('still reads a surname first', () => {
    expect(props({ a: 'Remove Doe, Jane from the list' })).not.toContain('Doe');
  });
});
