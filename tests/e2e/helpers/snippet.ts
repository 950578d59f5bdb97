import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './collector-process.js';

export const SNIPPET = join(REPO, 'sdk/dist/phiwall.min.js');

/** Builds sdk/dist when missing or older than sdk/src (dist/ is not committed); returns the SRI hash. */
export function ensureSnippet(): string {
  const src = join(REPO, 'sdk/src');
  const newest = Math.max(...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs), statSync(join(REPO, 'sdk/build.mjs')).mtimeMs);
  if (!existsSync(SNIPPET) || !existsSync(SNIPPET + '.sri') || statSync(SNIPPET).mtimeMs < newest) {
    execFileSync(process.execPath, [join(REPO, 'sdk/build.mjs')], { stdio: 'pipe' });
  }
  return readFileSync(SNIPPET + '.sri', 'utf8').trim();
}
