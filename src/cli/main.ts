import cluster from 'node:cluster';
import { ConfigError, StorageFileError } from '../errors.js';
import { argsProblem, parseArgs } from './args.js';
import { checkCommand } from './check.js';
import { dlqCommand } from './dlq.js';
import { auditCommand } from './audit.js';
import { dryRunCommand } from './dry-run.js';
import { explainCommand } from './explain.js';
import { migrateCommand } from './migrate.js';
import { schemaCommand } from './schema.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';

const USAGE = `phiwall <command> [options]

  serve    [--config rules/phiwall.yaml] [--port 8080] [--data ./data] [--workers N|auto]
  check    [--config ...] [--strict] [--validate]  validate rules; exit 1 on error, or on a warning with --strict (--validate: GA4 debug endpoint)
  dry-run  [--config ...] [--destination NAME] < events.jsonl
  explain  [--config ...] [--format md|json]    data-flow map for compliance
  dlq      list|show|replay|purge --destination NAME [--id ID] [--code CODE] [--actor NAME] [--config ...] [--data ./data]
  report   attribution|aggregates|release [--model time-decay] [--from D] [--to D] [--demo]
  migrate  [--config ...]                       apply PostgreSQL migrations (storage.kind: postgres)
  schema                                        JSON Schema of the rule language
  audit    verify [--data ./data | --config FILE] check the hash-chained audit log; exit 1 names the first bad seq
  audit    report --destination NAME --from ISO --to ISO [--data ./data | --config FILE] [--format text|json]
`;

/** `phiwall dry-run < events.jsonl | head`: a reader that stops early is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const [command] = args.positionals;
  // `phiwall serve --help` started a collector (the flag was ignored): any command's --help or -h prints the usage.
  if (args.flags.has('help') || args.positionals.includes('-h')) { quietOnClosedPipe(); process.stdout.write(USAGE); return; }
  if (command !== 'serve') quietOnClosedPipe();
  const problem = argsProblem(args);
  if (problem) { process.stderr.write(`phiwall ${command}: ${problem}; see phiwall --help\n`); process.exitCode = 2; if (cluster.isWorker) process.exit(2); return; }
  try {
    switch (command) {
      case 'serve': await serveCommand(args); return;
      case 'check': process.exitCode = await checkCommand(args); return;
      case 'dry-run': process.exitCode = await dryRunCommand(args); return;
      case 'explain': process.exitCode = explainCommand(args); return;
      case 'dlq': process.exitCode = await dlqCommand(args); return;
      case 'audit': process.exitCode = await auditCommand(args); return;
      case 'schema': process.exitCode = schemaCommand(); return;
      case 'report': process.exitCode = await reportCommand(args); return;
      case 'migrate': process.exitCode = await migrateCommand(args); return;
      default:
        if (command !== undefined && command !== 'help') { process.stderr.write(`phiwall: unknown command "${command.slice(0, 40)}"\n${USAGE}`); process.exitCode = 2; return; }
        process.stdout.write(USAGE);
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`phiwall: invalid configuration\n${err.issues.map((i) => `  ${i}`).join('\n')}\n`);
      process.exitCode = 1;
      // A cluster worker's IPC channel would keep it alive, and its exit is what stops the primary
      // (stderr to a pipe or file is written synchronously, so the message is out).
      if (cluster.isWorker) process.exit(1);
      return;
    }
    if (err instanceof StorageFileError) {
      process.stderr.write(`phiwall: ${err.message}; nothing was started or changed\n`);
      process.exitCode = 1;
      if (cluster.isWorker) process.exit(1);
      return;
    }
    throw err;
  }
}
