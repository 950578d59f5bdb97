import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { SitePlan } from '../../src/rules/plan.js';
import { clientIp } from '../../src/server/client-ip.js';

const siteTrusting = (...cidrs: string[]) => ({ trustedProxies: cidrs.map((c) => ipaddr.parseCIDR(c)) }) as unknown as SitePlan;

describe('the client address of a request', () => {
  const direct = siteTrusting();
  const behindProxy = siteTrusting('10.0.0.0/8');

  it('is the socket peer unless that peer is a trusted proxy, then the nearest untrusted forwarded hop', () => {
    expect(clientIp('::ffff:10.1.2.3', { xff: '203.0.113.9' }, direct)).toBe('10.1.2.3');
    expect(clientIp('::ffff:10.1.2.3', { xff: '198.51.100.1, 203.0.113.9' }, behindProxy)).toBe('203.0.113.9');
    expect(clientIp('10.1.2.3', { forwarded: 'for=198.51.100.7;proto=https' }, behindProxy)).toBe('198.51.100.7');
    expect(clientIp('10.1.2.3', { xff: 'not-an-ip' }, behindProxy)).toBe('10.1.2.3');
    expect(clientIp(undefined, {}, direct)).toBeUndefined();
    expect(clientIp('garbage', { xff: '203.0.113.9' }, behindProxy)).toBeUndefined();
  });

  it('follows the site asked about, request after request from one connection (a reload that trusts the proxy applies at once)', () => {
    const answers = [direct, behindProxy, direct, behindProxy].map((site) => clientIp('10.9.9.9', { xff: '203.0.113.5' }, site));
    expect(answers).toEqual(['10.9.9.9', '203.0.113.5', '10.9.9.9', '203.0.113.5']);
    expect(clientIp('10.9.9.8', { xff: '203.0.113.5' }, direct)).toBe('10.9.9.8');
  });
});
