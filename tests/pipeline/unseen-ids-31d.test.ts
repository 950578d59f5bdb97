import { describe, expect, it } from 'vitest';
import { allowAllProbe, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 31d (.tmp/h146): leftovers of the day's English blind passes, fixed as classes. Every event goes to an open
// destination (no BAA, every field allowed, or every page field); the look-alikes must stay.
const { props } = allowAllProbe('s31d');
const open = openPlanProbe('s31d-title');
const titled = (title: string): string => open.sent({ context: { page: { path: '/welcome', url: 'https://www.example-health.org/welcome', title } } });

describe('a full name addressed after a comma closing the clause', () => {
  it.each([
    ['Thanks for booking, Ottoline Brackwater.'],
    ['Congratulations, Ottoline Brackwater!'],
    ['Your receipt, Ottoline Brackwater'],
    ['See you soon, Ottoline Brackwater'],
    ['You are all set, Ottoline Brackwater | Northbay Health'],
    ['Thanks for your order, Harriet Quarnby!'],
  ])('removes the name: %s', (text) => {
    expect(props({ banner: text })).not.toContain('Brackwater');
    expect(props({ banner: text })).not.toContain('Quarnby');
  });

  it('removes it from a page title too', () => {
    expect(titled('See you soon, Ottoline Brackwater | Northbay Health')).not.toContain('Brackwater');
  });

  it('keeps a brand, a group or a place after the comma', () => {
    const out = props({ a: 'Thanks for booking, Northbay Health.', b: 'Welcome, New Patients', c: 'Locations in Portland, Oregon.', d: 'Cardiology, Pediatrics',
      e: 'Thanks for visiting, Ambulatory Care.', f: 'Open Monday to Friday, Saturday Hours.' });
    for (const v of ['Northbay Health.', 'New Patients', 'Portland, Oregon.', 'Cardiology, Pediatrics', 'Ambulatory Care.', 'Saturday Hours.']) expect(out).toContain(v);
  });
});

describe('a full name a record is for, of, or held by', () => {
  it.each([
    ['Appointment for Ottoline Brackwater on Dec 3'],
    ['Profile of Ottoline Brackwater'],
    ["Ottoline Brackwater's Profile | Northbay Health"],
    ["View Ottoline Brackwater's Appointments"],
    ['Account holder Ottoline Brackwater'],
    ['Policyholder Ottoline Brackwater'],
    ['From: Ottoline Brackwater'],
    ['Receipt for Ottoline Brackwater'],
  ])('removes the name: %s', (text) => {
    expect(props({ banner: text })).not.toContain('Brackwater');
    expect(titled(text)).not.toContain('Brackwater');
  });

  it('keeps what such a record says about no one', () => {
    const clean = { a: 'Center for Disease Control', b: 'Summary of Benefits Coverage', c: "Children's Hospital", d: "St Mary's Profile", e: 'Appointment for New Patients',
      f: 'From: Northbay Health', g: 'Results for Flu Shot' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Thanks', ', ', 'Jane ', 'Doe', '.', '!', ' | Site', 'Profile', ' of ', ' for ', 'Appointment', "'s ", 'Account holder ', 'From: ', '\n', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [["Jane Doe's Profile"], ['Thanks, Jane Doe.']] });
  });
});

describe('a bare full name whose given name is a classic one', () => {
  it.each([['Harriet Quarnby'], ['Ambrose Whitlock'], ['Cornelius Brackwater'], ['Lucinda Fenwick'], ['Imogen Tallis'], ['Philippa Marwood'], ['Bartholomew Crane']])(
    'removes %s', (name) => {
      expect(props({ banner: name })).not.toContain(name.split(' ')[1]);
    });

  it('keeps words that are also names and a site\'s titles', () => {
    const clean = { a: 'April Showers', b: 'Rose Garden', c: 'Hope Lodge', d: 'Claude Code' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('an id after a label split over two cells', () => {
  it.each([
    ['<table><tr><td>Subscriber</td><td>ID</td><td>W12345678</td></tr></table>', 'W12345678'],
    ['<tr><th>Member</th><th>Number</th><td>88213341</td></tr>', '88213341'],
    ['<TR><TD>Policy</TD><TD>No.</TD><TD>ABC-1234567</TD></TR>', 'ABC-1234567'],
  ])('removes the id in %s', (html, id) => {
    const out = props({ html });
    expect(out).not.toContain(id);
  });

  it('keeps the id word and a row naming no one', () => {
    expect(props({ html: '<tr><td>Subscriber</td><td>ID</td><td>W12345678</td></tr>' })).toContain('<td>ID</td>');
    expect(props({ html: '<tr><td>Smoker</td><td>No</td><td>Since 2001</td></tr>' })).toContain('Since 2001');
  });
});

describe('what a form builder or a build names', () => {
  it('keeps a form\'s name beside the form\'s id', () => {
    expect(props({ name: 'Appointment Request', formId: '6541f0c2a1', site: '64f0aa' })).toContain('"Appointment Request"');
    expect(props({ form: { name: 'Newsletter Signup', form_id: 'f-88' } })).toContain('"Newsletter Signup"');
    expect(props({ name: 'Contact Us', form_guid: 'a1b2' })).toContain('"Contact Us"');
  });

  it('still drops a person\'s name beside a form\'s id', () => {
    expect(props({ name: 'Ottoline Brackwater', formId: 'abc' })).not.toContain('Brackwater');
    expect(props({ name: 'Harriet Request', form_id: 'abc' })).not.toContain('Harriet');
  });

  it('keeps a build stamped to the minute under a build key, as a string or a number', () => {
    const out = props({ build: '202611301245', version: '20261130-1245', build_number: 202611301245 });
    expect(out).toContain('"202611301245"');
    expect(out).toContain('"20261130-1245"');
    expect(out).toContain(':202611301245');
  });

  it('still removes a card number under a version key', () => {
    expect(props({ app_version: '4111111111111111', build: '4111111111111111' })).not.toContain('4111111111111111');
  });
});
