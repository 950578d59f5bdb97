// `${VAR}` and `${VAR:-default}` in a config are filled from the collector's environment. A config
// on disk is the operator's, but one posted to `POST /admin/config` is an admin key's: with free
// references it could put `${PW_SECRET}` in a webhook URL, an include path or a site's write key
// and read the secret back (sent to its own host, or quoted in a problem). A posted config may
// therefore write a reference only where the running config writes it, in the same text: the same
// key path (list positions aside: a new admin key before the others moves none) and the same
// string, so a secret stays in the option it was put in. Refused references name the variable,
// never its value, and are not filled.

export type Env = Readonly<Record<string, string | undefined>>;
type Path = readonly (string | number)[];

const ENV_REF = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;
const HAS_REF = /\$\{[A-Z_][A-Z0-9_]*(?::-[^}]*)?\}/;

/** `destinations.hook.options.url` + the string as written; list positions are `[]`. */
export function refSignature(path: Path, raw: string): string {
  return `${path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.')}\u0000${raw}`;
}

/** The key path part of a signature (`destinations.hook.options.url`). */
export const signaturePath = (signature: string): string => signature.slice(0, signature.indexOf('\u0000'));

export interface RefHooks {
  /** A variable with no value (`empty`: set to the empty string) and no default. */
  readonly missing: (name: string, empty: boolean) => void;
  /** A reference outside `allowed` (only when `allowed` is given). */
  readonly refused: (name: string, path: Path) => void;
  /** Signatures a reference must have to be filled; undefined: any (a config on disk). */
  readonly allowed?: ReadonlySet<string>;
  /** Every reference's signature is added here (the running config's, for the next posted one). */
  readonly seen: Set<string>;
}

/** The value with each permitted reference filled; a refused string is kept as written. */
export function interpolate(value: unknown, env: Env, hooks: RefHooks, path: (string | number)[] = []): unknown {
  if (typeof value === 'string') return ownCopy(fill(value, env, hooks, path));
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, hooks, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolate(v, env, hooks, [...path, k]);
    return out;
  }
  return value;
}

/**
 * A string of its own (H194). The YAML parser hands out values as slices of the file's text, and
 * V8 keeps a slice's whole parent alive: one rule's pattern kept the bundled packs' 234,000
 * characters (two bytes each: the packs are not Latin-1) in every collector's live heap. A
 * JSON round trip copies the characters (one byte each when they are Latin-1); a value under 13
 * characters is never a slice.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function fill(raw: string, env: Env, hooks: RefHooks, path: Path): string {
  if (!HAS_REF.test(raw)) return raw;
  const signature = refSignature(path, raw);
  hooks.seen.add(signature);
  if (hooks.allowed && !hooks.allowed.has(signature)) {
    for (const m of raw.matchAll(ENV_REF)) hooks.refused(m[1], path);
    return raw;
  }
  return raw.replace(ENV_REF, (_, name: string, dflt: string | undefined) => {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return dflt;
    hooks.missing(name, v === '');
    return '';
  });
}
