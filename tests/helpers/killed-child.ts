import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { REPO } from './collector.js';

/** A repository module as an import specifier for a child script (`import { X } from ${srcModule('src/…')}`). */
export const srcModule = (path: string): string => JSON.stringify(pathToFileURL(join(REPO, path)).href);

/**
 * Runs `script` (TypeScript, ESM) in a child process that must end by kill -9 at the point it
 * chooses, with nothing on stderr; returns its stdout for the test to read.
 */
export function runUntilKilled(script: string): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  expect({ signal: child.signal, stderr: child.stderr.slice(0, 600) }).toEqual({ signal: 'SIGKILL', stderr: '' });
  return child.stdout;
}
