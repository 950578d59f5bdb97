import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Blind pass 22 (H90): identifiers in people's own words. A note or a line opening with the role of the
// person it is about, in English, Spanish, Portuguese, French and German; role labels in other scripts;
// a place after a residence verb. The open destination: no BAA, every property allowed.
const { sent } = openPlanProbe('role-opening');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });

describe('a role word opening a note, then a full name', () => {
  it.each([
    ['a caller', 'Caller Eudora Whitlock asked about her statement balance.', 'Whitlock'],
    ['a guardian', 'Guardian Rosalind Fairweather will sign the consent form', 'Fairweather'],
    ['a subscriber', 'Subscriber Octavia Pembrook, group 4471', 'Pembrook'],
    ['a resident', 'Resident Cornelius Ashdown in room 12 needs a visit', 'Ashdown'],
    ['a parent of', 'Parent of Wilhelmina Drayton here, question about forms', 'Drayton'],
    ['a line of a note', 'Callback list\nInsured Millicent Harrowgate, policy lapsed', 'Harrowgate'],
    ['a client with a colon', 'Client: Percival Ravenscroft requests records', 'Ravenscroft'],
    ['Spanish', 'Paciente Rodrigo Villaseñor pregunta por su cita', 'Villaseñor'],
    ['German', 'Versicherte: Hildegard Schwarzenberger, Rückruf erbeten', 'Schwarzenberger'],
    ['Portuguese', 'Responsável: Joaquim Figueiredo, ligar à tarde', 'Figueiredo'],
    ['French', 'Patiente: Amélie Durand-Lefèvre, rendez-vous annulé', 'Durand'],
  ])('removes the name after %s', (_what, text, surname) => {
    expect(sent(track({ q2_response: text }))).not.toContain(surname);
  });

  it('keeps a role word before a feature, a team or a programme', () => {
    const labels = ['Caller ID enabled for all clinic lines', 'Member Services Team', 'Resident Physician Program', 'Client Portal Upgrade',
      'Guardian Angel Program', 'Client Success Stories', 'Caller Tips for Telehealth', 'Spouse and Family Coverage', 'Member Portal FAQ',
      'Subscriber Agreement', 'Dependent Care FSA', 'Member Benefits Overview'];
    const out = sent(track(Object.fromEntries(labels.map((l, i) => [`label_${i}`, l]))));
    for (const l of labels) expect(out).toContain(l);
  });
});

describe('a patient or name label in another script', () => {
  it.each([
    ['Russian', 'Пациент: Иванова Мария Петровна, перезвоните', 'Иванова'],
    ['Chinese, a full-width colon', '患者：李秀英，预约周三', '李秀英'],
    ['Japanese, family and given name spaced', '氏名：山田 花子、水曜日に予約', '花子'],
    ['Arabic', 'الاسم: محمد عبد الرحمن، يرجى الاتصال', 'الرحمن'],
  ])('removes the name in %s', (_what, text, name) => {
    expect(sent(track({ q2_response: text }))).not.toContain(name);
  });
});

describe('a place after a residence verb, in a text about a person', () => {
  it.each([
    ['lives in, with a state code', 'My mom lives in Maple Grove, MN and needs a ride', 'Maple Grove'],
    ['moved here from', 'Moved here from Tacoma last year, call me', 'Tacoma'],
    ["we're from", "we're from Bellingham and my email is below", 'Bellingham'],
    ['Spanish', 'Vivo en Zapopan y necesito una cita', 'Zapopan'],
    ['German', 'Ich wohne in Bad Homburg', 'Homburg'],
    ['resides in', 'Resides in Boise, ID with daughter', 'Boise'],
  ])('removes the place after %s', (_what, text, place) => {
    expect(sent(track({ q2_response: text }))).not.toContain(place);
  });

  it("keeps a clinic's own copy about towns", () => {
    const labels = ['New clinic opening in Plymouth, MN', 'Directions from Spokane', 'Serving patients from Everett to Lynnwood',
      'pediatrician in Minnetonka', 'Patients living in Rural Areas', 'Live in Concert', 'I am from Member Services', 'I live in Apt 4'];
    const out = sent(track(Object.fromEntries(labels.map((l, i) => [`label_${i}`, l]))));
    for (const l of labels) expect(out).toContain(l);
  });
});

describe('the prefilter', () => {
  it('skips no text the role and residence scans would read', () => {
    const parts = ['Caller ', 'Member: ', 'Paciente ', 'Parent of ', '\n', 'Jane ', 'Doe', 'Services', ' ', 'I ', "I'm ", 'live in ', 'moved from ',
      'vivo en ', 'wohne in ', 'from ', 'in ', 'originally ', 'resides in ', "j'habite à ", 'moro em ', 'Tacoma', ', MN', 'x'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['Caller Jane Doe'], ['I live in Tacoma'], ['x\nMember: Jane Doe']] });
  });
});
