import type { JsonValue } from '../common/json.js';

/**
 * A stored payload text's value (every adapter, as a row is leased); undefined when it does not
 * parse (a damaged spool file). Such an item is handed out with a null payload marked `damaged`
 * (LeasedItem.damaged) and delivery dead-letters it: thrown from the lease instead, it failed every
 * lease of its destination, and the events after it were never delivered.
 */
export function parseStored(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return undefined;
  }
}
