import { describe, expect, it } from 'vitest';
import { personNameDetector } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { matches } from './helpers.js';

// A Thai name after `my name is` or a name label went out whole (no Thai cue was read), and a Vietnamese name whose given
// name spells an English stop word after the middle name (`Nguyễn Văn An`) lost only its family name.

describe('Thai names after their cues', () => {
  it.each([
    ['ชื่อ: สมชาย ใจดี', 'สมชาย ใจดี'],
    ['ผมชื่อสมชาย ใจดี ครับ อยากนัดหมอ', 'สมชาย ใจดี'],
    ['ชื่อ-นามสกุล: สมหญิง รักดี', 'สมหญิง รักดี'],
    ['ชื่อผู้ป่วย: สมชาย ใจดี เบอร์ 081-234-5678', 'สมชาย ใจดี'],
    ['ฉันชื่อ มาลี ศรีสุข ค่ะ', 'มาลี ศรีสุข'],
  ])('finds the name in %s', (text, name) => {
    expect(matches(personNameDetector, text)).toEqual([name]);
  });

  it('keeps words that only contain the word for name', () => {
    for (const text of ['บริการชื่อดัง', 'ชื่อโรงพยาบาล', 'ตั้งชื่อลูก']) expect(matches(personNameDetector, text)).toEqual([]);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    expectPrefilterSound(['ชื่อ:', 'ผมชื่อ', 'ชื่อ', ' ', 'สมชาย', 'ใจดี', 'ครับ', ':', 'ดัง'], { maxLength: 6, numRuns: 2000 });
  });
});

describe('a Vietnamese given name that is also an English word', () => {
  it.each([
    ['Tên: Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Họ và tên: Lê Thị An, sinh năm 1961', 'Lê Thị An'],
    ['this is Nguyễn Văn An calling', 'Nguyễn Văn An'],
  ])('keeps the whole name in %s', (text, name) => {
    expect(matches(personNameDetector, text)).toContain(name);
  });
});
