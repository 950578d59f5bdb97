import { describe, expect, it } from 'vitest';
import { deriveChannel } from '../../src/attribution/channel.js';

describe('channel derivation', () => {
  it.each([
    [{ campaign: { source: 'google', medium: 'cpc' } }, 'paid_search'],
    [{ campaign: { source: 'facebook', medium: 'cpc' } }, 'paid_social'],
    [{ campaign: { source: 'meta', medium: 'paid_social' } }, 'paid_social'],
    [{ campaign: { source: 'newsletter', medium: 'email' } }, 'email'],
    [{ campaign: { source: 'dv360', medium: 'display' } }, 'display'],
    [{ campaign: { source: 'linkedin', medium: 'social' } }, 'organic_social'],
    [{ clickIds: { gclid: 'x' } }, 'paid_search'],
    [{ clickIds: { fbclid: 'x' } }, 'paid_social'],
    [{ referrer: 'https://www.google.com' }, 'organic_search'],
    [{ referrer: 'https://duckduckgo.com/' }, 'organic_search'],
    [{ referrer: 'https://l.facebook.com' }, 'organic_social'],
    [{ referrer: 'https://t.co' }, 'organic_social'],
    [{ referrer: 'https://healthgrades.example' }, 'referral'],
    [{ referrer: 'https://www.northbay.example/x', pageHost: 'www.northbay.example' }, 'direct'],
    [{ campaign: { medium: 'weird' }, clickIds: { msclkid: 'x' } }, 'paid_search'],
    [{}, 'direct'],
  ])('%j -> %s', (input, channel) => {
    expect(deriveChannel(input)).toBe(channel);
  });
});
