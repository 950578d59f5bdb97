// Attribution models: a conversion's one unit of credit split over its touchpoints (oldest
// first). Every function returns weights that sum to 1, one per touch.

const HYPHENS = /-/g;

export const MODELS = ['last_click', 'first_touch', 'linear', 'time_decay', 'u_shaped', 'w_shaped'] as const;
export type ModelName = (typeof MODELS)[number];

export interface Touch {
  /** Epoch ms. */
  time: number;
  channel: string;
  campaign: string;
  /** The touch at which the visitor became a lead (a form, a call): W-shaped's middle peak. */
  lead?: boolean;
}

export interface ModelOptions {
  /** Time-decay half-life in ms (a touch this long before the conversion weighs half). */
  halfLifeMs: number;
}

/** Accepts `time-decay` as well as `time_decay` (the CLI spelling). */
export function parseModel(name: string): ModelName | undefined {
  const n = name.trim().toLowerCase().replace(HYPHENS, '_');
  const aliases: Record<string, ModelName> = { last_touch: 'last_click', first_click: 'first_touch', position_based: 'u_shaped' };
  const m = aliases[n] ?? n;
  return (MODELS as readonly string[]).includes(m) ? (m as ModelName) : undefined;
}

function spread(n: number, fixed: ReadonlyMap<number, number>): number[] {
  const rest = 1 - [...fixed.values()].reduce((a, b) => a + b, 0);
  const others = n - fixed.size;
  return Array.from({ length: n }, (_, i) => fixed.get(i) ?? rest / others);
}

function timeDecay(touches: readonly Touch[], conversionTime: number, halfLifeMs: number): number[] {
  const raw = touches.map((t) => 2 ** (-Math.max(0, conversionTime - t.time) / halfLifeMs));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

/** Lead touch for W-shaped: the first touch flagged lead strictly inside the journey, else the middle one. */
function leadIndex(touches: readonly Touch[]): number {
  const n = touches.length;
  const flagged = touches.findIndex((t, i) => t.lead === true && i > 0 && i < n - 1);
  return flagged >= 0 ? flagged : Math.floor((n - 1) / 2);
}

function wShaped(touches: readonly Touch[]): number[] {
  const n = touches.length;
  // With three touches the 10% has nowhere to go, so the three peaks share everything.
  if (n === 3) return [1 / 3, 1 / 3, 1 / 3];
  return spread(n, new Map([[0, 0.3], [leadIndex(touches), 0.3], [n - 1, 0.3]]));
}

/** Weights per touch (same order as `touches`, oldest first); [] for an empty journey. */
export function creditWeights(model: ModelName, touches: readonly Touch[], conversionTime: number, opts: ModelOptions): number[] {
  const n = touches.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  switch (model) {
    case 'last_click': return touches.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'first_touch': return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'linear': return touches.map(() => 1 / n);
    case 'time_decay': return timeDecay(touches, conversionTime, opts.halfLifeMs);
    case 'u_shaped': return n === 2 ? [0.5, 0.5] : spread(n, new Map([[0, 0.4], [n - 1, 0.4]]));
    case 'w_shaped': return n === 2 ? [0.5, 0.5] : wShaped(touches);
  }
}
