/** Minimal flag parser: `--name value`, `--name=value`, `--switch`, positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Flags that never take a value: `report --demo attribution` left `attribution` a positional, not --demo's value. */
const SWITCHES = new Set(['help', 'strict', 'validate', 'demo']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    if (eq > 0) { flags.set(a.slice(2, eq), a.slice(eq + 1)); continue; }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--') && !SWITCHES.has(a.slice(2))) { flags.set(a.slice(2), next); i++; } else flags.set(a.slice(2), true);
  }
  return { positionals, flags };
}

/** Each command's flags that take a value, and how many positionals it takes (the command's own included). */
const COMMANDS: Readonly<Record<string, { values: readonly string[]; switches?: readonly string[]; positionals: number }>> = {
  serve: { values: ['config', 'data', 'host', 'port', 'workers'], positionals: 1 },
  check: { values: ['config', 'data'], switches: ['strict', 'validate'], positionals: 1 },
  'dry-run': { values: ['config', 'data', 'destination'], positionals: 1 },
  explain: { values: ['config', 'data', 'format'], positionals: 1 },
  dlq: { values: ['actor', 'code', 'config', 'data', 'destination', 'id', 'limit'], positionals: 2 },
  audit: { values: ['config', 'data', 'destination', 'format', 'from', 'to'], positionals: 2 },
  report: { values: ['by', 'config', 'data', 'destination', 'format', 'from', 'journeys', 'model', 'to'], switches: ['demo'], positionals: 2 },
  migrate: { values: ['config'], positionals: 1 },
  schema: { values: [], positionals: 1 },
};

/**
 * What is wrong with a known command's arguments, if anything: an unknown flag (`check --stirct`
 * passed as if it checked strictly; `--confg x` used the default config), a flag without its
 * value (`--config` last used the default config), a switch given one, a stray positional.
 */
export function argsProblem(args: ParsedArgs): string | undefined {
  const spec = COMMANDS[args.positionals[0] ?? ''];
  if (!spec) return undefined;
  for (const [name, value] of args.flags) {
    if (name === 'help') continue;
    if (spec.switches?.includes(name)) { if (value !== true) return `--${name} takes no value`; continue; }
    if (!spec.values.includes(name)) return `unknown flag --${name} (${[...spec.values, ...spec.switches ?? []].map((f) => `--${f}`).join(', ') || 'none'})`;
    if (value === true || value === '') return `--${name} needs a value`;
  }
  const extra = args.positionals[spec.positionals];
  return extra === undefined ? undefined : `unexpected argument "${extra.slice(0, 40)}"`;
}

export function flag(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

export const DEFAULT_CONFIG = process.env.PHIWALL_CONFIG ?? 'rules/phiwall.yaml';
export const DEFAULT_DATA = process.env.PHIWALL_DATA ?? './data';
