import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { tempDir, writeConfig } from '../helpers/collector.js';

// blocked_hosts entries written as a list of domains (each also every host under it), optionally
// only some pages of them (`paths`): the form the pack's vendor list is extended in.
const plan = (hosts: string) => compileRules(loadConfig(writeConfig(`
version: 1
sites: [{ name: s, write_key: k, allowed_origins: ["https://*.example.org"] }]
destinations: { out: { type: file, baa: false, allow: [event, page.url] } }
blocked_hosts:
${hosts}
`)).rules, { dataDir: tempDir() });
const blockedAt = (p: ReturnType<typeof plan>, url: string) =>
  dryRunLine({ type: 'page', messageId: 'm', anonymousId: 'a', context: { page: { url } } } as never, p, { idFor: () => 'pw' }).every((r) => r.payload === undefined);

describe('blocked_hosts domains and paths', () => {
  it('a domain blocks itself and every host under it, not a longer name', () => {
    const p = plan('  - { name: vendor, domains: [vendorpay.example, "*.portal.other.example."] }');
    for (const url of ['https://vendorpay.example/', 'https://a.b.vendorpay.example/x', 'https://12-1.portal.other.example/']) expect(blockedAt(p, url)).toBe(true);
    for (const url of ['https://notvendorpay.example/', 'https://vendorpay.example.org/', 'https://portal.other.example.net/']) expect(blockedAt(p, url)).toBe(false);
  });

  it('with paths, only those pages of the domain (canonical paths: case, encoding, a trailing index.html)', () => {
    const p = plan('  - { name: booking, domains: [booker.example], paths: ["/booking/**", "/book-now"] }');
    for (const url of ['https://www.booker.example/booking/start?x=1', 'https://booker.example/BOOKING%252Fpatient', 'https://booker.example/book-now/index.html']) expect(blockedAt(p, url)).toBe(true);
    for (const url of ['https://www.booker.example/doctor/pat-kim', 'https://other.example/booking/start']) expect(blockedAt(p, url)).toBe(false);
  });

  it('takes a domain written in Unicode', () => {
    const p = plan('  - { name: vendor, domains: [zahlung-münchen.example] }');
    expect(blockedAt(p, 'https://www.xn--zahlung-mnchen-osb.example/')).toBe(true);
  });

  it('refuses an entry with no or two host tests, and a domain that is no host name', () => {
    expect(() => plan('  - { name: x, paths: ["/a"] }')).toThrow(/exactly one of glob, regex or domains/);
    expect(() => plan('  - { name: x, glob: "a.example", domains: [b.example] }')).toThrow(/exactly one of glob, regex or domains/);
    expect(() => plan('  - { name: x, domains: ["a b.example"] }')).toThrow(/blocked_hosts\.0\.domains\.0: not a host name/);
  });
});
