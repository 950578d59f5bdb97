import { describe, expect, it } from 'vitest';
import { termProbes, pageOn } from '../helpers/open-plan.js';

// H168 (terms audit 4's leftovers): ASD before its diagnosis, screening, intake or programme; terms written with their
// marks apart (NFD) in event names and properties; look-alikes that a term read inside another word (a car's T-shirt,
// Arabic sheep). Every event goes to the open destination (no BAA, every field allowed).
const { blocked, sent, props, withheld, flows } = termProbes('t5');
const track = (event: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn('/events') });

describe('ASD beside a care word in event names and properties', () => {
  it('an intake for autism therapy is an intake: the event goes nowhere', () => {
    expect(blocked(track('ASD Therapy Intake Started'))).toBe(true);
  });
  it('an evaluation, an assessment or a programme names the condition', () => {
    expect(props({ form_name: 'ASD Diagnostic Evaluation Request', form: 'contact' })).not.toContain('ASD Diagnostic');
    expect(props({ form_name: 'ASD Diagnostic Evaluation Request', form: 'contact' })).toContain('contact');
    expect(props({ label: 'Start ASD intake' })).not.toContain('ASD intake');
    expect(props({ program: 'Pediatric ASD Program' })).not.toContain('ASD Program');
    expect(sent(track('ASD Assessment Booked'))).not.toContain('ASD Assessment');
    expect(sent(track('ASD Screening Completed'))).not.toContain('ASD Screening');
  });
  it('ASD alone, or beside a word that is no care, flows', () => {
    expect(sent(track('ASD Parking Permit Requested'))).toContain('ASD Parking Permit Requested');
    expect(props({ label: 'ASD Login' })).toContain('ASD Login');
    expect(props({ lab: 'UC Diagnostic Laboratories' })).toContain('UC Diagnostic Laboratories');
  });
});

describe('a term written with its marks apart (NFD)', () => {
  const nfd = (s: string) => s.normalize('NFD');
  it('is withheld in an event name and a property as its composed spelling is', () => {
    expect(sent(track(nfd('Đăng ký chạy thận')))).not.toContain(nfd('chạy thận'));
    expect(sent(track(nfd('Đăng ký chạy thận')))).toContain('Health Content Interaction');
    expect(props({ service: nfd('Sa sút trí tuệ'), form: 'contact' })).not.toContain(nfd('trí tuệ'));
    expect(props({ topic: nfd('Hóa trị ung thư') })).not.toContain(nfd('Hóa trị'));
    expect(props({ condition: nfd('Eczéma atopique') })).not.toContain(nfd('Eczéma'));
    expect(sent(track('Đăng ký hóa trị'))).not.toContain('hóa trị');
  });
  it('in a path too, and a page naming nothing keeps its words', () => {
    withheld(encodeURI(nfd('/vi/chạy-thận')), 'y-tha');
    expect(props({ city: nfd('Hà Nội'), page: nfd('Liên hệ') })).toContain(nfd('Liên hệ'));
  });
});

describe('look-alikes a term read inside another word', () => {
  it("a car's T-shirt is no CAR-T", () => {
    flows('/gift-shop/race-car-t-shirt');
    expect(props({ product: 'Race Car T-Shirt (Kids)' })).toContain('Race Car T-Shirt');
    withheld('/services/car-t-cell-therapy', 'car-t');
    expect(props({ video_title: 'What is CAR-T?' })).not.toContain('CAR-T');
  });
  it('Arabic sheep are not dementia, dementia still is', () => {
    flows(encodeURI('/ar/وصفات-لحم-الخرفان'));
    expect(props({ dish: 'الخرفان المشوية' })).toContain('الخرفان');
    withheld(encodeURI('/ar/رعاية-الخرف'), encodeURIComponent('الخرف').toLowerCase());
    expect(props({ topic: 'مركز الخرف' })).not.toContain('الخرف');
    expect(props({ topic: 'الخرفان ومركز الخرف' })).not.toContain('مركز');
  });
});
