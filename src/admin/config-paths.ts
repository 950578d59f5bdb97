import { resolve } from 'node:path';
import type { RulesFile } from '../config/schema.js';

// A config posted to `POST /admin/config` also names files the collector writes: a `file`
// destination's `path` (JSON lines appended) and an `aggregate` destination's `path` (a SQLite
// database opened and written). Anywhere on the host, an admin key could append to or corrupt any
// file the process may write. A posted config may write only under the data directory or the
// config's own directory; the problem names the key, never the path it was given.

const inside = (p: string, roots: readonly string[]): boolean => roots.some((r) => p === r || p.startsWith(`${r}/`));

/** `destinations.<name>.options.path: ...` for each written path outside `roots`. */
export function writePathProblems(rules: RulesFile, roots: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [name, d] of Object.entries(rules.destinations ?? {})) {
    const path = d.options.path;
    if (path === undefined || (d.type !== 'file' && d.type !== 'aggregate')) continue;
    if (typeof path !== 'string' || !inside(resolve(path), roots.map((r) => resolve(r)))) {
      problems.push(`destinations.${name}.options.path: an admin-posted config may write only under the data directory or the config's directory`);
    }
  }
  return problems;
}
