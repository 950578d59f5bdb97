import type { LoadedConfig } from '../config/load.js';
import { signaturePath } from '../config/env-refs.js';

// A posted config may keep a destination's `${META_ACCESS_TOKEN}` where the running one has it
// (config/env-refs.ts), but the destination then sends that credential with every request: were
// its `endpoint` (or `url`, `token_url`, or its type) changed, the token would go to whatever host
// the admin key named. A destination that carries an environment reference must therefore send
// where the running config's destination of that name sends; moving it is an edit on disk.

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Destinations (by name) whose options in `config` hold an environment reference. */
function destinationsWithRefs(config: LoadedConfig): Set<string> {
  const names = new Set<string>();
  for (const s of config.envRefs) {
    const m = /^destinations\.([^.]+)\./.exec(signaturePath(s));
    if (m) names.add(m[1]);
  }
  return names;
}

/** Keys whose value is an address in either version, and differs between them; `type` too. */
function movedKeys(posted: Readonly<Record<string, unknown>>, running: Readonly<Record<string, unknown>> | undefined): string[] {
  const was = running ?? {};
  const keys = new Set([...Object.keys(posted), ...Object.keys(was)]);
  return [...keys].filter((k) => {
    const a = posted[k];
    const b = was[k];
    const address = (typeof a === 'string' && ABSOLUTE_URL.test(a)) || (typeof b === 'string' && ABSOLUTE_URL.test(b));
    return address && a !== b;
  });
}

/** `destinations.x.options.endpoint: …` for each credential-carrying destination that would send elsewhere. */
export function redirectedSecretProblems(posted: LoadedConfig, running: LoadedConfig): string[] {
  const problems: string[] = [];
  const why = 'this destination sends a credential from the environment, and an admin-posted config may not change where it sends (edit the file on disk)';
  for (const name of destinationsWithRefs(posted)) {
    const now = posted.rules.destinations?.[name];
    const before = running.rules.destinations?.[name];
    if (!now) continue;
    if (now.type !== before?.type) problems.push(`destinations.${name}.type: ${why}`);
    for (const key of movedKeys(now.options, before?.options)) problems.push(`destinations.${name}.options.${key}: ${why}`);
  }
  return posted.locate(problems);
}
