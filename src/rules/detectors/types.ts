// A value detector finds validated identifiers inside a string (free text, URL parts,
// field values). Detectors are built once at module load: no RegExp is constructed per call.

/** A validated match: [start, end) offsets into the scanned text. */
export interface Detection {
  start: number;
  end: number;
  kind: string;
  /** The match may be generalised rather than replaced by the label (a whole-value ZIP kept as
   * its ZIP-3 prefix); redactText applies it when its caller says how. */
  generalize?: true;
}

export interface ValueDetector {
  /** Stable id used in YAML (`detectors: [email, phone, ...]`) and in counters. */
  readonly kind: string;
  /** Replacement token for `redact`, e.g. `[EMAIL]`. */
  readonly label: string;
  /** Which Safe Harbor identifier(s) this covers, e.g. 'F' for email (documentation, explain). */
  readonly safeHarbor: string;
  /**
   * Appends every validated occurrence in `text` to `out`. Must be pure, must not throw on
   * any input, must not build a RegExp per call (use module-level regexes; reset lastIndex).
   * `site`: the event's site domain, whose own code URLs the url detector keeps (detectors/url.ts
   * codeSiteOf); '' or absent outside an event's projection. Other detectors ignore it.
   */
  find(text: string, out: Detection[], site?: string): void;
}
