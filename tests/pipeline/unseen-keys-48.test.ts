import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Probe A (H248): a licence, an identity card, a plate, a device's serial and an age under keys no rule named went to a destination
// allowing every field: `drivers_lic`, `lic_no`, `permis_conduire`, `carteira_motorista`, `id_card`, `cert`, `car_tag`, `veh_plate`,
// `auto_placa`, `numero_serie`, `Seriennummer`, `Alter`, `how_old`, `edad_paciente`, a question `pt_age`, and a booking's `preferred_date`.
const { props, expectKept } = allowAllProbe('k48');

describe('identifiers under short and foreign keys', () => {
  it('drops licences, identity cards, plates and serials', () => {
    const values = { drivers_lic: 'D2856032', lic_no: 'D1180452', permis_conduire: 'D8680451', carteira_motorista: '04512887231', id_card: 'X7781234',
      cert: 'RN225500', car_tag: '5FT689', veh_plate: '8ER944', auto_placa: 'ABC1D23', numero_serie: 'SN88213XY', Seriennummer: 'GM82K44Q' };
    const out = props(values);
    for (const v of Object.values(values)) expect(out).not.toContain(v);
  });

  it('generalises an age over 89 under Alter and how_old', () => {
    const out = props({ Alter: '93', how_old: '96' });
    expect(out).not.toContain('93');
    expect(out).not.toContain('96');
  });

  it('generalises an age over 89 under a patient age key, also as the answer to a question so named', () => {
    const out = props({ edad_paciente: 97, answers: [{ q: 'pt_age', a: '093' }] });
    expect(out).not.toContain('97');
    expect(out).not.toContain('093');
  });

  it('drops the date asked for on a booking form', () => {
    const out = props({ preferred_date: 'Aug 18 at 3pm', fields: [{ name: 'rendez_vous', value: 'Dec 23 at 3pm' }] });
    expect(out).not.toContain('Aug 18');
    expect(out).not.toContain('Dec 23');
  });

  it('keeps words that only look like those keys', () => {
    expectKept({ template: 'basic', certification: 'CPR', license_type: 'annual', eta: '10 min' });
  });
});
