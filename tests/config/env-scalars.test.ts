import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { writeConfig } from '../helpers/collector.js';

// `max_connections: ${MAXC}`: text from the environment where the schema wants a number or a
// boolean is read as one; text that is not one is refused naming the variable, never the value.

const YAML = 'version: 1\nserver:\n  max_connections: ${MAXC}\n  port: "${PORT:-8081}"\nsites:\n  - name: demo\n    write_key: ${WK}\n    require_consent: ${RC:-false}\n' +
  'destinations:\n  out:\n    type: file\n    allow: [event]\n    delivery:\n      max_age_hours: ${AGE}\n';
const ENV = { MAXC: '500', WK: '12345', AGE: '1.5' };

function problems(env: Record<string, string>): string[] {
  try { loadConfig(writeConfig(YAML), env); } catch (err) { if (err instanceof ConfigError) return [...err.issues]; throw err; }
  return [];
}

describe('numbers and booleans from ${VAR}', () => {
  it('parse where the schema asks for them; a string field keeps its digits as text', () => {
    const rules = loadConfig(writeConfig(YAML), { ...ENV, RC: 'TRUE' }).rules;
    expect(rules.server?.max_connections).toBe(500);
    expect(rules.server?.port).toBe(8081);
    expect(rules.sites?.[0].write_key).toBe('12345');
    expect(rules.sites?.[0].require_consent).toBe(true);
    expect(rules.destinations?.out.delivery.max_age_hours).toBe(1.5);
  });

  it('a value that is not a number names the variable and its line, not the value', () => {
    const found = problems({ ...ENV, MAXC: 's3cr3t-token', RC: 'maybe' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/phiwall\.yaml:3:20: server\.max_connections: \$\{MAXC\} gives no number \(the value is not shown\)/);
    expect(found[1]).toMatch(/phiwall\.yaml:8:22: sites\[0\]\.require_consent: \$\{RC\} gives neither true nor false/);
    expect(found.join('\n')).not.toMatch(/s3cr3t|maybe|expected number/);
  });

  it('an empty variable is reported as empty, an unset one as not set', () => {
    expect(problems({ ...ENV, MAXC: '' })).toEqual([expect.stringMatching(/:3:20: environment variable MAXC is empty \(write \$\{MAXC:-default\}/)]);
    expect(problems({ WK: 'k', AGE: '2' })).toEqual([expect.stringMatching(/:3:20: environment variable MAXC is not set/)]);
  });

  it('an unquoted reference inside { } says to quote it; an invisible character in a key is shown escaped', () => {
    const problemsOf = (yaml: string) => { try { loadConfig(writeConfig(yaml), { M: '5' }); } catch (err) { if (err instanceof ConfigError) return [...err.issues]; throw err; } return []; };
    const flow = problemsOf('version: 1\nserver: { max_connections: ${M} }\n');
    expect(flow[0]).toMatch(/phiwall\.yaml:2:\d+: .*\(inside \{ \} or \[ \], quote a \$\{VAR\}: "\$\{VAR\}"\)/);
    expect(flow.filter((p) => p.includes('quote a'))).toHaveLength(1);
    expect(problemsOf('version: 1\nserver: { max_connections: "${M}" }\n')).toEqual([]);
    expect(problemsOf('version: 1\ndestinations\u200b: {}\n')[0]).toMatch(/unknown key "destinations\\u200b" \(did you mean "destinations"\?\)/);
  });
});
