import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 36 (.tmp/h176): international patients' national, health and travel document numbers as an international office's
// forms, chats and searches send them. Every event goes to an open destination (no BAA, every field allowed) under keys
// no free-text rule drops; the look-alikes stay.
const { props, expectKept } = allowAllProbe('s36');

describe('a passport\'s machine-readable zone pasted into a field', () => {
  it.each([
    ['P<USAWHITMORE<<HELENA<ROSE<<<<<<<<<<<<<<<<<<<\nK41827356USA6803154F3104227<<<<<<<<<<<<<<02', ['WHITMORE', 'HELENA', 'K41827356', '680315']],
    ['P<BRACOSTA<<LUIZA<<<<<<<<<<<<<<<<<<<<<<<<<<<<', ['COSTA', 'LUIZA']],
    ['mrz: P<GBRADEYEMI<<TUNDE<<<<<<<<<<<<<<<<<<<<<<<<<< 533380006GBR7209150M2903014<<<<<<<<<<<<<<04', ['ADEYEMI', 'TUNDE', '533380006']],
    ['I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<', ['D231458907', 'ERIKSSON', 'ANNA']],
    ['P<USAOKAFOR<<KENJI', ['OKAFOR', 'KENJI']],
    ['IDFRABERTHIER<<CORINNE<<<<<<<<<<<<<<<<<<<<', ['BERTHIER', 'CORINNE']],
  ])('drops the holder\'s names and numbers from %j', (text, words) => {
    const out = props({ travel_doc_scan: text });
    for (const w of words) expect(out).not.toContain(w);
  });

  it('keeps breadcrumbs and arrows', () => {
    expectKept({ a: 'Home <<< Back to International Patients', b: '<< Prev | Next >>', c: 'SHIFT<<2 BITS', d: '<<<<<<<<<<<<<<<<<<<<<<<<',
      e: 'HEADER<<SECTION<<PART', f: 'INSTALL<<TEST<<2026' });
  });
});

describe('passport numbers after their labels in travellers\' languages', () => {
  it.each([
    ['passaporte nº FN123987, chego dia 3', 'FN123987'],
    ['Número do passaporte: YB482917', 'YB482917'],
    ['护照号码 E48213907', 'E48213907'],
    ['護照號碼：E30991827', 'E30991827'],
    ['パスポート番号 TR8843121', 'TR8843121'],
    ['旅券番号: MU4471290', 'MU4471290'],
    ['여권번호 M73318842', 'M73318842'],
    ['رقم جواز السفر K8827361', 'K8827361'],
    ['Reisepassnummer C4J7K2M9P', 'C4J7K2M9P'],
    ['Pass-Nr. C01X00T47', 'C01X00T47'],
    ['номер паспорта 753118420', '753118420'],
    ['số hộ chiếu C7734921', 'C7734921'],
    ['pasaporte mexicano G47382910', 'G47382910'],
    ['passaporte brasileiro FN1239871', 'FN1239871'],
  ])('drops the number from %j', (text, value) => {
    expect(props({ chat_line: text })).not.toContain(value);
  });

  it('keeps the words without a number', () => {
    expectKept({ a: 'passaporte válido por 6 meses', b: '护照照片要求', c: 'passport photo requirements 2026', d: 'Reisepass beantragen',
      e: 'passport renewal 2026', f: 'passport photos 2x2 inches' });
  });
});

describe('a UK National Insurance number and an Irish PPSN', () => {
  it.each([
    ['my NI number is QQ 12 34 56 C', '34 56'],
    ['NI: AB 41 82 73 D', '82 73'],
    ['JG103759A', '103759'],
    ['national insurance no QQ123456C', '123456'],
    ['PPS number 1234567T', '1234567'],
    ['pps 7654321PA', '7654321'],
    ['8823105W is my number', '8823105'],
  ])('drops it from %j', (text, digits) => {
    expect(props({ chat_line: text })).not.toContain(digits);
  });

  it('keeps codes whose prefix or check letter is none of theirs', () => {
    expectKept({ a: 'part DF123456A', b: 'ref 1234567A', c: 'room B12 34 56', d: 'BA 2490 to LHR', e: 'PO 12 34 56 A', f: 'pps 100000 images' });
  });
});

