// "Did you mean" for a mistyped key, enum value, file or detector name: the closest candidate by
// edit distance (a swapped pair of letters counts once), when it is close enough to be the intent.

/** ` (did you mean "x"?)` for the nearest candidate, or '' when none is near. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = nearest(input, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  // Short words allow one edit, longer ones two: `ad` -> `ads`, `max_atempts` -> `max_attempts`, not `foo` -> `for`... unless one edit.
  const limit = needle.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === input) continue;
    const d = distance(needle, c.toLowerCase());
    if (d < bestDistance && d < needle.length) { best = c; bestDistance = d; }
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { row.push(j); continue; }
      const prev = rows[i - 1];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
