import { describe, expect, it } from 'vitest';
import { emailDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('email detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(emailDetector.kind).toBe('email');
    expect(emailDetector.label).toBe('[EMAIL]');
    expect(emailDetector.safeHarbor).toBe('F');
  });

  it('finds plain addresses in prose', () => {
    expect(matches(emailDetector, 'write to jane.doe+tag@example.co.uk, thanks')).toEqual(['jane.doe+tag@example.co.uk']);
    expect(matches(emailDetector, 'kenji@mailbox.example.')).toEqual(['kenji@mailbox.example']);
  });

  it('finds the percent-encoded %40 form', () => {
    expect(matches(emailDetector, '/signup?email=jane.doe%40example.com&step=2')).toEqual(['jane.doe%40example.com']);
  });

  it('stops at encoded delimiters before the local part', () => {
    expect(matches(emailDetector, '/login?next=%2Fprofile%3Femail%3Djane%40example.com')).toEqual(['jane%40example.com']);
  });

  it('finds the address inside mailto: links', () => {
    expect(matches(emailDetector, '<a href="mailto:bob@clinic.org?subject=hi">')).toEqual(['bob@clinic.org']);
    expect(matches(emailDetector, 'mailto%3Abob%40clinic.org')).toEqual(['bob%40clinic.org']);
  });

  it('does not swallow URL keys', () => {
    expect(matches(emailDetector, '?email=jane@x.com&a=1')).toEqual(['jane@x.com']);
  });

  it('finds several addresses', () => {
    expect(matches(emailDetector, 'a@b.io, c.d@e.org; f_g@h.net')).toEqual(['a@b.io', 'c.d@e.org', 'f_g@h.net']);
  });

  it('ends the domain at the alphabetic TLD', () => {
    expect(matches(emailDetector, 'jane@example.com2')).toEqual(['jane@example.com']);
    expect(matches(emailDetector, 'user@xn--80ak6aa92e.xn--p1ai')).toEqual(['user@xn--80ak6aa92e.xn--p1ai']);
  });

  it('rejects things that are not addresses', () => {
    for (const text of [
      '@handle mentions',
      'user@localhost',
      'pkg@1.2.3',
      'logo@2x.png',
      'a@.com',
      'no at sign here',
      '...@example.com',
      'x@-y.com',
      '100%40 percent',
    ]) {
      expect(matches(emailDetector, text), text).toEqual([]);
    }
  });
});
