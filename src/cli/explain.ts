import { loadConfig } from '../config/load.js';
import { compileLocated } from '../config/compile-located.js';
import { explainMarkdown, explainPlan } from '../rules/explain.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

export function explainCommand(args: ParsedArgs): number {
  const format = args.flags.get('format') ?? 'md';
  // A mistyped format printed Markdown where a pipeline expected JSON.
  if (format !== 'md' && format !== 'json') {
    process.stderr.write('phiwall explain: --format must be md or json\n');
    return 2;
  }
  const config = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const plan = compileLocated(config, { dataDir: flag(args, 'data', DEFAULT_DATA) });
  const model = explainPlan(plan);
  process.stdout.write(format === 'json' ? JSON.stringify(model, null, 2) + '\n' : explainMarkdown(model));
  return 0;
}
