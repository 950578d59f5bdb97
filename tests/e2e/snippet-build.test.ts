import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/rules/glob.js';
import { isBlockedPath } from '../../sdk/src/paths.js';
import { REPO } from './helpers/collector-process.js';
import { SNIPPET } from './helpers/snippet.js';

// The snippet's build contract (size budget, SRI file) and its one piece of pure logic that must
// agree with the server: blocked paths.

describe('sdk build', () => {
  it('prints the gzipped size and SRI hash, within the 1500-byte budget', () => {
    const stdout = execFileSync(process.execPath, ['sdk/build.mjs'], { cwd: REPO, encoding: 'utf8' });
    const code = readFileSync(SNIPPET);
    const gz = gzipSync(code, { level: 9 }).length;
    const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
    expect(gz).toBeLessThanOrEqual(1500);
    expect(stdout).toContain(`${gz} bytes gzipped`);
    expect(stdout).toContain(`integrity="${sri}"`);
    expect(readFileSync(SNIPPET + '.sri', 'utf8').trim()).toBe(sri);
    // An IIFE that only reads its own global: no import/export, no eval, no third-party host.
    const text = code.toString('utf8');
    expect(text.startsWith('(()=>{')).toBe(true);
    expect(text).not.toMatch(/\beval\(|new Function|https?:\/\//);
  });
});

describe('client-side blocked paths', () => {
  it.each([
    ['/patient-portal/**', '/patient-portal', true],
    ['/patient-portal/**', '/patient-portal/messages/12', true],
    ['/patient-portal/**', '/Patient-Portal/Messages', true],
    ['/patient-portal/**', '/patient-portals', false],
    ['/patient-portal', '/patient-portal/messages', true],
    ['/patient-portal/', '/patient-portal/messages', true],
    ['/billing', '/billing?id=1', true],
    ['/billing', '/billingfaq', false],
    ['/*/confirm', '/appointments/confirm', true],
    ['/*/confirm', '/appointments/confirmed', false],
    ['/services', '/conditions', false],
    // A hash-routed app's page is its fragment route; an anchor or another route is not.
    ['/patient-portal', '/app#/patient-portal/messages', true],
    ['/patient-portal', '/#!/patient-portal', true],
    ['/patient-portal', '/app#/services?from=/patient-portal', false],
    ['/patient-portal', '/faq#patient-portal', false],
  ])('%s blocks %s: %s', (pattern, path, blocked) => {
    expect(isBlockedPath(path, [pattern])).toBe(blocked);
  });

  it('blocks at least everything the server glob blocks (it may block more)', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    const glob = fc.array(fc.oneof(segment, fc.constant('*'), fc.constant('**')), { minLength: 1, maxLength: 4 }).map((s) => '/' + s.join('/'));
    const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => '/' + s.join('/'));
    fc.assert(fc.property(glob, path, (g, p) => {
      if (globToRegExp(g).test(p)) expect(isBlockedPath(p, [g])).toBe(true);
    }), { numRuns: 2000 });
  });
});
