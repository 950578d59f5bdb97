import { describe, expect, it } from 'vitest';
import { termProbes, pageOn } from '../helpers/open-plan.js';

// H160: H153's specialty service lines (cancer and chemotherapy, dialysis, MS, Parkinson's, dementia, epilepsy, autism,
// hepatitis, bariatric surgery, transplants, palliative and hospice care) in the pack's other scripts and in Vietnamese
// with its marks; RA, UC, ASD, SMA and CF only beside a care word. Every event goes to the open destination (no BAA,
// every field allowed). Browsers send a path percent-encoded, and a title as written.
const { blocked, sent, pathOut, props, titled, flows } = termProbes('t4');

/** The page flows with its path withheld, in neither spelling: only its group leaves. */
function withheld(path: string, word: string): void {
  const encoded = encodeURI(path);
  expect(blocked(pageOn(encoded))).toBe(false);
  const out = pathOut(encoded);
  expect(out).not.toContain(word);
  expect(out).not.toContain(encodeURIComponent(word));
  expect(out).toContain('"page_group"');
}

/** The page flows with its path whole (as sent). */
const flowsEncoded = (path: string): void => flows(encodeURI(path));

describe('the service lines in other scripts', () => {
  it.each([
    ['/zh-cn/服务/化疗', '化疗'], ['/zh-tw/洗腎中心', '洗腎'], ['/zh/腹膜透析', '透析'], ['/zh/帕金森病', '帕金森'], ['/zh/老年痴呆', '痴呆'],
    ['/zh/癫痫门诊', '癫痫'], ['/zh-tw/自閉症', '自閉症'], ['/zh/孤独症儿童', '孤独症'], ['/zh/乙肝疫苗', '乙肝'], ['/zh/减重手术', '减重'],
    ['/zh/肾移植', '肾移植'], ['/zh-tw/安寧療護', '安寧'], ['/zh/白血病', '白血病'],
    ['/ja/乳がん', 'がん'], ['/ja/がん検診', 'がん'], ['/ja/人工透析', '透析'], ['/ja/パーキンソン病', 'パーキンソン'], ['/ja/認知症外来', '認知症'],
    ['/ja/小児てんかん', 'てんかん'], ['/ja/緩和ケア病棟', '緩和ケア'], ['/ja/腎移植', '腎移植'],
    ['/ko/폐암', '폐암'], ['/ko/신장투석', '투석'], ['/ko/치매-센터', '치매'], ['/ko/뇌전증', '뇌전증'], ['/ko/자폐-스펙트럼', '자폐'], ['/ko/간이식', '간이식'],
    ['/ko/호스피스-완화의료', '호스피스'],
    ['/ru/химиотерапия', 'химиотерап'], ['/ru/гемодиализ', 'диализ'], ['/ru/рассеянный-склероз', 'склероз'], ['/ru/эпилепсия-у-детей', 'эпилепс'],
    ['/ru/рак-молочной-железы', 'молочной'], ['/ru/лечение-рака', 'рака'], ['/ru/паллиативная-помощь', 'паллиатив'], ['/uk/діаліз', 'діаліз'],
    ['/ar/غسيل-الكلى', 'الكلى'], ['/ar/العلاج-الكيميائي', 'الكيميائي'], ['/ar/الزهايمر', 'الزهايمر'], ['/ar/طيف-التوحد', 'التوحد'],
    ['/ar/زراعة-الكبد', 'الكبد'], ['/hi/कीमोथेरेपी', 'कीमोथेरेपी'], ['/hi/डायलिसिस', 'डायलिसिस'], ['/hi/मिर्गी', 'मिर्गी'],
    ['/vi/hóa-trị', 'hóa-trị'], ['/vi/chạy-thận', 'chạy-thận'], ['/vi/ghep-than', 'ghep-than'], ['/vi/dong-kinh', 'dong-kinh'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title, an event name and a property name them too', () => {
    expect(sent(titled('/neuro', '多发性硬化症 | 北湾医院'))).not.toContain('多发性硬化');
    expect(sent(titled('/memory', 'Болезнь Альцгеймера | Клиника'))).not.toContain('Альцгеймер');
    expect(sent(titled('/peds', 'Tự kỷ ở trẻ em | Northbay'))).not.toContain('Tự kỷ');
    expect(sent({ type: 'track', event: '失智症講座報名', ...pageOn('/events') })).not.toContain('失智');
    expect(sent({ type: 'track', event: '완화의료 상담 신청', ...pageOn('/events') })).not.toContain('완화의료');
    expect(props({ topic: 'العلاج الكيميائي', form: 'contact' })).not.toContain('الكيميائي');
    expect(props({ topic: 'العلاج الكيميائي', form: 'contact' })).toContain('contact');
  });
});

describe('words sharing characters with those terms keep flowing', () => {
  it.each(['/zh/透明收费', '/zh/博客/老年人的孤独感', '/zh/游戏移植', '/ko/규제-완화-소식', '/ko/암호-재설정', '/ko/시간표',
    '/ru/пациентам/парковка', '/ru/брак-и-семья', '/ru/ракетки', '/ar/عن-المستشفى', '/vi/tải-ứng-dụng', '/vi/tu-ky-district'])(
    '%s names no condition: the path stays', flowsEncoded);

  it('a Japanese "ganbarou" is not cancer', () => {
    expect(sent(titled('/events', 'みんなでがんばろう！健康ウォーク'))).toContain('がんばろう');
    expect(props({ headline: 'がんばれ受験生', kind: 'banner' })).toContain('がんばれ');
  });
});

describe('RA, UC, ASD, SMA and CF beside a care word', () => {
  it.each([
    ['/rheumatology/ra-flare-tips', 'ra-flare'], ['/rheumatology/ra-treatment', 'ra-treatment'], ['/gi/uc-flare', 'uc-flare'],
    ['/gi/living-with-uc', 'with-uc'], ['/peds/asd-evaluation', 'asd-'], ['/neuro/sma-gene-therapy', 'sma-'], ['/neuro/sma-type-2', 'sma-'],
    ['/pulmonary/cf-clinic', 'cf-clinic'], ['/pulmonary/cf-care-center', 'cf-care'], ['/learn/treatment-for-ra', 'for-ra'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title or an event name names them too', () => {
    expect(sent(titled('/rheumatology', 'RA Treatment Options | Northbay'))).not.toContain('RA Treatment');
    expect(sent({ type: 'track', event: 'UC Flare Guide Downloaded', ...pageOn('/gi') })).not.toContain('UC Flare');
    expect(sent({ type: 'track', event: 'SMA Type II Guide Viewed', ...pageOn('/neuro') })).not.toContain('SMA Type II');
    expect(sent(titled('/pulmonary', 'CF Care Center | Northbay'))).not.toContain('CF Care');
  });

  it.each(['/news/uc-davis-partnership', '/news/uc-health-partnership', '/housing/ra-application', '/gift-shop/sma-connector-cables',
    '/gift-shop/cf-card-reader', '/de/arbeiten-als-pfleger', '/de/musik-als-therapie', '/careers/research-assistant-ra-positions'])(
    '%s names no condition: the path stays', flows);

  it('a university, a connector, a memory card and Cloudflare stay', () => {
    expect(sent(titled('/about', 'University of California (UC) Partnership'))).toContain('(UC) Partnership');
    expect(props({ item: 'SMA type connector, 50 ohm', kind: 'gift' })).toContain('SMA type connector');
    expect(props({ item: 'CF card 64GB', header: 'cf-ray' })).toContain('CF card 64GB');
  });
});

describe('a word of its own script is not read letter by letter as Latin', () => {
  it.each([['/ru/ракета-фестиваль'], ['/ru/новости/фестиваль-здоровья'], ['/uk/фестиваль']])('%s flows whole', (path) => flowsEncoded(path));

  it('a Latin word with look-alike letters is still read in Latin', () => {
    expect(blocked(pageOn('/\u0440atient-portal/messages'))).toBe(true);
    expect(blocked(pageOn('/\u0440\u043ert\u0430l/m\u0435ssages'))).toBe(true);
  });
});
