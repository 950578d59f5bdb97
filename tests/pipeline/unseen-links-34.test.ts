import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { locatedConfigWarnings } from '../../src/config/config-warnings.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';
import { allowAllProbe, OPEN_SITE } from '../helpers/open-plan.js';

// Pass 34 (.tmp/h167): links people click from email and SMS campaigns, as analytics tools capture them (`page.url`,
// `link_url`, `page_location`). A recipient's id in the link is a person's id (Safe Harbor R): never kept, even where
// `url_query_allow` names it; the send's own id (`mc_cid`, `_hsmi`) is kept where it is named. Open destination, no BAA.
const LISTED = '[utm_source, utm_medium, utm_campaign, mc_cid, _hsmi, jb, mc_eid, _hsenc, mkt_tok, _kx, sfmc_sub, subscriberkey, ' +
  'ck_subscriber_id, email, uid, external_id, recipient, contact_id, phone]';
const yaml = (allow: string): string => `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\nurl_query_allow: ${allow}\n` +
  'destinations:\n  open: { type: file, baa: false, allow: ["**"] }\n';
const config = loadConfig(writeConfig(yaml(LISTED)), {});
const plan = compileLocated(config, { dataDir: tempDir() });
const sent = (properties: Record<string, unknown>): string => JSON.stringify(dryRunLine({ type: 'track', event: 'Link Clicked', messageId: 'l34',
  anonymousId: 'a-l34', timestamp: '2026-11-30T10:00:00.000Z', properties, context: { page: { path: '/news', url: `${OPEN_SITE}/news` } } } as never,
  plan, { idFor: () => 'pw' }).map((r) => r.payload));

describe('a recipient\'s id in a campaign link', () => {
  it.each([
    ['mc_eid', 'b7e1c4'], ['_hsenc', 'p2ANqtz-Kq'], ['MKT_TOK', 'ODgyLVpY'], ['_kx', 'aB3kLm.Xy7'], ['sfmc_sub', 'S-4410'],
    ['SubscriberKey', 'dana-rook'], ['ck_subscriber_id', 'ck-77'], ['uid', 'hale'], ['external_id', 'u-2209'], ['recipient', 'rook'],
    ['contact_id', 'c-881'],
  ])('%s leaves no link even where url_query_allow names it', (param, value) => {
    const out = sent({ link_url: `${OPEN_SITE}/flu?utm_campaign=flu-week&${param}=${value}`, page_location: `${OPEN_SITE}/flu?${param}=${value}&utm_source=esp` });
    expect(out).not.toContain(value);
    expect(out).toContain('utm_campaign=flu-week');
  });

  it('is warned of by phiwall check where url_query_allow names it', () => {
    const warnings = locatedConfigWarnings(config, plan, Date.now());
    for (const p of ['mc_eid', '_hsenc', 'mkt_tok', 'email', 'phone']) expect(warnings.some((w) => w.includes(`"${p}" names an email or SMS recipient`))).toBe(true);
    expect(warnings.some((w) => w.includes('"mc_cid"'))).toBe(false);
  });
});

describe('the send\'s own id in a campaign link', () => {
  it('is kept where url_query_allow names it (mc_cid, _hsmi)', () => {
    const out = sent({ link_url: `${OPEN_SITE}/flu?utm_campaign=flu&mc_cid=8f3e2a1b0c&_hsmi=298765432&jb=1` });
    for (const kept of ['mc_cid=8f3e2a1b0c', '_hsmi=298765432', 'utm_campaign=flu']) expect(out).toContain(kept);
  });

  it('is still scanned when it holds a person (a phone number, an email)', () => {
    const out = sent({ link_url: `${OPEN_SITE}/flu?mc_cid=6175550142&_hsmi=${encodeURIComponent('dana@mail.example')}` });
    expect(out).not.toContain('6175550142');
    expect(out).not.toContain('dana@mail');
  });

  it('is cut, with every recipient id, under the bundled url_query_allow', () => {
    const { props } = allowAllProbe('l34b');
    const out = props({ link_url: `${OPEN_SITE}/flu?utm_campaign=flu&mc_cid=8f3e2a1b0c&mc_eid=b7e1c4&_hsenc=p2ANqtz-Kq` });
    expect(out).toContain('utm_campaign=flu');
    for (const cut of ['mc_cid', 'b7e1c4', 'p2ANqtz']) expect(out).not.toContain(cut);
  });
});
