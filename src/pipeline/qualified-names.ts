// An app's screen class named with its package or module (`com.northbay.app.ui.results.LabResultDetailActivity`,
// `NorthbayHealth.ResultViewController`): the class names the screen, and an Android or Java package's segments after
// its reverse domain and app name the screen's area the way a web path's first segment does (`ui.coverage.MemberCardActivity`
// is the coverage area's member card, `features.labs.detail.DetailActivity` the labs' detail). Segments every app has
// (`ui`, `feature`, `presentation`, `screens`…) name no area.

// A qualifier (lower-case package segments, or a capitalised Swift or .NET module) before a class with a capital.
const QUALIFIED = /^((?:[A-Za-z_][A-Za-z0-9_]{0,40}\.){1,12})([A-Z][A-Za-z0-9_]{2,80})$/;
// A package's segments are lower case (Java's convention); a module's name opens with a capital and names the app.
const PACKAGE_SEGMENT = /^[a-z][a-z0-9_]*$/;
const CAMEL_TURN = /[a-z0-9][A-Z]/;
const GENERIC = new Set(['app', 'apps', 'android', 'ios', 'mobile', 'ui', 'feature', 'features', 'presentation', 'screen', 'screens', 'view', 'views',
  'activity', 'activities', 'fragment', 'fragments', 'main', 'impl', 'internal', 'module', 'modules', 'scene', 'scenes', 'compose', 'core', 'common',
  'base', 'controller', 'controllers', 'page', 'pages', 'flow', 'flows', 'navigation', 'nav', 'viewmodel', 'kotlin', 'java', 'src', 'shared']);
// At most this many areas are read (a deep package says its area in its first few segments after the app).
const MAX_AREAS = 4;
const UNDERSCORES = /_/g;

export interface QualifiedName {
  /** The class (`LabResultDetailActivity`). */
  readonly cls: string;
  /** The package's segments that name an area, as path segments (`results`; `_` read as `-`). */
  readonly areas: readonly string[];
}

/** The class and areas a qualified class name names, or undefined when `name` is not one. */
export function qualifiedName(name: string): QualifiedName | undefined {
  if (name.indexOf('.') < 0) return undefined;
  const m = QUALIFIED.exec(name);
  if (m === null) return undefined;
  const segments = (m[1] as string).slice(0, -1).split('.');
  const cls = m[2] as string;
  // `Results.Detail` is a router's dotted state, not a module's class: a class's words turn at a capital, or a package says it.
  if (!CAMEL_TURN.test(cls) && (segments.length < 3 || !PACKAGE_SEGMENT.test(segments[0] as string))) return undefined;
  const areas: string[] = [];
  // The first three segments of a package are its reverse domain and the app (`com.northbay.app`, `org.nbh.patient`); a
  // module alone names the app.
  for (let i = 3; i < segments.length && areas.length < MAX_AREAS; i++) {
    const s = segments[i] as string;
    if (PACKAGE_SEGMENT.test(s) && !GENERIC.has(s) && s.length > 1) areas.push(s.replace(UNDERSCORES, '-'));
  }
  return { cls, areas };
}
