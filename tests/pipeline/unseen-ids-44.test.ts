import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 44 (.tmp/h195): names in record lines, lists and addressing lines. Every event goes to an open destination (no BAA,
// every field allowed) under keys no free-text rule drops, so the detectors, not field drops, do the work.
const { props } = allowAllProbe('s44');

const expectGone = (text: string, gone: readonly string[]): void => {
  const out = props({ pasted_row: text, nested: { cell_text: text } });
  for (const g of gone) expect(out).not.toContain(g);
  expect(out).toContain('[NAME]');
};

describe('a name as a field of a record line beside another identifier', () => {
  it.each([
    ['Quarnby,Tancredi,11/02/1957,541-555-0187', ['Quarnby', 'Tancredi']],
    ['"Ferreira","Benedita","b.ferreira@mailbox.example"', ['Ferreira', 'Benedita']],
    ['Augustin Pelletier; 1948-06-30; Medicaid', ['Augustin', 'Pelletier']],
    ['Hester Vandermeer, (971) 555-0133', ['Vandermeer']],
    ['Thaddeus Okonjo | 360-555-0119 | returning', ['Okonjo']],
    ['Kowalski Bożena 1979-12-05 F', ['Kowalski', 'Bożena']],
    ['Ignatius Moreland - 7/19/1952 - chart 5521', ['Moreland']],
    ['Yevgenia Sorokina (02/07/1986)', ['Yevgenia', 'Sorokina']],
    ['Tobiah Ransome / 206-555-0148 / mornings', ['Ransome']],
    ['Hartigan,Lorcan,M,1966-01-23', ['Hartigan', 'Lorcan']],
    ['Odalys Quintero, [PHONE], [EMAIL]', ['Odalys', 'Quintero']],
  ])('drops the name from %j', (text, gone) => expectGone(text, gone));

  it('keeps cells that are no one: a tally, a desk beside its line, a public date', () => {
    const whole = ['Visits,Region,Quarter', 'Pediatrics,14,East', 'Main Lobby; Suite 210; Elevator C', 'Size | Large | 2'];
    const beside = { desk: 'Billing Office, (971) 555-0100', clinic: 'Flu Clinic | 2026-12-05 | Walk-in', front: 'Front Desk - 360-555-0100' };
    const out = props({ ...Object.fromEntries(whole.map((t, i) => [`row${i}`, t])), ...beside });
    for (const t of whole) expect(out).toContain(t);
    for (const w of ['Billing Office, ', 'Flu Clinic | ', ' | Walk-in', 'Front Desk - ']) expect(out).toContain(w);
  });
});

describe('a name after a word that addresses, routes or files a thing to a person', () => {
  it.each([
    ['please send the invoice c/o Leopold Fairweather', ['Leopold', 'Fairweather']],
    ['C/O Rosalind Achterberg', ['Achterberg']],
    ['deliver it care of Clemency Oyelaran', ['Oyelaran']],
    ['cc Octavia Brightwell', ['Brightwell']],
    ['Re: Winifred Castellane', ['Castellane']],
    ['RE: Pemberton, Tiberius - follow-up', ['Pemberton', 'Tiberius']],
    ['emergency contact Solveig Armitage (sister)', ['Armitage']],
    ['Ordered for: Vasquez-Lind, Marisela', ['Vasquez-Lind', 'Marisela']],
    ['referred by Dr. Patel for Ambrose Kettering', ['Kettering']],
    ['what are visiting hours for Cornelius Haverford', ['Haverford']],
    ['Attn Philippa Wexley', ['Wexley']],
    ['FAO Barnaby Thistlewood, accounts', ['Thistlewood']],
    ['picked up by Gwendolyn Ashcombe at noon', ['Ashcombe']],
    ['a la atención de Graciela Montalbán', ['Montalbán']],
    ['zu Händen von Frieda Oberhauser', ['Oberhauser']],
    ["à l'attention de Odette Vaillancourt", ['Vaillancourt']],
  ])('drops the name from %j', (text, gone) => expectGone(text, gone));
});

describe('a list of names', () => {
  it.each([
    ['patient list: Harriet Quennell, Julian Sowerby, Agnes Mallory', ['Harriet', 'Quennell', 'Julian', 'Sowerby', 'Agnes', 'Mallory']],
    ['Attendees: Tamsin Ravel; Orrin Blakeslee and Mireille Hautot', ['Ravel', 'Blakeslee', 'Hautot']],
    ['Cecily Wardlaw, Rupert Fenwick', ['Cecily', 'Wardlaw', 'Rupert', 'Fenwick']],
    ['Guests: Ines Abarca & Teodoro Abarca', ['Abarca']],
  ])('drops every name from %j', (text, gone) => expectGone(text, gone));
});

describe('a bare full name with accents or a hyphenated given name', () => {
  it.each([
    ['José Luis Castañeda-Ruiz', ['Castañeda-Ruiz', 'José']],
    ['Chloé Vautrin-Desmarais', ['Vautrin-Desmarais']],
    ['Anne-Claire Maréchal', ['Maréchal', 'Anne-Claire']],
    ['Renée Oyelowo', ['Oyelowo']],
  ])('drops the name %j', (text, gone) => expectGone(text, gone));
});

describe('what flows', () => {
  it('keeps records, lists and routing lines that name no one', () => {
    const texts = ['Date,Visits,Region', 'Cardiology,12,North', 'Tylenol, Advil, Aleve', 'Re: your question', 'cc: billing team',
      'c/o Northbay Health Foundation', 'emergency contact form', 'Ordered for: pickup', 'São Paulo', 'Médecine générale', 'Dr. Adams',
      'Re: Follow Up', 'Fwd: Flu Clinic Schedule', 'Attn: Billing Department', 'visiting hours for Maternity', 'Baden-Württemberg',
      'Mercy General, St. Vincent, Providence Park', 'Yoga Mat, Travel Mug, Water Bottle', 'Dr. Adams, Dr. Lee, Dr. Patel',
      'Blue Cross, Aetna, Cigna', 'referred by Dr. Adams for knee pain', 'Attention Dr. Lee', 'care of your newborn', 'Winston-Salem',
      'Hôtel-Dieu de Montréal', 'Ciudad de México', 'Rheumatology, Dermatology and Urology', 'Open Monday, Tuesday and Friday'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever its shape is (the prefilter keeps what every detector finds)', () => {
    const parts = ['Jane', 'Doe', 'Okafor', 'Kenji', 'María', 'José', 'García-López', 'Jean-Luc', ' ', ', ', ',', '; ', ' | ', ' / ', ' - ',
      ' and ', '"', '(', ')', '[PHONE]', '503-555-0142', '03/14/1961', 'x@y.org', 'DOB ', 'c/o ', 'care of ', 'cc ', 'Re: ', 'Attn ',
      'visiting hours for ', 'Ordered for: ', 'list: ', 'Guests: ', '\n', 'Dr. ', 'Health', 'Office', '12', 'North'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 3000, examples: [['Jane Doe, 503-555-0142'], ['c/o Jane Doe'], ['Okafor,Kenji,03/14/1961'],
      ['list: Jane Doe, Okafor Kenji'], ['María José García-López'], ['Re: Okafor, Kenji'], ['503-555-0142 | Jane Doe']] });
  });
});
