/**
 * The exponential schedule every retry here follows: `baseMs` after the first failure, doubled
 * per further failure (`attempt` counts from 0), never above `capMs`.
 */
export const doublingDelay = (attempt: number, baseMs: number, capMs: number): number => Math.min(capMs, baseMs * 2 ** attempt);
