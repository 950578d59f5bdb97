import { normalizeFieldName } from '../rules/field-name.js';

// Site search in a language whose word for it also names a research section (blind pass 30): French `recherche`,
// Italian `ricerca`, Portuguese `pesquisa`, Dutch `onderzoek` are a hospital's research pages as often as its
// search box, so the pack cannot block the path (`/fr/recherche/essais-cliniques` is public). With a search
// parameter in its query (`/fr/recherche?q=depression`, `?keys=`, `?texte=`) the page is the search results
// page, read as `/search` like `?s=` anywhere. Compile-time tables; this runs once per URL (routesOf remembers).
// A trial finder's landing page is public too (`/clinical-trials`, `/research/trial-finder`); with a search or a
// condition in its query (`/clinical-trials?condition=lupus`, `?cond=parkinsons`) it is the visitor's own search (H175).

/** A path whose last segment is one of those words (after any locale folder), with or without a trailing slash. */
const RESEARCH_OR_SEARCH_PAGE = /\/(recherche|ricerca|pesquisa|onderzoek|clinical-?trials?|trials|trial-?finder|study-?finder|find-a-(clinical-)?(trial|study)|ensayos-clinicos)\/?$/i;

/** Normalized parameter names that carry the words typed into a search box. */
const SEARCH_TEXT_PARAMS: ReadonlySet<string> = new Set([
  'q', 'query', 'search', 'searchterm', 'searchtext', 'keys', 'keyword', 'keywords', 'k', 'term', 'terms', 'text', 'texte', 'testo',
  'texto', 'termo', 'motcle', 'motscles', 'parola', 'parole', 'zoekterm', 'recherche', 'ricerca', 'pesquisa', 'busca',
  'condition', 'conditions', 'cond', 'disease', 'diseases', 'condicion',
]);

// A calculator's page is public (`/bmi-calculator`); with the visitor's measure or its result in its query
// (`/bmi-calculator?bmi=31.2&category=obese`, `/due-date-calculator?lmp=2026-03-02`) it is the result page, as
// `/bmi-calculator/result` is (H183: a calculator's result is one's own health data).
const CALCULATOR_PAGE = /(^|[/-])(calculators?|calculadoras?|calculateurs?|calculatrices?|rechner|calc|estimators?|predictors?)(-[^/]*)?\/?$|\/calculators?\/[^/]+\/?$/i;

/** Normalized parameter names that carry a visitor's own measure or a calculator's result. */
const MEASURE_PARAMS: ReadonlySet<string> = new Set([
  'bmi', 'result', 'results', 'score', 'category', 'weight', 'height', 'lmp', 'edd', 'due', 'duedate', 'a1c', 'hba1c', 'glucose',
  'cycle', 'cyclelength', 'ovulation', 'gestationalage', 'value', 'risk', 'egfr', 'gfr', 'bodyfat', 'waist', 'peso', 'altura', 'imc', 'poids', 'taille',
]);

/**
 * Pushes `/search` or `/calculator/result` when `path`, url[0, q)'s path (route-values.ts pathBefore), is such a page
 * and its query, url(q, end), has such a parameter with a value.
 */
export function queryPageReadings(path: string, url: string, q: number, end: number, out: string[]): void {
  if (RESEARCH_OR_SEARCH_PAGE.test(path)) { if (hasParam(url, q, end, SEARCH_TEXT_PARAMS)) out.push('/search'); return; }
  if (CALCULATOR_PAGE.test(path) && hasParam(url, q, end, MEASURE_PARAMS)) out.push('/calculator/result');
}

function hasParam(url: string, q: number, end: number, names: ReadonlySet<string>): boolean {
  for (let from = q + 1; from < end;) {
    let amp = url.indexOf('&', from);
    if (amp < 0 || amp > end) amp = end;
    const eq = url.indexOf('=', from);
    if (eq > from && eq < amp - 1 && names.has(normalizeFieldName(url.slice(from, eq)))) return true;
    from = amp + 1;
  }
  return false;
}
