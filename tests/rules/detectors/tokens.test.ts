import { describe, expect, it } from 'vitest';
import { bearerDetector, jwtDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('jwt detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(jwtDetector.label).toBe('[TOKEN]');
    expect(jwtDetector.safeHarbor).toBe('R');
  });
  it('finds JWTs in text and URLs', () => {
    expect(matches(jwtDetector, `token ${JWT} end`)).toEqual([JWT]);
    expect(matches(jwtDetector, `/cb#id_token=${JWT}&state=1`)).toEqual([JWT]);
  });
  it('accepts a shortish payload segment', () => {
    const short = 'eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.abcdefghijKLMNOP';
    expect(matches(jwtDetector, short)).toEqual([short]);
  });
  it('rejects segments that are too short, missing, or glued to a longer token', () => {
    expect(matches(jwtDetector, 'eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.abc')).toEqual([]);
    expect(matches(jwtDetector, 'eyJhbGciOiJub25lIn0.eyJzdWIiOjF9')).toEqual([]);
    expect(matches(jwtDetector, 'eyJh.eyJzdWIiOjF9xx.abcdefghijKLMNOP')).toEqual([]);
    expect(matches(jwtDetector, `x${JWT}`)).toEqual([]);
  });
});

describe('bearer detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(bearerDetector.label).toBe('[TOKEN]');
    expect(bearerDetector.safeHarbor).toBe('R');
  });

  it('finds the token after Bearer', () => {
    expect(matches(bearerDetector, 'Authorization: Bearer abc.DEF-123_xyz~')).toEqual(['abc.DEF-123_xyz~']);
    expect(matches(bearerDetector, 'bearer dGhpc2lzYXRva2Vu==')).toEqual(['dGhpc2lzYXRva2Vu==']);
  });

  it('ignores Bearer followed by prose', () => {
    expect(matches(bearerDetector, 'the Bearer instruments are bearer of news')).toEqual([]);
  });

  it.each([
    'access_token',
    'id_token',
    'refresh_token',
    'token',
    'session_id',
    'sessionid',
    'sid',
    'jsessionid',
    'PHPSESSID',
    'auth',
    'api_key',
    'apikey',
    'code',
    'oauth_token',
  ])('finds the value of %s=', (key) => {
    expect(matches(bearerDetector, `/cb?${key}=Zx81kQ_Pw-9&state=1`)).toEqual(['Zx81kQ_Pw-9']);
  });

  it('stops values at &, #, whitespace, quotes and ;', () => {
    expect(matches(bearerDetector, 'token=abcd1234#frag sid=s3cr3tv4l; path=/ code="zz9911"')).toEqual([
      'abcd1234',
      's3cr3tv4l',
    ]);
    expect(matches(bearerDetector, ';jsessionid=ABCDEF0123?x=1')).toEqual(['ABCDEF0123?x=1']);
    expect(matches(bearerDetector, 'access_token%3DZx81kQPw9%26x')).toEqual(['Zx81kQPw9%26x']);
  });

  it('ignores short or boolean values and keys that only end in code/auth', () => {
    expect(matches(bearerDetector, 'sid=1&auth=true&code=US&zip_code=02115&country_code=USA1&author=abcdef')).toEqual(
      [],
    );
  });
});
