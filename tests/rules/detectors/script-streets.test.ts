import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText, streetAddressDetector } from '../../../src/rules/detectors/index.js';
import { buildScanner } from '../../../src/rules/text-scanner.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { matches } from './helpers.js';

// Street addresses typed in Japanese, Korean, Russian or Ukrainian went out whole (`住所: 東京都新宿区西新宿2-8-1`), while a
// Chinese street with its `号` already went (access-streets.ts).

describe('street addresses in Japanese, Korean and Cyrillic', () => {
  it.each([
    ['住所: 東京都新宿区西新宿2-8-1', '東京都新宿区西新宿2-8-1'],
    ['私の住所は東京都新宿区西新宿2丁目8番1号です', '東京都新宿区西新宿2丁目8番1号'],
    ['大阪市北区梅田3丁目1番3号', '大阪市北区梅田3丁目1番3号'],
    ['横浜市中区山下町8番地', '横浜市中区山下町8番地'],
    ['서울특별시 강남구 테헤란로 152', '서울특별시 강남구 테헤란로 152'],
    ['경기도 성남시 분당구 판교역로 235 에 살아요', '경기도 성남시 분당구 판교역로 235'],
    ['강남구 역삼동 123-45', '강남구 역삼동 123-45'],
    ['Мой адрес: ул. Ленина, д. 5, кв. 12, Москва', 'ул. Ленина, д. 5, кв. 12'],
    ['вул. Хрещатик, буд. 22', 'вул. Хрещатик, буд. 22'],
    ['проспект Мира д. 10 корп. 2', 'проспект Мира д. 10 корп. 2'],
  ])('finds the address in %s', (text, address) => {
    expect(matches(streetAddressDetector, text)).toEqual([address]);
  });

  it('reads fullwidth digits and dashes as the plan scanner folds them', () => {
    const scanner = buildScanner(ALL_DETECTORS, new Set());
    for (const text of ['住所：東京都新宿区西新宿２－８－１', '住所：東京都新宿区西新宿２丁目８番１号', '강남구 테헤란로 １５２']) expect(scanner.redact(text, '').text).toMatch(/^(?:住所:)?\[ADDRESS\]$/);
    expect(redactText('ул. Ленина, д. 5', ALL_DETECTORS).text).toBe('[ADDRESS]');
  });

  it('keeps dates, spans and prose of the same scripts', () => {
    for (const text of ['2-3月の市民講座', '横浜市民講座は2-3月', '新宿区で2020年3月', 'ул. Ленина была закрыта 5 дней', '강남구 주민 30명 참석', '第2-3回 区民セミナー']) {
      expect(matches(streetAddressDetector, text)).toEqual([]);
    }
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['東京都', '新宿区', '西新宿', '2', '-8', '丁目', '番', '号', '강남구', ' ', '테헤란로', '152', '-45', '역삼동', 'ул. ', 'Ленина', ', ', 'д. ', '5', 'кв. ', '月'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000 });
  });
});
