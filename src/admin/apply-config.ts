import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { compileLocated } from '../config/compile-located.js';
import { locatedConfigWarnings } from '../config/config-warnings.js';
import type { Actor, Runtime } from '../runtime.js';
import { configHash } from '../governance/governance.js';
import { claimConfigChange } from './reload-audit.js';
import { includeRoots } from '../config/include-roots.js';
import { writePathProblems } from './config-paths.js';
import { redirectedSecretProblems } from './config-secrets.js';

/** How problems name the document an admin posted (not the entry file it would replace). */
export const POSTED_NAME = 'posted yaml';

export interface ApplyResult {
  applied: boolean;
  policyVersion?: string;
  problems?: string[];
  /** `phiwall check`'s warnings for the applied config (a wildcard allow without a BAA, an expiring BAA). */
  warnings?: string[];
}

/**
 * Validates a posted entry config (written beside the current one, so relative includes
 * resolve the same way), then replaces the entry file atomically and reloads. An invalid
 * config changes nothing. The reload's audit record names the admin (once, in a cluster too).
 */
export async function applyConfig(runtime: Runtime, yaml: string, by: Actor): Promise<ApplyResult> {
  const entry = runtime.config.entry;
  const candidate = join(dirname(entry), `.${basename(entry)}.${randomBytes(6).toString('hex')}.candidate`);
  writeFileSync(candidate, yaml, { mode: 0o600 });
  let hash: string;
  let warnings: string[];
  try {
    // Includes only from the config's own tree and the bundled rules/ (config/include-roots.ts);
    // `${VAR}` only as the running config writes it (config/env-refs.ts).
    const config = loadConfig(candidate, process.env, { includeRoots: includeRoots(dirname(entry)), entryName: POSTED_NAME, envRefsAllowed: runtime.config.envRefs });
    const refused = [...config.locate(writePathProblems(config.rules, [runtime.dataDir, dirname(entry)])), ...redirectedSecretProblems(config, runtime.config)];
    if (refused.length) throw new ConfigError(refused);
    hash = configHash(config.rules);
    const plan = compileLocated(config, { dataDir: runtime.dataDir });
    warnings = locatedConfigWarnings(config, plan, Date.now()).slice(0, 50);
    await Promise.all(plan.destinations.map((d) => d.destination.close()));
  } catch (err) {
    rmSync(candidate, { force: true });
    const problems = err instanceof ConfigError ? err.issues.map((i) => i.replaceAll(candidate, POSTED_NAME).replaceAll(basename(candidate), POSTED_NAME)).slice(0, 50) : ['config could not be compiled'];
    runtime.governance.record({ ...by, action: 'config.apply', details: { result: 'invalid', problems: problems.length } });
    return { applied: false, problems };
  }
  // This call records the change (with the admin), not also worker 0's (or this process's) file watch.
  await claimConfigChange(hash, runtime.log, runtime.reloadAudit);
  renameSync(candidate, entry);
  const applied = await runtime.reload(by);
  if (!applied) return { applied, problems: ['reload refused (see logs)'] };
  return { applied, policyVersion: runtime.plan.version, ...(warnings.length ? { warnings } : {}) };
}
