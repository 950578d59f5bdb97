import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 50 (tests/fixtures/held-50): a broad held-out set over the 18 Safe Harbor identifiers. Its misses: a surname in a
// form's list of entries under FHIR's word (`[["given", …], ["family", "Ostrowska"]]`), a lower-case address line whose state
// code is also a word with no comma and no street before it (`moving back to bend or 97701`), and a UK registration under
// a short key nested in another object (`parking: {reg: "AB12 CDE"}`).
// Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops.
const { props } = allowAllProbe('s50');

describe("a form's list of entries spelling a name as given and family", () => {
  it.each([
    [{ entries: [['given', 'Marisol'], ['family', 'Achterberg']] }, ['Marisol', 'Achterberg']],
    [{ form: [{ name: 'given_name', value: 'Tobiah' }, { name: 'family', value: 'kowalczyk' }] }, ['Tobiah', 'kowalczyk']],
    [{ entries: [['dob', '1970-02-03'], ['family', 'vanderhoek']] }, ['vanderhoek', '02-03']],
    [{ entries: [['family', 'Brightwater'], ['plan', 'basic']] }, ['Brightwater']],
  ])('drops the surname from %j', (properties, gone) => {
    const out = props(properties);
    for (const g of gone) expect(out).not.toContain(g);
  });

  it("keeps a `family` entry that is no one's surname, and the entries beside it", () => {
    const out = props({ filters: [['family', 'medicine'], ['level', 'beginner']], font: [['family', 'sans-serif']] });
    for (const kept of ['"medicine"', '"beginner"', '"sans-serif"']) expect(out).toContain(kept);
  });
});

describe("a lower-case address line with a word state's code and a ZIP in that state's range", () => {
  it.each([
    ['relocating to talent or 97540 soon', ['talent', '97540']],
    ['tigard or 97223', ['tigard', '97223']],
    ['from nampa id 83651 originally', ['nampa', '83651']],
    ['my folks live in wapakoneta oh 45895', ['wapakoneta', '45895']],
    ['grew up in skowhegan me 04976', ['skowhegan', '04976']],
  ])('drops the city and the ZIP of %j', (line, gone) => {
    const out = props({ widget_value: line });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it("keeps a number that is not in the word state's range, or is a count", () => {
    const kept = { tally: 'we helped 300 families or 97000 people', offer: 'pay by card or 60614 points' };
    const out = props(kept);
    for (const v of Object.values(kept)) expect(out).toContain(`"${v}"`);
  });
});

describe("a vehicle's registration under its short and national names", () => {
  it.each([
    [{ parking: { reg: 'KX71 BNM' } }, 'KX71'],
    [{ valet: { rego: 'YXZ 44B' } }, 'YXZ 44B'],
    [{ car: { vrm: 'LD19XRT' } }, 'LD19XRT'],
    [{ parkingPermit: { regNo: 'WX 48271' } }, '48271'],
    [{ auto: { spz: '1AB 2345' } }, '2345'],
    [{ bil: { registreringsnummer: 'ABC 123' } }, 'ABC 123'],
    [{ widget: 'lot=C&reg=KX71BNM&hours=3' }, 'KX71BNM'],
  ])('drops it from %j', (properties, gone) => {
    expect(props(properties)).not.toContain(gone);
  });

  it('keeps a region or a state under a bare `reg`, as a value and inside a form body', () => {
    const out = props({ reg: 'EMEA', signup: { reg: 'complete' }, widget: 'reg=apac&step=2' });
    for (const kept of ['"EMEA"', '"complete"', '"reg=apac&step=2"']) expect(out).toContain(kept);
  });
});

describe('the prefilter', () => {
  it('runs the detectors wherever the new address shape is (it keeps what every detector finds)', () => {
    const parts = ['moving back to ', 'bend', ' or ', ' in ', ' me ', '97701', '46204', '04976', ' people', ' next month', 'skowhegan', ' ', ','];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['moving back to bend or 97701 next month'], ['skowhegan me 04976']] });
  });
});
