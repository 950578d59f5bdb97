import { loadConfig } from '../config/load.js';
import { compileLocated } from '../config/compile-located.js';
import { locatedConfigWarnings } from '../config/config-warnings.js';
import { validateDestinations } from './check-validate.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

/**
 * `phiwall check [--strict] [--validate]`: exit 1 on an error. Warnings (an allow entry the
 * destination never receives without a BAA, a BAA expiring) go to stderr and keep exit 0,
 * unless --strict, which makes them errors (for CI).
 */
export async function checkCommand(args: ParsedArgs): Promise<number> {
  const config = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const plan = compileLocated(config, { dataDir: flag(args, 'data', DEFAULT_DATA) });
  const warnings = locatedConfigWarnings(config, plan, Date.now());
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const strict = args.flags.has('strict') && warnings.length > 0;
  if (strict) process.stderr.write(`phiwall: ${warnings.length} warning(s), refused by --strict\n`);
  else process.stdout.write(`ok: plan ${plan.version} — ${config.files.length} file(s), ${plan.identifiers.length} identifier rules, ${plan.blocked.length} blocked-path rules, ${plan.destinations.length} destination(s)${warnings.length ? `, ${warnings.length} warning(s)` : ''}\n`);
  const status = !strict && args.flags.has('validate') ? await validateDestinations(plan, (l) => process.stdout.write(l)) : 0;
  await Promise.all(plan.destinations.map((d) => d.destination.close()));
  return strict ? 1 : status;
}