describe('Latin American national numbers in their dotted forms', () => {
  it.each([
    ['mi rut 9.876.543-3', '876.543'],
    ['RUN 7.654.321-6', '654.321'],
    ['16.402.718-K', '402.718'],
    ['DNI N° 27.845.119 - turno cardiología', '845.119'],
    ['mi cédula es 52.318.774', '318.774'],
    ['C.C. 1.023.456.789 de Bogotá', '456.789'],
    ['documento de identidad: 79.845.123', '845.123'],
    ['cédula V-12.345.678', '345.678'],
    ['E-8.123.456 es mi cedula', '123.456'],
    ['CI 4.567.890-1', '567.890'],
  ])('drops it from %j', (text, part) => {
    expect(props({ chat_line: text })).not.toContain(part);
  });

  it('keeps prices and plain words', () => {
    expectKept({ a: 'vi $12.345.678 en la web', b: 'CLP 1.290.000', c: 'CLP 12.345.678', d: 'stuck in a rut', e: 'run 1.500 m', f: '$ 1.250.000 COP' });
  });
});

describe('a Chinese resident id whose check character is X', () => {
  it.each([
    ['身份证号：11010519491231002X。', '身份证号：[ID]。'],
    ['id 11010519491231002x please', 'id [ID] please'],
  ])('drops it whole from %j, its X too', (text, redacted) => {
    expect(props({ chat_line: text })).toContain(redacted);
  });
});

describe('national document fields of an international office\'s form', () => {
  it.each([
    ['numero_documento', '79.845.123'], ['cartao_sus', 'pendente 1'], ['aadhaar_no', 'XXXX-1234'], ['emirates_id', 'pending-784'],
    ['iqama_number', 'ref 2-44'], ['travel_document', 'P<USADOE'], ['passaporte', 'YB-4829'], ['ppsn', '12-ab'],
  ])('drops %s', (key, value) => {
    expect(props({ [key]: value })).not.toContain(value);
  });
});

describe("Singapore's NRIC/FIN and Hong Kong's identity card number by their checks (H176's leftover)", () => {
  it.each([
    ['my nric is S1234567D', 'S1234567D'], ['NRIC: s1234567d', 's1234567d'], ['FIN G1234567X for my work pass', 'G1234567X'],
    ['hkid A123456(3)', 'A123456(3)'], ['HKID no. AB987654(3) for the deposit', 'AB987654(3)'], ['deposit for AB987654(3) paid', 'AB987654(3)'], ['my hkid is A1234563', 'A1234563'],
  ])('drops the number from %j', (text, id) => {
    const out = props({ chat_line: text });
    expect(out).not.toContain(id);
    expect(out).toContain('[ID]');
  });

  it('keeps codes of the same shape whose check fails, and an unbracketed HKID shape with no label', () => {
    expectKept({ a: 'S1234567A is not a check', b: 'sku T0000000A', c: 'ref A123456(4)', d: 'item A1234563 in stock' });
  });
});

describe('the prefilter on these shapes', () => {
  it('keeps every detector that would fire', () => {
    const parts = ['P<', 'USA', 'DOE', '<<', 'JANE', '<<<<<<<<', '1234567', 'T', 'QQ', ' 12', ' 34', ' 56', ' C', '12.345.678', '-5', 'DNI ', 'N° ', ' ', 'S', 'G', 'D', 'X', 'A', '123456', '(3)', 'hkid '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 1500, examples: [['P<USADOE<<JANE<<<<<<<<<<<<<<'], ['QQ 12 34 56 C'], ['DNI N° 12.345.678'], ['S1234567D'], ['hkid A1234563'], ['A123456(3)']] });
  });
});
