import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Probe C (H248): a ZIP field holding its label or an address's last line (`ZIP 02139`, `Springfield, MA 02139`) was dropped whole;
// it now keeps the ZIP-3 as a bare ZIP does (restricted prefixes as 000), and the words go with the rest.
const { props } = allowAllProbe('z48');

describe('a ZIP field with words around the ZIP', () => {
  it('keeps the ZIP-3 only', () => {
    for (const zip of ['ZIP 02139', 'zip code: 02139-1234', 'Springfield, MA 02139']) {
      const out = props({ zip });
      expect(out, zip).toContain('"zip":"021"');
      expect(out, zip).not.toContain('Springfield');
      expect(out, zip).not.toContain('02139');
    }
  });

  it('writes a restricted prefix as 000 and still drops a value with two ZIPs', () => {
    expect(props({ zip: 'Grafton, NH 03601' })).toContain('"zip":"000"');
    const out = props({ zip: 'near 02139 and 02140' });
    expect(out).not.toContain('"zip"');
    expect(out).not.toContain('0213');
  });
});
