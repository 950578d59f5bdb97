import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Pass 46 (.tmp/h211): identifiers typed with Unicode separators NFKC leaves alone between digit groups: a middle dot,
// bullet or katakana middle dot, an ideographic full stop, a division or fraction slash, the long-vowel mark or a
// box-drawing line for a dash. Every event goes to an open destination (no BAA, every field allowed) under a key no
// free-text rule drops, so the detectors, not field drops, do the work.
const { props } = allowAllProbe('s46');

describe('an identifier whose digit groups are split by a look-alike mark', () => {
  it.each([
    ['call me at 617·555·0142 thanks', ['617', '555', '0142']],
    ['text me at ７８１・５５５・０１６４', ['７８１', '５５５', '０１６４']],
    ['cell 617 • 555 • 0142', ['555', '0142']],
    ['fax 617⋅555⋅0199', ['555', '0199']],
    ['my ssn is 536·22·4411', ['536', '4411']],
    ['DOB 03∕14∕1987', ['1987']],
    ['born 03⁄14⁄1987 in Lowell', ['1987']],
    ['ip 192。168。4。21 cannot connect', ['192', '168']],
    ['電話 03ー1234ー5678 まで', ['1234', '5678']],
    ['call 617─555─0142', ['555', '0142']],
  ])('drops the identifier from %j', (text, gone) => {
    const out = props({ visitor_says: text });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it('reads each mark as the ASCII separator it stands for', () => {
    for (const [mark, ascii] of [['·', '.'], ['・', '.'], ['∕', '/'], ['ー', '-']]) {
      const said = (sep: string) => props({ visitor_says: `phone 617${sep}555${sep}0142, dob 03${sep}14${sep}1987` });
      expect(said(mark)).toBe(said(ascii));
    }
  });
});

describe('what flows', () => {
  it('keeps marks that are not between digit groups of an identifier', () => {
    const texts = ['dose 1·5 mg twice daily', 'take 1–2 tablets every 4–6 hours', 'カード 3ー4枚', 'ワクチン・2回目', 'col·laboració',
      'step 1 • step 2', '3∕4 cup of rice', 'ratio 1·2·3', 'Room 3・4 is ready', 'コーヒー', '2024年。次は', 'room ３０２, building Ｂ',
      'ward ４Ｂ, bed １２', 'open 8:00–17:00 Mon–Fri', 'size ＸＬ please', 'price ＄12.99 for the kit'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});
