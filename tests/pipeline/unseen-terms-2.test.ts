import { describe, expect, it } from 'vitest';
import { termProbes, pageOn } from '../helpers/open-plan.js';

// H147 (H144's leftovers): ED beside a treatment, drug or pill word or under a men's-health area is the condition, a bare
// ED the emergency department; a renewal at the root in the languages a site's prefix names; the conditions biologics and
// direct-to-consumer dermatology advertise with their drugs, and hepatitis B's; Retin-A and Yasmin told from look-alikes.
// Every event goes to the open destination (no BAA, every field allowed).
const { blocked, sent, pathOut, props, titled, withheld, flows } = termProbes('t2');

describe('ED beside a treatment, drug or pill word is erectile dysfunction', () => {
  it.each([
    ['/men/ed-treatment-options', 'ed-treatment'], ['/shop/ed_pills', 'ed_pills'], ['/store/ed-meds-online', 'ed-meds'],
    ['/learn/ed-medications-compared', 'ed-medications'], ['/how-we-treat-ed', 'treat-ed'], ['/blog/best-pills-for-ed', 'pills-for-ed'],
    ['/mens-health/ed', '/ed'], ['/for-men/ed/get-started', '/ed/'], ['/menshealth/ed', '/ed'], ['/shop/ed', '/ed'],
    ['/learn/ed-drugs', 'ed-drugs'], ['/ed-therapy/shockwave', 'ed-therapy'], ['/learn/impotence', 'impotence'], ['/natural-ed-remedies', 'ed-remedies'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title, an event name and a property name it too', () => {
    expect(sent(titled('/about', 'ED Treatment Online | Example Health'))).not.toContain('ED Treatment');
    expect(sent(titled('/about', 'Treatment for ED | Example Health'))).not.toContain('for ED');
    expect(sent({ type: 'track', event: 'ED Pills Added', ...pageOn('/about') })).not.toContain('ED Pills');
    expect(props({ product: 'ED Rx starter', plan: 'monthly' })).not.toContain('ED Rx');
    expect(props({ product: 'ED Rx starter', plan: 'monthly' })).toContain('monthly');
  });

  it.each(['/ed/visit-the-ed', '/emergency/ed-wait-times', '/locations/main-campus/ed', '/services/ed', '/stories/treated-with-care',
    '/education/med-ed', '/academics/ed-remediation-plan', '/ed-curriculum', '/careers/ed-nurse-residency', '/about/ed-medical-director', '/shop/editions'])('%s, the emergency department or another word, keeps its path', flows);

  it('a title naming the emergency department keeps it', () => {
    expect(sent(titled('/ed', 'ED Wait Times | Example Health'))).toContain('ED Wait Times');
    expect(sent(titled('/emergency', 'Emergency Department (ED) | Example Health'))).toContain('Emergency Department (ED)');
  });
});

describe("a renewal at the site's root in another language", () => {
  it.each(['/es/renovar', '/es/renovar/paso-2', '/fr/renouveler', '/pt/renovar', '/pt-br/renovacao', '/de/erneuern', '/it/rinnovare', '/nl/verlengen', '/es/renovación'])(
    '%s is a prescription renewal, as /renew is: blocked', (path) => {
      expect(blocked(pageOn(path))).toBe(true);
    });

  it.each(['/es/renovar/licencia', '/fr/renouveler/permis', '/de/erneuern/parkausweis', '/it/rinnovare/donazione', '/es/renovar-su-casa'])(
    '%s, a renewal of something else, flows', flows);
});

describe('a condition biologics or dermatology advertise, or its drug', () => {
  it.each([
    ['/skin/psoriatic-arthritis', 'psoriatic'], ['/conditions-we-see/plaque-psoriasis', 'psoriasis'], ['/skin/eczema-flare', 'eczema'],
    ['/skin/contact-dermatitis', 'dermatitis'], ['/skin/rosacea-treatment', 'rosacea'], ['/skin/hidradenitis-suppurativa', 'hidradenitis'],
    ['/savings/dupixent-copay', 'dupixent'], ['/savings/humira-complete', 'humira'], ['/biologics/skyrizi-pen', 'skyrizi'], ['/otezla-30mg', 'otezla'],
    ['/sotyktu', 'sotyktu'], ['/biologics/tremfya-onepress', 'tremfya'], ['/biologics/taltz-autoinjector', 'taltz'], ['/biologics/cosentyx', 'cosentyx'],
    ['/biologics/stelara-biosimilar', 'stelara'], ['/biologics/adalimumab-atto', 'adalimumab'], ['/jak/rinvoq', 'rinvoq'],
    ['/liver/vemlidy-25mg', 'vemlidy'], ['/liver/entecavir-0-5', 'entecavir'], ['/liver/baraclude', 'baraclude'], ['/es/piel/eccema-atopico', 'eccema'],
    ['/fr/peau/eczéma', 'eczéma'], ['/de/haut/neurodermitis', 'neurodermitis'], ['/skin/retin-a-micro', 'retin-a'], ['/shop/retin_a-cream', 'retin_a'],
    ['/shop/yasmin-pill-pack', 'yasmin'], ['/shop/drospirenone-3mg', 'drospirenone'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title names them too', () => {
    expect(sent(titled('/about', 'Living with Psoriasis | Example Health'))).not.toContain('Psoriasis');
    expect(sent(titled('/about', 'Retin-A vs Retinol | Example Health'))).not.toContain('Retin-A');
  });

  it.each(['/services/retina-center', '/doctors/retinal-surgeon', '/doctors/yasmin-haddad', '/doctors/yasmin-pillai', '/shop/retinol-night-cream',
    '/about/stellar-care-awards'])('%s, a look-alike, keeps its path', flows);
});
