/** Minimal flag parser: `--name value`, `--flag`, positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    if (eq > 0) { flags.set(a.slice(2, eq), a.slice(eq + 1)); continue; }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) { flags.set(a.slice(2), next); i++; } else flags.set(a.slice(2), true);
  }
  return { positionals, flags };
}

export function flag(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

export const DEFAULT_CONFIG = process.env.PHIWALL_CONFIG ?? 'rules/phiwall.yaml';
export const DEFAULT_DATA = process.env.PHIWALL_DATA ?? './data';
