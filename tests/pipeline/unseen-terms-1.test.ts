import { describe, expect, it } from 'vitest';
import { termProbes, pageOn } from '../helpers/open-plan.js';

// H144 (sensitive terms audited as a class): the conditions and prescriptions direct-to-consumer telehealth and
// hospital service lines advertise (sleep, GLP-1s, hair loss, acne, menopause, testosterone, contraceptive brands,
// ADHD, antidepressants, smoking cessation, migraine, long COVID, IVF, hepatitis C), look-alikes that name nothing,
// and a renewal at the site's root. Every event goes to the open destination (no BAA, every field allowed).
const { blocked, sent, pathOut, props, titled } = termProbes('t1');

describe('a condition or prescription a telehealth service advertises', () => {
  it.each([
    ['/learn/insomnia', 'insomnia'], ['/sleep/insomnia-cbt', 'insomnia'], ['/sleep/restless-legs-syndrome', 'restless-legs'], ['/sleep/zolpidem-er', 'zolpidem'],
    ['/weight/rybelsus-tablets', 'rybelsus'], ['/programs/glp1-weight-care', 'glp1'], ['/men/hair-loss-kit', 'hair-loss'], ['/men/finasteride-1mg', 'finasteride'],
    ['/women/minoxidil-foam', 'minoxidil'], ['/skin/acne-clinic', 'acne'], ['/skin/tretinoin-0-05', 'tretinoin'], ['/skin/isotretinoin-program', 'isotretinoin'],
    ['/midlife/menopause-clinic', 'menopause'], ['/midlife/perimenopause-symptoms', 'perimenopause'], ['/men/testosterone-clinic', 'testosterone'],
    ['/men/trt', '/men/trt'], ['/birth-control/yaz', '/yaz'], ['/birth-control/sprintec-generic', 'sprintec'], ['/learn/contraceptive-pill', 'contraceptive'],
    ['/adhd/dextroamphetamine-er', 'dextroamphetamine'], ['/adhd/guanfacine-er', 'guanfacine'], ['/learn/antidepressant-withdrawal', 'antidepressant'],
    ['/learn/ssris', 'ssris'], ['/anxiety-care/buspirone-guide', 'buspirone'], ['/quit/chantix-coupon', 'chantix'], ['/programs/tobacco-cessation-class', 'tobacco-cessation'],
    ['/neuro/migraine-center', 'migraine'], ['/neuro/triptans', 'triptans'], ['/neuro/aimovig-injection', 'aimovig'], ['/neuro/nurtec-odt', 'nurtec'],
    ['/fertility/in-vitro-fertilisation', 'in-vitro'], ['/liver/epclusa-cost', 'epclusa'], ['/es/insomnio-cronico', 'insomnio'], ['/es/menopausia-tratamiento', 'menopausia'],
    ['/de/haarausfall-frauen', 'haarausfall'], ['/fr/insomnie-chronique', 'insomnie'], ['/es/migrana', 'migrana'],
    ['/recovery/long-haulers-program', 'long-haulers'], ['/clinics/pasc', '/pasc'], ['/de/wechseljahre-beschwerden', 'wechseljahre'], ['/birth-control/slynd-pill', 'slynd'], ['/prep/yeztugo-injection', 'yeztugo'], ['/harm-reduction/opvee-nasal-spray', 'opvee'],
  ])('%s is a sensitive page: the path stays home', (path, word) => {
    expect(blocked(pageOn(path))).toBe(false);
    expect(pathOut(path)).not.toContain(word);
    expect(pathOut(path)).toContain('"page_group"');
  });

  it('a title, an event name and a property name them too', () => {
    expect(sent(titled('/about', 'Ambien or Lunesta? | Example Health'))).not.toContain('Lunesta');
    expect(sent(titled('/about', 'Migraine Relief | Example Health'))).not.toContain('Migraine');
    expect(sent(titled('/about', 'Low T Treatment | Example Health'))).not.toContain('Low T');
    expect(sent({ type: 'track', event: 'Hydroxyzine Info Viewed', ...pageOn('/about') })).not.toContain('Hydroxyzine');
    expect(sent({ type: 'track', event: 'Zepbound Consult Booked', ...pageOn('/about') })).not.toContain('Zepbound');
    expect(props({ treatment: 'Propecia 1mg', plan: 'monthly' })).not.toContain('Propecia');
    expect(props({ treatment: 'Propecia 1mg', plan: 'monthly' })).toContain('monthly');
  });
});

describe('a look-alike names nothing', () => {
  it.each(['/stories/patient-stories', '/fitness/weight-room', '/locations/yazoo-city', '/doctors/junelle-park', '/careers/ambient-listening-ai',
    '/services/retina-center', '/shop/retinol-serum', '/visitors/smoking-policy', '/about/smoke-free-campus', '/locations/hackney', '/locations/pasco-county',
    '/doctors/yasmin-haddad'])('%s keeps its path', (path) => {
    expect(blocked(pageOn(path))).toBe(false);
    expect(pathOut(path)).toContain(path);
  });
});

describe("a renewal at the site's root", () => {
  it.each(['/renew', '/renew/start', '/renewal', '/renewals/step-2'])('%s is a prescription renewal, as /refill there is: blocked', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  // A membership or subscription renewed is one being managed (a storefront's plan, pass 30): blocked either way round.
  it.each(['/renew/membership', '/membership/renew', '/renew/subscription'])('%s, a membership being managed, is blocked', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it.each(['/renew/license', '/renew/parking', '/giving/renew-your-gift'])('%s, a renewal of something else, flows', (path) => {
    expect(blocked(pageOn(path))).toBe(false);
    expect(pathOut(path)).toContain(path);
  });
});
