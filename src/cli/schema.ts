import { z } from 'zod';
import { RulesFile } from '../config/schema.js';

/** JSON Schema of the rule language, for editor autocompletion (rules/phiwall.schema.json). */
export function rulesJsonSchema(): string {
  const schema = z.toJSONSchema(RulesFile, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'phiwall rules', $id: 'https://phiwall.dev/schema/phiwall.schema.json' }, null, 2) + '\n';
}

export function schemaCommand(): number {
  process.stdout.write(rulesJsonSchema());
  return 0;
}
