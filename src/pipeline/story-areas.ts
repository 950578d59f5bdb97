// The areas of stories and postings (news, blog, press, articles, stories, careers) in the languages of a hospital's translated pages. The pack
// reads those areas apart (`(?<!^/(news|blog|careers|...)/.*)`: a story about the new patient portal is no visit to it)
// and names them in English; a translated site's `/es/noticias/nuevo-portal-del-paciente` or `/vi/tuyen-dung/...` is
// the same page of the same area, so its path is read under the English name (H131). Words that also name a
// visitor's own area are left out (German `nachrichten` and Polish `wiadomosci` are messages too, `消息` a message).
const AREAS: Readonly<Record<string, readonly string[]>> = {
  news: ['noticias', 'noticia', 'novedades', 'actualidad', 'sala-de-prensa', 'nouvelles', 'actualites', 'actualite', 'aktuelles',
    'neuigkeiten', 'pressemitteilungen', 'notizie', 'novita', 'nieuws', 'actueel', 'aktualnosci', 'aktuality', 'novinky', 'hirek',
    'stiri', 'noutati', 'novosti', 'novyny', 'новости', 'новини', 'tin-tuc', 'tin-tuc-su-kien', 'balita', 'mga-balita', 'nouvel',
    'nouvèl', 'wararka', '新闻', '新聞', '最新消息', 'ニュース', 'お知らせ', '뉴스', '소식', 'أخبار', 'الأخبار', 'اخبار',
    'समाचार', 'خبریں', 'haberler', 'berita', 'uutiset', 'nyheter', 'nyheder', 'noticias-y-eventos', 'noticias-e-eventos'],
  blog: ['blogue', 'bloga', 'blogi', '博客', '블로그', 'ブログ', 'مدونة'],
  // H168: press rooms and articles in the pack's Latin-script languages, as the English `/press/…` and `/articles/…`
  // (a story about the inbox is no visit to it). Spanish `historias` is left out: `historias clínicas` are records.
  press: ['prensa', 'presse', 'imprensa', 'sala-de-imprensa', 'stampa', 'area-stampa', 'perskamer'],
  'press-releases': ['comunicados-de-prensa', 'notas-de-prensa', 'communiques-de-presse', 'communiques', 'comunicati-stampa',
    'comunicados-de-imprensa', 'persberichten'],
  articles: ['articulos', 'artigos', 'artikel', 'articoli', 'artikelen'],
  stories: ['histoires', 'geschichten', 'storie', 'verhalen', 'relatos'],
  careers: ['empleos', 'empleo', 'carreras', 'trabajos', 'trabaja-con-nosotros', 'bolsa-de-trabajo', 'vacantes', 'emplois',
    'carrieres', 'karriere', 'stellenangebote', 'lavora-con-noi', 'carriere', 'vacatures', 'werken-bij', 'kariera', 'oferty-pracy',
    'volna-mista', 'vakansii', 'вакансии', 'вакансії', 'tuyen-dung', 'viec-lam', 'mga-trabaho', 'trabaho', 'karera', 'travay',
    'shaqooyin', 'shaqo', '招聘', '人才招聘', '採用情報', '採用', '채용', '인재채용', 'وظائف', 'الوظائف', 'استخدام', 'नौकरियां',
    'ملازمتیں', 'kariyer', 'karir', 'lowongan', 'carreiras', 'trabalhe-conosco', 'vagas'],
};
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(AREAS).flatMap(([area, words]) => words.map((w) => [w.normalize('NFKC'), area])));

/** A canonical path whose first segment is a story or posting area in another language, read under the English name; else undefined. */
export function englishStoryPath(path: string): string | undefined {
  const end = path.indexOf('/', 1);
  const area = ALIASES.get(path.slice(1, end < 0 ? undefined : end));
  return area === undefined ? undefined : `/${area}${end < 0 ? '' : path.slice(end)}`;
}

// The English areas the pack reads apart, and the deepest section a site nests them under (`/about/news/…`,
// `/en/about-us/newsroom/…`, a CMS tree's `/content/<site>/us/en/news/…`).
// Also title-verdicts.ts STORY_AREA's list (a title on such a page is read as the area's page).
export const STORY_AREA_NAMES = ['news', 'newsroom', 'blog', 'blogs', 'press-releases', 'articles', 'stories', 'careers', 'jobs'] as const;
const ENGLISH_AREAS: ReadonlySet<string> = new Set(STORY_AREA_NAMES);
const MAX_SECTION_DEPTH = 5;

/**
 * A story or posting nested below a section (`/about/news/mychart-upgrade` → `{ section: '/about', story: '/news/mychart-upgrade' }`):
 * the first story area within MAX_SECTION_DEPTH segments with a page under it; undefined when the path starts with one or has none.
 */
export function nestedStory(path: string): { readonly section: string; readonly story: string } | undefined {
  let at = path.indexOf('/', 1);
  for (let depth = 1; at > 0 && depth <= MAX_SECTION_DEPTH; depth++) {
    const end = path.indexOf('/', at + 1);
    if (end < 0 || end === path.length - 1) return undefined;
    const seg = path.slice(at + 1, end);
    const area = ENGLISH_AREAS.has(seg) ? seg : ALIASES.get(seg);
    if (area !== undefined) return { section: path.slice(0, at), story: `/${area}${path.slice(end)}` };
    at = end;
  }
  return undefined;
}
