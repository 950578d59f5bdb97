import type { DeliveryResult, ItemResult } from './types.js';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One result per item, whatever shape the DeliveryResult had. */
export function expandResult(result: DeliveryResult, count: number): ItemResult[] {
  return result.kind === 'per_item' ? result.results : Array.from({ length: count }, () => result);
}

/** Collapses identical per-item results to one (the common case), else keeps them per item. */
export function collapseResults(results: readonly ItemResult[]): DeliveryResult {
  // The first result serialised once (not once per item): this runs for every delivered batch.
  const first = results.length > 0 ? JSON.stringify(results[0]) : '';
  if (results.length > 0 && results.every((r) => r === results[0] || JSON.stringify(r) === first)) return results[0];
  return { kind: 'per_item', results: [...results] };
}

/**
 * A whole-request outcome: either results per item, or "the vendor rejected the batch as a
 * whole" (Meta, TikTok: one bad event fails all), which `bisect` resolves by splitting.
 */
export type BatchAttempt = { kind: 'results'; results: ItemResult[] } | { kind: 'rejected'; result: ItemResult };

/**
 * Sends `items`; on a whole-batch rejection splits in halves and retries each half, so one
 * poison event costs about 2*log2(n) extra requests and every other event still gets through.
 */
export async function bisect<T>(items: readonly T[], attempt: (items: T[]) => Promise<BatchAttempt>): Promise<ItemResult[]> {
  const outcome = await attempt([...items]);
  if (outcome.kind === 'results') return outcome.results;
  if (items.length === 1) return [outcome.result];
  const mid = Math.ceil(items.length / 2);
  const left = await bisect(items.slice(0, mid), attempt);
  const right = await bisect(items.slice(mid), attempt);
  return [...left, ...right];
}

/**
 * Runs `send` on the items at `indexes` only and writes its results back in input order;
 * the other positions keep what `results` already holds (pre-flight drops, etc).
 */
export async function fillResults(
  results: ItemResult[],
  indexes: readonly number[],
  send: (indexes: number[]) => Promise<ItemResult[]>,
): Promise<void> {
  if (indexes.length === 0) return;
  const sent = await send([...indexes]);
  indexes.forEach((index, i) => {
    results[index] = sent[i];
  });
}
