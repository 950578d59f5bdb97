import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Pass 47 (.tmp/h213): a broad held-out set over the 18 Safe Harbor identifiers. Its largest class of misses: a
// relative's name given by a possessive name label (`my son's name is Kwabena`) or a label's contraction (`her name's
// Kwabena`). Every event goes to an open destination (no BAA, every field allowed) under a key no free-text rule drops,
// so the detectors, not field drops, do the work.
const { props } = allowAllProbe('s47');

describe("a relative's name given by a possessive name label", () => {
  it.each([
    ["my son's name is Kwabena, he is 7", ['Kwabena']],
    ["my daughter's name is Oluwaseun", ['Oluwaseun']],
    ['my wife\u2019s first name is Adaeze', ['Adaeze']],
    ["grandmother's name: Ifeoma Chukwu", ['Ifeoma', 'Chukwu']],
    ["our grandson's full name is Tobias Wren-Hale", ['Tobias', 'Wren']],
    ["my fianc\u00e9's name is Ravindra", ['Ravindra']],
    ["her name's Kwabena", ['Kwabena']],
    ['my name\u2019s Tobias Wren', ['Tobias', 'Wren']],
  ])('drops the name from %j', (text, gone) => {
    const out = props({ visitor_says: text });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it('drops it whatever the key and the nesting', () => {
    const out = props({ intake: { about_family: "my husband's name is Bartholomew Quayle" } });
    expect(out).not.toContain('Bartholomew');
    expect(out).not.toContain('Quayle');
  });
});

describe('what flows', () => {
  it("keeps a place's, a product's or a field's name and a label with no name after it", () => {
    const texts = ["the clinic's name is Riverside Family Medicine", "what's the app's name", "my son's names are on the forms",
      "her name's on the list", "name's field is required", "the program's name is Healthy Steps"];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});
