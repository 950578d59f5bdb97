import { polynomialProblemOf } from './regex-polynomial.js';
import { backtrackingProblemOf } from './regex-safety.js';
import { forgetShapes, shapeOf } from './regex-shape.js';
import { parseRegex, type ParsedRegex } from './regex-syntax.js';

// An operator's pattern is read once for the compiler's three analyses: the exponential check
// (regex-safety.ts), the polynomial one (regex-polynomial.ts) and the literal index's windows
// (literal-index.ts). Reading it once per analysis was a fifth of the rule set's compile time.

export interface PatternCheck {
  /** The parse, for the literal index (rememberWindows). */
  readonly parsed: ParsedRegex;
  /** Why it can take exponential time (backtrackingProblem's answer). */
  readonly exponential?: string;
  /** Why it can take polynomial time (polynomialProblem's); asked only when not exponential. */
  readonly polynomial?: string;
}

/** backtrackingProblem, then (when none) polynomialProblem, of `source`, from one parse. */
export function checkPattern(source: string, flags: string): PatternCheck {
  const parsed = parseRegex(source);
  try {
    const shape = shapeOf(parsed.tree, flags.includes('i'));
    const exponential = backtrackingProblemOf(shape, source);
    if (exponential !== undefined) return { parsed, exponential };
    return { parsed, polynomial: polynomialProblemOf(shape, source) };
  } finally { forgetShapes(); }
}
