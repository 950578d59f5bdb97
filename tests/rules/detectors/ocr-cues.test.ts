import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { personNameDetector, spokenDateDetector } from '../../../src/rules/detectors/index.js';
import { misreadLabel } from '../../../src/rules/detectors/ocr-label.js';
import { matches } from './helpers.js';

// Blind pass 25 (H109): name labels misread by OCR, names right before their person's identifier, names spelled
// out, and birth words that open a title. The walk must mark each new cue (prefilter soundness below).

describe('misread name labels', () => {
  it.each([
    ['Pat1ent: x', 'patient'], ['Narne: x', 'name'], ['P a t i e n t : x', 'patient'], ['Pateint name: x', 'patient name'],
    ['Surnarne: x', 'surname'], ['Iast name: x', 'last name'], ['n4me: x', 'name'], ['PLAN  Patlent: x', 'patient'],
  ])('reads %j as %j', (text, label) => {
    expect(misreadLabel(text, text.indexOf(':'))).toBe(label);
  });

  it('leaves clean labels to the cue tables, and labels that are no name label', () => {
    for (const text of ['Name: x', 'Patient name: x', 'Brand name: x', 'Patent: x', 'Username: x', 'Plan: x', 'Lane: x', 'Same: x', '12:30']) {
      expect(misreadLabel(text, text.indexOf(':'))).toBeUndefined();
    }
  });
});

describe('names before their identifier, spelled names', () => {
  it.each([
    ['Dr. Amelia Stonecroft, DOB 04/12/1961, asking', ['Amelia Stonecroft']],
    ['Vandermeer, Harriet (DOB 7/9/1955) refill', ['Vandermeer, Harriet']],
    ['note: Rufus Abernethy MRN 7734021', ['Rufus Abernethy']],
    ['Jane Okafor, my birthday is 2/14/88', ['Jane Okafor']],
    ['this is bertrand calloway spelled c a l l o w a y', ['bertrand calloway', 'c a l l o w a y']],
  ])('finds the name in %j', (text, names) => {
    expect(matches(personNameDetector, text).filter((n) => names.includes(n)).sort()).toEqual([...names].sort());
  });

  it('leaves a provider with no identifier of their own, and spelling words with nothing spelled', () => {
    for (const text of ['Dr. Helena Marsh, born in Ohio', 'Dr. Priya Natarajan, MD, call 617-555-0100', 'Northbay Health Plan, DOB 04/12/1961',
      'spelling bee on friday', 'Annual Report DOB 2020']) {
      expect(matches(personNameDetector, text)).toEqual([]);
    }
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['Pat1ent', 'Narne', 'P a t i e n t', 'name', ':', ' ', 'Jane', ' Okafor', ', ', '(', 'DOB', 'd o b', 'd-o-b', 'date of birth',
      'born', 'birthday is', 'my ', 'MRN', 'cell', 'mobile', ' 04/12/1961', ' 7734021', 'Dr. ', 'spelled', ' c a l l', 'o k', 'x', '\n'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 4000 });
  });
});

describe('spoken birth dates', () => {
  it('reads a birth word with its date, not a title that opens with one', () => {
    expect(matches(spokenDateDetector, 'yeah I was born may first nineteen sixty two')).toEqual(['may first']);
    expect(matches(spokenDateDetector, 'd o b is june twelfth sixty one')).toEqual(['june twelfth']);
    expect(matches(spokenDateDetector, 'born to run sale starts may first')).toEqual([]);
    expect(matches(spokenDateDetector, 'Born in the USA tribute night june fourth')).toEqual([]);
  });

  it('lets through the prefilter every text the detector would redact', () => {
    const parts = ['born', 'd o b', 'd-o-b', ' is ', ' to run ', 'may first', 'june twelfth', 'I was ', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000 });
  });
});
