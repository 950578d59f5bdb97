import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Blind pass 12 (.tmp/h56): identifiers in healthcare interchange formats copied into analytics
// (FHIR R4 JSON/XML, HL7 v2 beyond PID, X12, DICOM dumps, CDA, NCPDP), relatives' and other
// parties' names, ages over 89 in record spellings, and the classes passes 10-11 left (a record
// name without an initial, lower-case names in file names, greetings, numbers read out with no
// phone word). Own spellings, not the generator's; the destination allows every property and has no BAA.
const { sent } = openPlanProbe('u12');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Integration Tested', context: { page: { path: '/developers', url: `${OPEN_SITE}/developers` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const text = (value: string): string => props({ debug: value });

describe('FHIR resources', () => {
  it('reads an extension value by its url and a parameter by its name', () => {
    const out = props({
      resource: { resourceType: 'Patient', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName', valueString: 'Quarshie' }] },
      params: { resourceType: 'Parameters', parameter: [{ name: 'family', valueString: 'Quarshie' }, { name: 'birthdate', valueDate: '1958-07-21' }] },
    });
    expect(out).not.toMatch(/Quarshie|07-21/);
    expect(out).toContain('1958');
  });

  it("drops a patient reference's display but keeps a practitioner's", () => {
    const out = props({ fhir: { subject: { reference: 'Patient/77', display: 'Ama Quarshie' }, participant: [{ individual: { reference: 'Practitioner/9', display: 'Dr. Lena Voss' } }] } });
    expect(out).not.toContain('Quarshie');
    expect(out).toContain('Dr. Lena Voss');
  });

  it('drops identifier lists and reads FHIR XML by element name', () => {
    expect(props({ identifier: [{ system: 'https://records.example/ids', value: 'QX-88213' }] })).not.toContain('88213');
    const out = text('<Patient xmlns="http://hl7.org/fhir"><name><family value="Quarshie"/><given value="Ama"/></name><birthDate value="1958-07-21"/></Patient>');
    expect(out).not.toMatch(/Quarshie|Ama|07-21/);
  });

  it("drops a questionnaire answer by its item's text, and keeps other answers", () => {
    const out = props({ qr: { resourceType: 'QuestionnaireResponse', item: [
      { linkId: '1', text: 'Full legal name', answer: [{ valueString: 'Ama Quarshie' }] },
      { linkId: '2', text: 'How did you hear about us?', answer: [{ valueString: 'Radio ad' }] },
    ] } });
    expect(out).not.toContain('Quarshie');
    expect(out).toContain('Radio ad');
  });

  it("drops a resource's narrative", () => {
    const out = props({ fhir: { resourceType: 'Patient', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Ama Quarshie, seen 30 Mar</div>' } } });
    expect(out).not.toContain('Quarshie');
  });

  it('keeps resource type names and versions', () => {
    const out = props({ resource_type: 'Observation', capability: { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' } });
    expect(out).toContain('"resource_type":"Observation"');
    expect(out).toContain('"fhirVersion":"4.0.1"');
  });
});

describe('HL7 v2, X12, DICOM, CDA and NCPDP text', () => {
  it.each([
    ['an HL7 note', 'MSH|^~\\&|LAB|RIV|||202611281700||ORU^R01|M2|P|2.5\nNTE|1||Called Kofi Quarshie with the results', /Quarshie/],
    ['X12 subscriber, birth date and service date', 'NM1*IL*1*QUARSHIE*AMA****MI*ZX55120934~DMG*D8*19580721*F~DTP*472*D8*20260330~', /QUARSHIE|AMA\*|ZX55120934|0721|0330/],
    ['X12 patient address and contact', 'NM1*QC*1*QUARSHIE*AMA~N3*88 ELM HOLLOW RD~N4*ASTORIA*OR*971031234~PER*IC*AMA QUARSHIE*TE*5415550188~', /QUARSHIE|ELM HOLLOW|ASTORIA|0188/],
    ['a dcmdump header', '(0010,0010) PN [QUARSHIE^AMA]\n(0010,0020) LO [RV-551209]\n(0010,0030) DA [19580721]\n(0008,0020) DA [20260330]', /QUARSHIE|551209|0721|0330/],
    ['a pydicom header with an age', "(0010, 1010) Patient's Age                 AS: '093Y'\n(0010, 2154) Patient's Telephone Numbers   SH: '5415550188'", /093|0188/],
    ['a CDA record target', '<patientRole><id extension="RV551209" root="2.16.840.1.113883.19.5"/><patient><name><given>Ama</given><family>Quarshie</family></name></patient></patientRole>', /Quarshie|Ama<|551209/],
    ['NCPDP fields', '\u001eAM01\u001cCAAMA\u001cCBQUARSHIE\u001cC419580721\u001e\u001dAM04\u001cC2ZX55120934', /QUARSHIE|AMA\u001c|0721|ZX55120934/],
    ['labelled NCPDP fields', 'claim: Patient Last Name (311-CB)=QUARSHIE; Date of Service (401-D1)=20260330', /QUARSHIE|0330/],
  ])('drops the identifiers in %s', (_why, value, leak) => {
    expect(text(value)).not.toMatch(leak);
  });

  it('keeps only the year of HL7 admit, discharge and death dates', () => {
    const pid = ['PID', '1', ...Array<string>(27).fill(''), '202604020915'].join('|'); // PID-29: death
    const pv1 = ['PV1', '1', 'I', ...Array<string>(41).fill(''), '202603300800', '202604011000'].join('|'); // PV1-44/45: admit, discharge
    const out = text(`MSH|^~\\&|ADT|RIV|||202611281700||ADT^A03|M1|P|2.5\r${pid}\r${pv1}`);
    expect(out).not.toMatch(/0330|0401|0402/);
    expect(out).toContain('|2026|2026');
    expect(out).toContain('||2026');
  });

  it('keeps the year of an X12 birth date and leaves a payer alone', () => {
    const out = text('NM1*PR*2*CASCADE MUTUAL*****PI*CM001~NM1*IL*1*QUARSHIE*AMA~DMG*D8*19580721*F~');
    expect(out).toContain('CASCADE MUTUAL');
    expect(out).toContain('1958');
  });
});

describe('relatives and other parties', () => {
  it.each([
    'Emergency contact - Kofi Quarshie (husband)',
    'Responsible party: Kofi Quarshie',
    'Guarantor: Kofi Quarshie',
    'Subscriber - Kofi Quarshie',
    'Next of kin - QUARSHIE, KOFI',
  ])('redacts the name in %s', (value) => {
    expect(text(value)).not.toMatch(/Quarshie|QUARSHIE/);
  });

  it('drops fields named for relatives, parties and wristbands', () => {
    const out = props({ ec_name: 'Kofi Quarshie', husband: 'Kofi Quarshie', responsible_party: 'Kofi Quarshie', card_recipient: 'Kofi Quarshie', wristband_text: 'QUARSHIE KOFI' });
    expect(out).not.toContain('Quarshie');
  });
});

describe('ages over 89 and birth years that show one', () => {
  it.each([
    ['a padded age', 'AGE 093'],
    ['a DICOM age string', 'age string 093Y'],
    ['a year of birth', 'YOB 1930, widowed'],
  ])('redacts %s', (_why, value) => {
    expect(text(value)).not.toMatch(/093|1930/);
  });

  it('generalises a yob field that shows an age over 89, and keeps one that does not', () => {
    expect(props({ yob: 1931 })).not.toContain('1931');
    expect(props({ yob: 1975 })).toContain('1975');
  });
});

describe('names the earlier passes left', () => {
  it.each([
    ['a record name with no initial', { label: 'QUARSHIE, AMA' }],
    ['the same without a space', { chart_label: 'QUARSHIE,AMA' }],
    ['a record name after a results cue', { debug: 'Results for QUARSHIE, AMA' }],
    ['a lower-case name in a file name', { file: 'lab-results-ama-quarshie.pdf' }],
    ['a lower-case name before the document words', { file: 'quarshie_ama_discharge_summary.pdf' }],
    ['a card line', { debug: 'Card to: Ama Quarshie' }],
    ['a birthday greeting', { debug: 'Happy 91st birthday Ama Quarshie!' }],
    ['a delivery line', { debug: 'Deliver to Ama Quarshie, room 5B' }],
    ['a get-well line', { debug: 'Get well soon, Ama Quarshie' }],
  ])('redacts %s', (_why, properties) => {
    expect(props(properties)).not.toMatch(/Quarshie|QUARSHIE|quarshie/);
  });

  it.each([
    { label: 'SALEM, OREGON' }, { label: 'BILLING, SCHEDULING' }, { label: 'MEN, WOMEN' }, { debug: 'Big sale: SHOES, BAGS and more' },
    { file: 'visitor-parking-map.pdf' }, { file: 'dr-lena-voss-cv.pdf' }, { debug: 'Happy Birthday To You' }, { card_design: 'Get Well Soon' },
  ])('keeps %j', (properties) => {
    const [key, value] = Object.entries(properties)[0];
    expect(props(properties)).toContain(`"${key}":"${value}"`);
  });
});

describe('a geohash under loc', () => {
  it('drops it, and keeps a ZIP there as its ZIP-3', () => {
    expect(props({ loc: 'dr5regw3p' })).not.toContain('dr5regw3p');
    expect(props({ loc: '97209' })).toContain('"loc":"972"');
  });
});

describe('a phone number read out with no phone word', () => {
  it.each(['five four one, five five five, oh one eight eight', 'FIVE-FOUR-ONE FIVE-FIVE-FIVE ZERO-ONE-EIGHT-EIGHT', '541 five five five 0188 after six'])(
    'redacts %s',
    (value) => {
      expect(text(value)).not.toMatch(/eight|EIGHT|0188/);
    },
  );

  it.each(['Five tips for flu season', 'five-star reviews from seven patients', 'one two three go'])('keeps %s', (value) => {
    expect(text(value)).toContain(value);
  });
});
