import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryOf } from '../../src/pipeline/query.js';
import { pathBefore, SCHEME_AND_HOST } from '../../src/pipeline/route-values.js';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// The page URL's query is read for its campaign tags and click ids (query.ts queryOf), and its path before the query
// by the route readings (route-values.ts pathBefore, which cuts the scheme and host without a regex call: H214). What
// goes out must be what URLSearchParams#get reads: the first value of a repeated name, never the value of a longer
// name the asked one starts (`utm_source_platform`), a bare name as '', for a query of any length.

const sentOf = (url: string) => {
  const { sent } = openPlanProbe('query-of');
  return JSON.parse(sent({ context: { page: { path: new URL(url).pathname, url } } })) as { utm_source?: string; utm_campaign?: string; url?: string }[];
};

describe("a page URL's campaign tags", () => {
  it('sends the tag named, not a longer name that starts with it, and the first of a repeated one', () => {
    const [open] = sentOf(`${OPEN_SITE}/services/cardiology?utm_source_platform=ads&utm_source=newsletter&utm_source=other&utm_campaign=spring`).slice(-1);
    expect(open.utm_source).toBe('newsletter');
    expect(open.utm_campaign).toBe('spring');
  });

  it('reads a tag after twenty other parameters as after none, and drops the visitor\'s values around it', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `p${i}=v${i}`).join('&');
    const [open] = sentOf(`${OPEN_SITE}/services/cardiology?${filler}&email=jane.doe%40mail.example&utm_source=newsletter&mrn=MRN12345678`).slice(-1);
    expect(open.utm_source).toBe('newsletter');
    expect(JSON.stringify(open)).not.toContain('jane.doe');
    expect(JSON.stringify(open)).not.toContain('12345678');
  });

  it('answers every asked name as URLSearchParams does, for short and long queries', () => {
    const names = ['utm_source', 'utm_sourc', 'utm_source_platform', 'gclid', 'g', '', 'a=b'];
    const piece = fc.constantFrom('utm_source', 'utm_sourc', 'utm_source_platform', 'gclid', 'g', '=', '==', '&', '&&', 'x', 'news', '1');
    const query = fc.array(piece, { maxLength: 80, size: 'max' }).map((a) => a.join(''));
    let long = 0;
    fc.assert(fc.property(query, (q) => {
      const get = queryOf(`https://www.example.org/p?${q}#frag`);
      const ref = new URLSearchParams(q);
      if (q.split('&').length > 16) long++;
      for (const n of names) expect(get(n), `${n} in ${q}`).toBe(n.indexOf('=') >= 0 ? null : ref.get(n));
    }), { numRuns: 4000 });
    expect(long).toBeGreaterThan(200);
  });
});

describe('the path before a query', () => {
  it('is the URL up to the query without its scheme and host, as the regex cut it', () => {
    const piece = fc.constantFrom('https', 'HTTP', 'a', 'Z', '9', '+', '.', '-', ':', '://', '/', '//', '?', 'é', ' ', 'x.example', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: -5, max: 60 }), (a, end) => {
      const url = a.join('');
      expect(pathBefore(url, end), `${url} at ${end}`).toBe(url.slice(0, end).replace(SCHEME_AND_HOST, ''));
    }), { numRuns: 20000 });
  });
});
