import { describe, expect, it } from 'vitest';
import { ageOver89Detector } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { matches } from './helpers.js';

// An age over 89 before a Japanese unit went only at the text's end (`93歳です` stayed: the unit needed a boundary after it,
// and Japanese runs on), and the Chinese, Korean and Vietnamese units were not read at all.

describe('ages over 89 before a CJK or Vietnamese unit', () => {
  it.each([['93歳です', '93'], ['母は93岁了', '93'], ['我妈妈今年93岁', '93'], ['93歲', '93'], ['93세 어머니', '93'], ['93살이에요', '93'],
    ['sinh năm 1961, 93 tuổi', '93'], ['104세', '104']])('finds the age in %s', (text, age) => {
    expect(matches(ageOver89Detector, text)).toEqual([age]);
  });

  it('keeps households, the world, counts and younger ages', () => {
    for (const text of ['아파트 90세대', '90세계', '第90回', '90年代', '价格93元', '45歳です', '89세']) expect(matches(ageOver89Detector, text)).toEqual([]);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    expectPrefilterSound(['9', '3', '1', '0', '歳', '岁', '歲', '세', '살', '대', ' tuổi', ' ', 'です', '母は'], { maxLength: 6, numRuns: 3000 });
  });
});
