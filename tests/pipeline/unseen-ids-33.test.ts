import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 33 (.tmp/h158): what patients type into chat widgets, forms, site search and support tickets, as analytics tools
// capture it (a transcript line, a form field's value, an event label), and pass 32's leftovers, fixed as classes. Every
// event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops; the look-alikes stay.
const { props } = allowAllProbe('s33');

describe('post office boxes and rural routes as people spell them', () => {
  it.each([
    ['we get mail at HCR 2 Box 9014', '9014'],
    ['hcr 71 box 330 is our mailing', '330'],
    ['Mailing: POB 9014, Zellby MA', '9014'],
    ['pob 7713 billing address', '7713'],
    ['P.O.B. 4471 Oskmere', '4471'],
    ['send to hc 64 box 2210 please', '2210'],
  ])('drops the box in %j', (text, box) => {
    expect(props({ chat_line: text, widget: 'livechat' })).not.toContain(box);
  });

  it("drops the box's town before a state code, and keeps the state", () => {
    const out = props({ event_label: 'Mailing: POB 9014, Zellby MA' });
    expect(out).not.toContain('Zellby');
    expect(out).toContain('MA');
  });

  it("drops a box's lettered number and the town closing the text after it", () => {
    const out = props({ a: 'RR 3 Box 12 Tarnfield', b: 'P.O.B. 4471 Oskmere', c: 'Mail to R.R. 1 Box 45A' });
    for (const v of ['Tarnfield', 'Oskmere', '45A', '"A"']) expect(out).not.toContain(v);
    expect(props({ d: 'PO Box 12 is closed.', e: 'PO Box 12 Thanks!' })).toContain('is closed.');
  });

  it('keeps vital signs and check boxes', () => {
    const out = props({ caption: 'Normal adult RR 12-20, HR 60-100', consent_label: 'checked box 2 of 3', problem: 'probe 12 failed' });
    for (const v of ['RR 12-20, HR 60-100', 'checked box 2 of 3', 'probe 12 failed']) expect(out).toContain(v);
  });
});

describe('a street address typed in lower case, and the words after it', () => {
  it('drops a lower-case city before a state code closing the text, and keeps the state', () => {
    const out = props({ snippet: 'new address is 77 harborview dr lowell ma', label: 'i live at 12 pine ave, boston ma.' });
    for (const v of ['harborview', 'lowell', 'pine', 'boston']) expect(out).not.toContain(v);
    expect(out).toContain(' ma');
  });

  it('keeps a sign-off after the address, and prose after a lower-case address', () => {
    const out = props({ a: 'Meet at 100 Main St, Thanks!', b: 'See you at 25 Dock Rd, Cheers!', c: 'meet at 12 oak st then walk to the park' });
    for (const v of ['Thanks!', 'Cheers!', 'then walk to the park']) expect(out).toContain(v);
    for (const v of ['Main St', 'Dock Rd', 'oak st']) expect(out).not.toContain(v);
  });
});

describe('a what3words address without its slashes', () => {
  it.each([
    ["i'm parked at filled.count.soap near the ER", 'filled.count.soap'],
    ['what3words: index.home.raft', 'index.home.raft'],
    ['w3w crisp.lemon.tower', 'crisp.lemon.tower'],
    ['pin drop: usual.tables.bright by the side door', 'usual.tables.bright'],
    ['my location is crisp.lemon.tower', 'crisp.lemon.tower'],
  ])('drops it from %j', (text, words) => {
    expect(props({ last_line: text })).not.toContain(words);
  });

  it('keeps host names, file names and versions beside the same words', () => {
    const out = props({ a: 'is the portal at northbay.health.example down?', b: 'the file report.final.pdf wont open at my location',
      c: 'try app.northbay.example or v2.3.1 of the app', d: 'she said filled.count.soap' });
    for (const v of ['northbay.health.example', 'report.final.pdf', 'app.northbay.example', 'v2.3.1', 'filled.count.soap']) expect(out).toContain(v);
  });
});

