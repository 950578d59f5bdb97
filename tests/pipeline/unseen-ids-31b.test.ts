import { describe, expect, it } from 'vitest';
import { allowAllProbe, OPEN_SITE } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 31b (.tmp/h143): a broad English sweep over the 18 Safe Harbor categories. Every event goes to an open
// destination (no BAA, every field allowed); the look-alikes must stay.
const { props, sent } = allowAllProbe('s31b');

describe('a name greeted by a signed-in page or a chat line', () => {
  it.each([
    ['a title greeting a returning visitor', { page_title: 'Welcome back, Cornelius Marchbank | Riverside Clinic' }, 'Marchbank'],
    ['the same in a document title with a dash', { document_title: 'Welcome back, Lucinda Pettigrew - Patient Home' }, 'Pettigrew'],
    ['a welcome with a comma and a bang', { banner_text: 'Welcome, Bartholomew Ashcombe!' }, 'Ashcombe'],
    ['a welcome with a common given name only, at the end', { header: 'Welcome back, Margaret' }, 'Margaret'],
    ['`Hi,` with a comma before the name', { chat_line: 'Hi, Philippa Grimsdale, your visit is confirmed' }, 'Grimsdale'],
    ['`Hello` and a title separator after the name', { title: 'Hello Desmond Okereke | Dashboard' }, 'Okereke'],
    ['`Hi` before a common given name and a surname closing the text', { chat_line: 'Hi Jennifer Waddingham' }, 'Waddingham'],
  ])('removes the name: %s', (_case, properties, part) => {
    expect(props(properties)).not.toContain(part);
  });

  it('removes the name from the page title itself', () => {
    const out = sent({ context: { page: { path: '/home', url: `${OPEN_SITE}/home`, title: 'Welcome back, Imogen Fairweather | Example Health' } } });
    expect(out).not.toContain('Fairweather');
    expect(out).toContain('Example Health');
  });

  it('keeps titles and greetings that name no one', () => {
    const clean = {
      a: 'Welcome Center | Riverside Clinic', b: 'Welcome, New Patients | Riverside Clinic', c: 'Welcome to Riverside Clinic',
      d: 'Welcome Back Bash - Riverside Clinic', e: 'Welcome, Patients and Visitors | Parking', f: 'Hello Kitty Backpack',
      g: 'Hi there, thanks for waiting', h: 'Welcome Aboard!', i: 'Hi Team, the shuttle runs at noon',
    };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Welcome', 'welcome', ' back', 'Hi', 'Hello', ', ', ' ', '\n', 'Jane', 'Doe', 'Center', ' | ', ' - ', '!', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['Welcome back, Jane Doe | Site']] });
  });
});

describe('a name an account widget shows for the visitor signed in, or a record for who did it', () => {
  it.each([
    ['`Signed in as` and a full name', { account_label: 'Signed in as Cornelius Marchbank' }, 'Marchbank'],
    ['`logged in as` inside a sentence, a common given name', { header_text: 'You are logged in as Margaret | Settings' }, 'Margaret'],
    ['`Not …? Sign out`', { nav_text: 'Not Lucinda Pettigrew? Sign out' }, 'Pettigrew'],
    ['`Not …?` before switching account', { nav_text: 'Not Jennifer? Switch account' }, 'Jennifer'],
    ['`Good morning,` opening a title', { page_title: 'Good morning, Philippa Grimsdale | Patient Home' }, 'Grimsdale'],
    ['`Good evening,` and a common given name closing the line', { greeting: 'Good evening, Dorothy' }, 'Dorothy'],
    ['a form record\'s `Submitted by`', { entry_meta: 'Submitted by Bartholomew Ashcombe on 11/03' }, 'Ashcombe'],
    ['a booking\'s `Booked by:`', { booking_note: 'Booked by: Cornelius Marchbank' }, 'Marchbank'],
    ['`filled out by` and a common given name', { audit: 'Intake form filled out by Patricia' }, 'Patricia'],
  ])('removes the name: %s', (_case, properties, part) => {
    expect(props(properties)).not.toContain(part);
  });

  it('keeps widget text that names no one', () => {
    const clean = {
      a: 'Signed in as Guest', b: 'Not Sure? Call us', c: 'Not Ready Yet? Browse doctors', d: 'Good Morning America segment',
      e: 'Logged in as admin', f: 'Do not Forget? Bring your card', g: 'Powered by Epic Systems', h: 'Submitted by Blue Cross',
      i: 'Sponsored by Northbay Health Foundation', j: 'Cancelled by Patient',
    };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Signed in as ', 'logged in as ', 'Not ', 'not ', 'Good morning', 'good evening', 'Submitted', 'filled out', ' by', ':', ', ', ' ', '?', ' Sign out', 'Jane', 'Doe', 'Guest', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['Not Jane Doe? Sign out'], ['Signed in as Jane Doe'], ['Submitted by: Jane Doe']] });
  });
});

describe('a dotted version whose last part is no one\'s year', () => {
  it('keeps app and build versions', () => {
    const clean = { app_version: '10.4.1234', sdk: '1.6.2210', plugin_version: 'v3.2.2500', release_label: 'Release 2.11.1024' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it.each([
    ['a US dotted birth date', { dob_text: 'born 03.14.1961' }, '03.14'],
    ['a day-first dotted birth date', { geburtsdatum: '14.03.1961' }, '14.03'],
    ['a dotted date of the 1890s', { birth_line: 'grandmother born 12.31.1899' }, '12.31'],
  ])('still removes the day and month (the year may stay): %s', (_case, properties, part) => {
    expect(props(properties)).not.toContain(part);
  });
});
