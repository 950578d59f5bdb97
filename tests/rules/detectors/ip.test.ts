import { describe, expect, it } from 'vitest';
import { ipDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('ip detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(ipDetector.label).toBe('[IP]');
    expect(ipDetector.safeHarbor).toBe('O');
  });

  it('finds IPv4 addresses, with an optional CIDR suffix', () => {
    expect(matches(ipDetector, 'client 192.168.1.20 via 10.0.0.0/8, 255.255.255.255.')).toEqual([
      '192.168.1.20',
      '10.0.0.0/8',
      '255.255.255.255',
    ]);
    expect(matches(ipDetector, 'http://203.0.113.7:8080/x')).toEqual(['203.0.113.7']);
  });

  it('rejects out-of-range octets and longer dotted numbers', () => {
    expect(matches(ipDetector, '256.1.1.1 and 1.2.3.999')).toEqual([]);
    expect(matches(ipDetector, 'version 1.2.3.4.5')).toEqual([]);
    expect(matches(ipDetector, '11.2.3.4.5 and 1.2.3')).toEqual([]);
  });

  it('skips product versions in user agents', () => {
    expect(matches(ipDetector, 'Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36 v1.2.3.4')).toEqual([]);
  });

  it('finds IPv6: full, compressed, IPv4-mapped, zoned', () => {
    expect(matches(ipDetector, 'from 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok')).toEqual([
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    ]);
    expect(matches(ipDetector, 'addr 2001:db8::1: denied')).toEqual(['2001:db8::1']);
    expect(matches(ipDetector, 'mapped ::ffff:192.0.2.1 here')).toEqual(['::ffff:192.0.2.1']);
    expect(matches(ipDetector, 'link fe80::1%eth0 up')).toEqual(['fe80::1%eth0']);
    expect(matches(ipDetector, '[::1]:3000')).toEqual(['::1']);
  });

  it('rejects clock times, MAC addresses, C++ scopes and invalid IPv6', () => {
    expect(matches(ipDetector, 'at 12:30:45 and 00:1A:2B:3C:4D:5E')).toEqual([]);
    expect(matches(ipDetector, 'std::vector Foo::Bar ::')).toEqual([]);
    expect(matches(ipDetector, '2001:db8:::1 and 1:2:3:4:5:6:7:8:9')).toEqual([]);
    expect(matches(ipDetector, 'fe80::1g')).toEqual([]);
  });
});
