import { describe, expect, it } from 'vitest';
import { termProbes, OPEN_SITE, pageOn } from '../helpers/open-plan.js';

// H153: the sensitive terms audited as a class against hospital specialty service lines (oncology, neurology,
// autoimmune and GI, nephrology, hematology, bariatric surgery, genetic conditions, pediatric developmental care,
// palliative care) and their drugs and procedures, by the pack's policy (a condition or a prescription treatment).
// Every event goes to the open destination (no BAA, every field allowed).
const { blocked, sent, pathOut, props, titled, withheld, flows } = termProbes('t3');

describe('oncology: cancer types, immunotherapy, radiotherapy and cancer drugs', () => {
  it.each([
    ['/infusion-center/keytruda', 'keytruda'], ['/learn/opdivo-side-effects', 'opdivo'], ['/care/cancer-immunotherapy', 'immunotherapy'],
    ['/learn/squamous-cell-carcinoma', 'carcinoma'], ['/care/soft-tissue-sarcoma', 'sarcoma'], ['/blood/multiple-myeloma-care', 'myeloma'],
    ['/neuro/glioblastoma-trials', 'glioblastoma'], ['/learn/metastatic-disease', 'metastatic'], ['/care/stereotactic-radiosurgery', 'radiosurgery'],
    ['/care/car-t-cell-therapy', 'car-t'], ['/learn/tagrisso', 'tagrisso'], ['/learn/ibrance-palbociclib', 'ibrance'],
    ['/care/radiotherapy-options', 'radiotherapy'], ['/es/quimioterapia-ambulatoria', 'quimioterapia'], ['/fr/chimiotherapie', 'chimiotherapie'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title, an event name and a property name them too', () => {
    expect(sent(titled('/care/infusion', 'Nivolumab Infusion Schedule | Example Health'))).not.toContain('Nivolumab');
    expect(sent({ type: 'track', event: 'Herceptin Guide Downloaded', ...pageOn('/about') })).not.toContain('Herceptin');
    expect(props({ interest: 'Proton therapy consult', plan: 'standard' })).not.toContain('Proton therapy');
    expect(props({ interest: 'Proton therapy consult', plan: 'standard' })).toContain('standard');
  });
});

describe('neurology: MS beside a care word, its DMTs, Parkinson’s, Alzheimer’s, epilepsy and ALS drugs', () => {
  it.each([
    ['/neuro/relapsing-ms', 'relapsing-ms'], ['/learn/ms-treatment-options', 'ms-treatment'], ['/neuro/ms-clinic', 'ms-clinic'],
    ['/infusion/ocrevus', 'ocrevus'], ['/learn/kesimpta-pen', 'kesimpta'], ['/learn/carbidopa-levodopa', 'carbidopa'],
    ['/memory/leqembi', 'leqembi'], ['/learn/donepezil', 'donepezil'], ['/neuro/epileptic-seizures', 'epileptic'],
    ['/learn/keppra', 'keppra'], ['/learn/lamotrigine-rash', 'lamotrigine'], ['/neuro/amyotrophic-lateral-sclerosis', 'amyotrophic'],
    ['/neuro/als-clinic', 'als-clinic'], ['/es/esclerosis-multiple', 'esclerosis'], ['/de/multiple-sklerose', 'sklerose'], ['/de/demenz', 'demenz'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a title names them too', () => {
    expect(sent(titled('/neuro', 'Living with MS: Tysabri and Kesimpta'))).not.toContain('Tysabri');
    expect(sent({ type: 'track', event: 'Kisunla Info Viewed', ...pageOn('/about') })).not.toContain('Kisunla');
  });
});

describe('autoimmune and GI, nephrology, hematology, bariatric, genetic, developmental and palliative care', () => {
  it.each([
    ['/rheum/rheumatoid-arthritis', 'rheumatoid'], ['/gi/ulcerative-colitis', 'ulcerative'], ['/infusion/entyvio', 'entyvio'],
    ['/learn/infliximab-biosimilar', 'infliximab'], ['/learn/methotrexate-injections', 'methotrexate'],
    ['/kidney/hemodialysis', 'hemodialysis'], ['/kidney/home-dialysis', 'dialysis'], ['/kidney/chronic-kidney-disease', 'chronic-kidney'],
    ['/transplant/tacrolimus-levels', 'tacrolimus'], ['/blood/hemophilia-a', 'hemophilia'], ['/gene-therapy/casgevy', 'casgevy'],
    ['/weight/gastric-sleeve', 'gastric-sleeve'], ['/surgery/sleeve-gastrectomy', 'gastrectomy'], ['/surgery/gastric-bypass', 'bypass'],
    ['/learn/trikafta', 'trikafta'], ['/genetics/down-syndrome-clinic', 'down-syndrome'], ['/genetics/spinal-muscular-atrophy', 'spinal-muscular'],
    ['/kids/autistic-teens', 'autistic'], ['/kids/aba-therapy', 'aba-therapy'], ['/kids/applied-behavior-analysis', 'applied-behavior'],
    ['/es/cuidados-paliativos', 'paliativos'], ['/de/palliativmedizin', 'palliativ'], ['/fr/dialyse', 'dialyse'], ['/es/dialisis', 'dialisis'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it('a property or a campaign names them too', () => {
    expect(props({ topic: 'Benlysta for lupus nephritis', form: 'contact' })).not.toContain('Benlysta');
    const page = { path: '/about', url: `${OPEN_SITE}/about` };
    expect(sent({ type: 'track', event: 'Clicked', context: { page, campaign: { name: 'xeljanz-fall', source: 'google' } } })).not.toContain('xeljanz');
    expect(sent({ type: 'track', event: 'Clicked', context: { page, campaign: { name: 'xeljanz-fall', source: 'google' } } })).toContain('google');
  });
});

describe('drug classes of conditions the list names: diabetes, asthma and COPD, mood stabilisers', () => {
  it.each([
    ['/learn/trulicity-vs-ozempic', 'trulicity'], ['/pharmacy/jardiance-savings', 'jardiance'], ['/learn/dexcom-g7', 'dexcom'],
    ['/learn/freestyle-libre-3', 'libre'], ['/learn/albuterol-inhaler', 'albuterol'], ['/learn/symbicort', 'symbicort'],
    ['/learn/divalproex', 'divalproex'],
  ])('%s is a sensitive page: the path stays home', withheld);

  it.each(['/shop/freestyle-swim-class', '/about/proairtable-vendor', '/shop/flonase-allergy-spray'])('%s names no condition: the path stays', flows);
});

describe('look-alikes keep flowing', () => {
  it.each(['/cafeteria/menu/crab-cakes', '/careers/ms-in-nursing', '/about/ms-office-hours', '/de/karriere/arbeiten-als-pflegekraft',
    '/de/patienten/rechte-als-patient', '/news/uc-davis-partnership', '/careers/ra-housing-jobs', '/giving/wire-transfer-aba-routing',
    '/locations/alabama', '/gift-shop/long-sleeve-tee', '/locations/huntington-beach', '/careers/chemistry-technologist',
    '/shop/cart', '/shop/cart/checkout-fees', '/about/exelon-energy-partnership', '/events/onfire-5k', '/spa/thalasso', '/careers/metastable-systems-lab'])(
    '%s names no condition: the path stays', flows);

  it('Microsoft’s MS and a German "als" in a value stay', () => {
    expect(props({ title: 'MS in Nursing program info session', kind: 'video' })).toContain('MS in Nursing');
    expect(props({ title: 'Microsoft 365 (MS) training for staff', kind: 'video' })).toContain('(MS) training');
    expect(props({ headline: 'Mehr als Medizin', kind: 'banner' })).toContain('Mehr als Medizin');
  });
});
