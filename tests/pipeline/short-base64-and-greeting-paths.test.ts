import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Probes A and C (H248): an SSN, a phone number or a date of birth base64-encoded in 12-15 characters (a path segment, a campaign
// value) was not decoded (tokens were read from 16 characters); a person's name under a page that greets, invites or unsubscribes one
// person (`/welcome/…`, `/unsubscribe/…`, `/rsvp/…`), or run together in capitals (`JaneDelacroix`), stayed in the path.
const { sent, pathOut } = allowAllProbe('b48');
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const page = { path: '/x', url: 'https://www.example-health.org/x' };
const withCampaign = (campaign: Record<string, string>) => sent({ context: { page, campaign } });

describe('short base64 tokens', () => {
  it('reads an identifier encoded in a path segment or a campaign value', () => {
    for (const secret of ['516-63-9498', '9787421720', '03/14/1961']) {
      const token = b64(secret);
      expect(token.length).toBeLessThan(16);
      expect(pathOut(`/r/${token}`)).not.toContain(token);
      const out = withCampaign({ content: token });
      expect(out).not.toContain(token);
    }
  });

  it('leaves campaign words and random-looking codes of that length as they came', () => {
    const campaign = { name: 'newsletter2026', content: 'springpromo1', term: 'fall_flu_shots_65plus' };
    const out = withCampaign(campaign);
    for (const v of Object.values(campaign)) expect(out).toContain(v);
  });
});

describe('a person named under a greeting, an invitation or an unsubscribe page', () => {
  it('becomes :id', () => {
    for (const path of ['/welcome/Aisha-Nakamura', '/unsubscribe/john-okonkwo', '/events/rsvp/JaneDelacroix', '/hello/maria-lopez']) {
      const out = pathOut(path);
      expect(out, path).toContain(':id');
      expect(out, path).not.toContain(path.split('/').pop() as string);
    }
  });

  it('reads a home directory\'s login name as one (`/~gonzalez/`)', () => {
    const out = pathOut('/~gonzalez/profile');
    expect(out).toContain('/:id/profile');
    expect(out).not.toContain('gonzalez');
  });

  it('keeps the site\'s own pages there', () => {
    for (const path of ['/welcome/new-patients', '/unsubscribe/confirm', '/events/rsvp/SpringGala']) expect(pathOut(path), path).toContain(path);
  });
});
