import type { JsonValue } from '../common/json.js';
import type { OutboundItem } from './types.js';

// A spooled payload was serialised once already, for the spool row. A destination that posts
// payloads verbatim (an array of them, or an array inside a fixed envelope) splices that stored
// text into its body instead of serialising the parsed value again (~10% of delivery's CPU).
// The texts are the bytes JSON.stringify gives for the same values, so the bodies are identical.

/** An item's payload as JSON text: the spool's stored text when it came with the item, else serialised here. */
export const payloadJson = (item: OutboundItem): string => item.payloadText ?? JSON.stringify(item.payload);

/** JSON.stringify(items.map((i) => i.payload)), from the stored texts. */
export function payloadArrayJson(items: readonly OutboundItem[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) out += (i ? ',' : '') + payloadJson(items[i]);
  return `${out}]`;
}

/**
 * JSON.stringify({ ...before, [key]: payloads, ...after }) with the payloads from the stored texts
 * (a vendor's envelope around its events). Undefined values are left out, as JSON.stringify does.
 */
export function envelopeJson(before: Readonly<Record<string, JsonValue | undefined>>, key: string, items: readonly OutboundItem[], after: Readonly<Record<string, JsonValue | undefined>> = {}): string {
  const head = JSON.stringify(before), tail = JSON.stringify(after);
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(key)}:${payloadArrayJson(items)}${tail === '{}' ? '}' : `,${tail.slice(1)}`}`;
}
