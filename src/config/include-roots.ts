import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// A config posted to `POST /admin/config` names its includes itself. Read from anywhere, an
// include would let an admin key read any file the collector can (`/etc/shadow`, a `.env`, the
// spool): its keys come back as "unknown key" problems, its line count and its existence too.
// Such a config may include only YAML files inside its own directory tree and the bundled
// `rules/` (the packs). A path outside is refused before the file system is asked about it, so
// the answer says nothing about what exists there; a symlink inside that leads outside is
// refused too. Configs loaded from disk (`--config`, SIGHUP, the file watch) are the
// operator's and are not restricted.

/** The bundled rules/ directory (from src/ under tsx and from the dist/ bundle). */
export function bundledRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  return join(dir, 'rules');
}

const realOrSelf = (p: string): string => { try { return realpathSync(p); } catch { return p; } };

/** Each root as written and as the file system resolves it (a temp dir behind a symlink). */
export function includeRoots(configDir: string): string[] {
  const roots = [resolve(configDir), resolve(bundledRulesDir())];
  return [...new Set([...roots, ...roots.map(realOrSelf)])];
}

const inside = (p: string, roots: readonly string[]): boolean => roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));

/** Why `target` (absolute) may not be included under `roots`, or undefined when it may. */
export function includeRefusal(target: string, roots: readonly string[]): string | undefined {
  const allowed = 'an admin-posted config may include only .yaml/.yml files in its own directory tree and the bundled rules/';
  if (!/\.ya?ml$/i.test(target) || !inside(target, roots)) return allowed;
  let real: string;
  try { real = realpathSync(target); } catch { return undefined; } // missing: the reader says so (inside the roots)
  return inside(real, roots) ? undefined : `${allowed} (this one is a link that leads outside them)`;
}
