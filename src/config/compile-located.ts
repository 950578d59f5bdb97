import { ConfigError } from '../errors.js';
import { compileRules, type CompileOptions } from '../rules/compile.js';
import type { Plan } from '../rules/plan.js';
import type { LoadedConfig } from './load.js';
import { missingEssentials } from './essentials.js';

/**
 * compileRules, with each problem it finds located at the file:line that holds the key. Every
 * command that runs or maps a collector's plan (serve and its reloads, check, dry-run, explain,
 * the admin API's apply) compiles here, so each also refuses a file that declares no site or no
 * destination (reported with the compiler's problems, all at once).
 */
export function compileLocated(config: LoadedConfig, options: CompileOptions): Plan {
  const missing = missingEssentials(config);
  let plan: Plan;
  try {
    plan = compileRules(config.rules, options);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError([...config.locate(err.issues), ...missing]);
    throw err;
  }
  if (missing.length) {
    // The plan is never used: its destinations (HTTP pools, timers) are let go. Nothing was sent
    // through them, so a failure to close has nothing to report.
    for (const d of plan.destinations) d.destination.close().catch(() => undefined);
    throw new ConfigError(missing);
  }
  return plan;
}
