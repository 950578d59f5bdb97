import { describe, expect, it } from 'vitest';
import { urlDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('url detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(urlDetector.label).toBe('[URL]');
    expect(urlDetector.safeHarbor).toBe('N');
  });

  it('finds http(s) URLs and drops sentence punctuation', () => {
    expect(matches(urlDetector, 'see https://example.com/a/b?c=1&d=2#x. Then')).toEqual([
      'https://example.com/a/b?c=1&d=2#x',
    ]);
    expect(matches(urlDetector, '(HTTP://Example.com/x), and "http://a.io"')).toEqual([
      'HTTP://Example.com/x',
      'http://a.io',
    ]);
  });

  it('keeps balanced parentheses that belong to the path', () => {
    expect(matches(urlDetector, 'https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });

  it('finds www. hosts without a scheme', () => {
    expect(matches(urlDetector, 'visit www.example.org/path?q=1, or WWW2.Example.com')).toEqual([
      'www.example.org/path?q=1',
      'WWW2.Example.com',
    ]);
  });

  it('finds percent-encoded URLs inside query strings', () => {
    expect(matches(urlDetector, 'redirect=https%3A%2F%2Fportal.example.com%2Fpatient')).toEqual([
      'https%3A%2F%2Fportal.example.com%2Fpatient',
    ]);
  });

  it('ignores bare schemes, www without a domain and words containing http', () => {
    expect(matches(urlDetector, 'http:// and https://. and www.localhost and xhttp://a.com')).toEqual([]);
    expect(matches(urlDetector, 'jane@www.example.com')).toEqual([]);
  });
});
