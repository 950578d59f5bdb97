import { ConfigError } from '../errors.js';
import { compileRules, type CompileOptions } from '../rules/compile.js';
import type { Plan } from '../rules/plan.js';
import type { LoadedConfig } from './load.js';

/** compileRules, with each problem it finds located at the file:line that holds the key. */
export function compileLocated(config: LoadedConfig, options: CompileOptions): Plan {
  try {
    return compileRules(config.rules, options);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(config.locate(err.issues));
    throw err;
  }
}
