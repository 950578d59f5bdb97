// The `serve --workers N` cluster primary, bundled on its own (dist/primary.js, loaded first by
// bin/phiwall.mjs): it only forks and supervises workers, so it loads none of the collector.
// With the full bundle and its dependencies it sat at ~80 MB of RSS doing nothing (bench).
import cluster from 'node:cluster';
import { ConfigError } from '../errors.js';
import { argsProblem, parseArgs } from './args.js';
import { chooseWorkers, runPrimary, type WorkerChoice } from './workers.js';

/** Runs the primary when argv asks for `serve` with more than one worker; false leaves it to the full CLI. */
export function primaryMain(argv: readonly string[]): boolean {
  if (!cluster.isPrimary) return false;
  const args = parseArgs(argv);
  // --help: the full CLI prints the usage; no workers are started.
  // --help, or arguments the full CLI refuses (an unknown flag): no workers are started.
  if (args.positionals[0] !== 'serve' || args.flags.has('help') || args.positionals.includes('-h') || argsProblem(args)) return false;
  let choice: WorkerChoice;
  try {
    choice = chooseWorkers(args);
  } catch (err) {
    // The full CLI reports a bad --workers the usual way.
    if (err instanceof ConfigError) return false;
    throw err;
  }
  if (choice.workers <= 1) return false;
  try {
    runPrimary(choice);
  } catch (err) {
    // A bad PHIWALL_LOG_LEVEL, before anything started: the full CLI reports it the usual way.
    if (err instanceof ConfigError) return false;
    throw err;
  }
  return true;
}
