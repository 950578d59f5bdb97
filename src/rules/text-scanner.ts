import { DETECTORS_BY_KIND, hasAny, redactText, type Generalize } from './detectors/index.js';
import { DetectorPrefilter, NON_ASCII, textFeatures, type TextFeatures } from './detectors/prefilter.js';
import type { ValueDetector } from './detectors/types.js';
import { encodedNameDetector, mayEncodeName } from './detectors/encoded-name.js';
import { zip3 } from './ops/generalize.js';
import type { TextScanner } from './ops/sanitize-url.js';
import { folded, formDecoded } from './form-decoded.js';
import { inlineUnwrapped } from './markup-text.js';

// The plan's text scanner: the detectors read each text as written, decoded (form-decoded.ts), folded
// (compatibility forms) and as its markup shows (markup-text.ts); each reading's finds are what goes.

// A link the decoded reading cut short: at a space, or where a parameter's decoded JSON begins
// (`?state={"user":{"name":"Jane Doe"}}`, which the raw reading took whole).
const URL_CUT = '[URL]';
const PLACEHOLDER_OR_ESCAPE = /\[[A-Z_0-9]+\]|%[0-9A-Fa-f]{2}/g;
const WORD_CHARS = /[A-Za-z0-9]/g;
/** Letters and digits a redaction left standing (placeholders and `%XX` escapes aside). */
function standing(text: string): number {
  return text.replace(PLACEHOLDER_OR_ESCAPE, ' ').match(WORD_CHARS)?.length ?? 0;
}

type Scan = (text: string, site: string, f?: TextFeatures) => { text: string; kinds: string[] };

/**
 * Encoded text is also read decoded; when the decoded reading holds identifiers, it is the
 * reading redacted and forwarded (see form-decoded.ts).
 */
function decodedFirst(scan: Scan, text: string, site: string, f: TextFeatures): { text: string; kinds: string[] } {
  const raw = scan(text, site, f);
  const decoded = formDecoded(text);
  if (decoded === undefined) return raw;
  const read = scan(decoded, site);
  if (read.kinds.length === 0) return raw;
  // A link whose query or path decodes to spaces (`?origin=1420+NW+Lovejoy+St`) is cut at the
  // first space in the decoded reading, leaving the street behind: when the raw reading took a
  // link and left less of the text standing, its text is the tighter one (with both readings' kinds).
  if (read.text.indexOf(URL_CUT) < 0 || !raw.kinds.includes('url') || standing(raw.text) >= standing(read.text)) return read;
  return { text: raw.text, kinds: read.kinds.every((k) => raw.kinds.includes(k)) ? raw.kinds : [...new Set([...raw.kinds, ...read.kinds])] };
}

/** The detectors reading a text as written, decoded and folded. */
function plainScanner(detectors: readonly ValueDetector[], zip3Restricted: ReadonlySet<string>): TextScanner {
  const prefilter = new DetectorPrefilter(detectors, DETECTORS_BY_KIND);
  const none = (text: string) => ({ text, kinds: [] as string[] });
  // A whole-value ZIP keeps its ZIP-3 under the plan's restricted list, as the zip3 action does.
  const generalize: Generalize = (kind, match) => (kind === 'zip' ? zip3(match, zip3Restricted) : undefined);
  // `site`: the event's site domain, whose own code URLs are kept (detectors/url.ts); '' outside a projection.
  // A name spelled whole in references (detectors/encoded-name.ts) is read where names are, by its own gate.
  const names = detectors.some((d) => d.kind === 'person_name');
  const candidatesOf = (text: string, f: TextFeatures): readonly ValueDetector[] =>
    (names && mayEncodeName(text) ? [...prefilter.candidatesFor(f), encodedNameDetector] : prefilter.candidatesFor(f));
  const scan = (text: string, site: string, f = textFeatures(text)) => {
    const candidates = candidatesOf(text, f);
    return candidates.length === 0 ? none(text) : redactText(text, candidates, generalize, site);
  };
  const hits = (text: string, site: string, f = textFeatures(text)) => hasAny(text, candidatesOf(text, f), site);
  // Text with non-ASCII characters (the prefilter's walk says which) is then read with
  // compatibility forms folded (fullwidth `＠１２３` is `@123` downstream). Folding the
  // already redacted text keeps what was found: folding can glue an id to a fullwidth word next
  // to it (`MK73ｐａｔｉｅｎｔ`), hiding it from a second look.
  const hitsIn = (text: string, site: string): boolean => {
    const f = textFeatures(text);
    if (hits(text, site, f)) return true;
    const decoded = formDecoded(text);
    if (decoded !== undefined && hits(decoded, site)) return true;
    const fold = (f.flags & NON_ASCII) === 0 ? undefined : folded(decoded ?? text);
    return fold !== undefined && hits(fold, site);
  };
  const redactIn = (text: string, site: string) => {
    const f = textFeatures(text);
    const first = decodedFirst(scan, text, site, f);
    if ((f.flags & NON_ASCII) === 0) return first;
    const fold = folded(first.text);
    if (fold === undefined) return first;
    const more = scan(fold, site);
    if (more.kinds.length === 0) return first;
    return { text: more.text, kinds: first.kinds.length === 0 ? more.kinds : [...new Set([...first.kinds, ...more.kinds])] };
  };
  return { hits: (text, site = '') => hitsIn(text, site), redact: (text, site = '') => redactIn(text, site) };
}

/** The plan's scanner: markup whose formatting tags split an identifier (markup-text.ts) is also read without them, and then sent so. */
export function buildScanner(detectors: readonly ValueDetector[], zip3Restricted: ReadonlySet<string>): TextScanner {
  const plain = plainScanner(detectors, zip3Restricted);
  return {
    hits: (text, site = '') => {
      const shown = inlineUnwrapped(text);
      return plain.hits(shown ?? text, site) || (shown !== undefined && plain.hits(text, site));
    },
    redact: (text, site = '') => {
      const raw = plain.redact(text, site);
      const shown = inlineUnwrapped(text);
      const read = shown === undefined ? undefined : plain.redact(shown, site);
      if (read === undefined || read.kinds.length === 0) return raw;
      // The markup stays when its own reading already left no more standing than the shown text's.
      if (raw.kinds.length > 0 && standing(inlineUnwrapped(raw.text) ?? raw.text) <= standing(read.text)) return raw;
      return { text: read.text, kinds: raw.kinds.length === 0 ? read.kinds : [...new Set([...raw.kinds, ...read.kinds])] };
    },
  };
}