describe("the place after `I'm in`, and a place typed in lower case after a residence verb", () => {
  it.each([
    ["I'm in Oskmere, is there a clinic close?", 'Oskmere'],
    ['I\u2019m in Brackwater for the week', 'Brackwater'],
    ["We're in Zellby now", 'Zellby'],
    ['i live in tarnfield need pcp', 'tarnfield'],
    ['we live in essex county and got billed', 'essex'],
    ["i'm in quillden till friday", 'quillden'],
    ['I am in Tarnfield this week', 'Tarnfield'],
    ['Resident of Wexstead County', 'Wexstead'],
    ['resident of wexstead county', 'wexstead'],
  ])('drops it from %j', (text, place) => {
    expect(props({ preview: text })).not.toContain(place);
  });

  it('keeps departments, states of being and states', () => {
    const texts = ["I'm in pain since Monday", "I'm in Cardiology now", "I'm in Pain Management", "I'm in Network with Aetna?",
      'i live in fear of needles', 'i live in an apartment with stairs', "i'm in the lobby", 'i live in texas', "i'm in network right?",
      'Residents of Wexstead County may apply', "i'm in and out of the hospital", "i'm in good shape"];
    for (const t of texts) expect(props({ preview: t })).toContain(JSON.stringify(t).slice(1, -1));
  });
});

describe('an age over 89 in clinical shorthand or in words after a colon', () => {
  it.each([
    ['92M presents with chest pain', '92M'],
    ['91F w/ fall at home', '91F'],
    ['grandpa 90M fell again', '90M'],
    ['Pt 94F, hx CHF', '94F'],
    ['age: ninety-two', 'ninety-two'],
  ])('drops it from %j', (text, age) => {
    expect(props({ summary_line: text })).not.toContain(age);
  });

  it('keeps younger patients, millions and temperatures', () => {
    const texts = ['45M presents with chest pain', 'Serving 92M patients', 'fever 101F since last night', 'temp 99F.', 'raised $95M in 2025', 'the 100M dash'];
    for (const t of texts) expect(props({ preview: t })).toContain(t);
  });
});

describe('a ZIP code typed into a search or a locator', () => {
  it.each([
    ['dermatologist 02301', '"dermatologist 023"'],
    ['urgent care near 60614', '"urgent care near 606"'],
    ['mri open saturday 03601', '"mri open saturday 000"'],
    ['pharmacy close to 59012', '"pharmacy close to 590"'],
    ['within 10 miles of 02301', '"within 10 miles of 023"'],
  ])('keeps only the ZIP-3 of %j (000 for a restricted prefix)', (text, kept) => {
    expect(props({ event_label: text })).toContain(kept);
  });

  it('keeps codes and counts of five digits', () => {
    const out = props({ a: 'cpt 99213', b: 'order 55102', c: 'we treated in 12000 patients' });
    for (const v of ['cpt 99213', 'order 55102', '12000 patients']) expect(out).toContain(v);
  });
});

describe('over-cuts of pass 32', () => {
  it('keeps a sentence in a caseless script after `Patient:`, and still drops a name there', () => {
    const lines = ['Patient: 我想预约下周的体检', 'Patient: 予約をキャンセルしたいです', 'Patient: أريد تغيير موعدي', 'Patient: मुझे अपॉइंटमेंट चाहिए'];
    for (const t of lines) expect(props({ transcript_line: t })).toContain(t);
    const names = props({ a: 'Patient: 王秀英', b: 'Patient: 山田花子さん', c: 'Patient: ليلى المنصوري' });
    for (const v of ['王秀英', '山田花子', 'ليلى']) expect(names).not.toContain(v);
  });

  it('keeps `MS` before a product name, and drops the name after `Ms`', () => {
    const out = props({ platform: 'Microsoft MS Teams', caller: 'Ms Quarnby called' });
    expect(out).toContain('Microsoft MS Teams');
    expect(out).not.toContain('Quarnby');
  });
});

describe('the prefilter lets through every text these detectors redact', () => {
  it('on what3words, boxes, shorthand ages, residence and search ZIPs built from parts', () => {
    const parts = ['at ', 'filled', '.', 'count', 'soap', ' ', "I'm in ", 'Oskmere', 'I am in ', 'Resident of ', 'we', "'re in ", 'i live in ', 'tarnfield', '92', 'M', 'F', ' presents', 'POB ',
      'HCR 2 Box ', '9014', 'near ', '60614', 'dermatologist ', 'w3w ', '/', '@', 'x', 'Patient: ', '我想', 'MS ', 'Teams'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['at filled.count.soap'], ["I'm in Oskmere"], ["I'm  in Oskmere"], ['I am  in Oskmere'], ['92M presents'], ['dermatologist 60614']] });
  });
});
