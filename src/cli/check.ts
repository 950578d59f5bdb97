import { loadConfig } from '../config/load.js';
import { compileLocated } from '../config/compile-located.js';
import { validateDestinations } from './check-validate.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

export async function checkCommand(args: ParsedArgs): Promise<number> {
  const config = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const plan = compileLocated(config, { dataDir: flag(args, 'data', DEFAULT_DATA) });
  process.stdout.write(`ok: plan ${plan.version} — ${config.files.length} file(s), ${plan.identifiers.length} identifier rules, ${plan.blocked.length} blocked-path rules, ${plan.destinations.length} destination(s)\n`);
  const status = args.flags.has('validate') ? await validateDestinations(plan, (l) => process.stdout.write(l)) : 0;
  await Promise.all(plan.destinations.map((d) => d.destination.close()));
  return status;
}
