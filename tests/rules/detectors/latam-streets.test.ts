import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText, streetAddressDetector } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { matches } from './helpers.js';

// Latin American addresses left parts out: Colombian grid addresses (`Calle 10 # 20-30`) and Peru's `Jr. Junín 345` were not read,
// and after a street its flat (`apto 42`, `dpto. 302`), district (`Col. Juárez`, `Bairro Jardim`) and city stayed.

describe('Latin American street addresses', () => {
  it.each([
    ['dirección: Calle 10 # 20-30, Medellín', 'Calle 10 # 20-30, Medellín'],
    ['Carrera 7 # 72-41, apto 501, Bogotá', 'Carrera 7 # 72-41, apto 501, Bogotá'],
    ['vivo en la Cra. 15 No. 93-47 desde 2019', 'Cra. 15 No. 93-47'],
    ['calle 26 sur # 48-12 barrio la soledad', 'calle 26 sur # 48-12 barrio la soledad'],
    ['Diagonal 40A Bis # 15-20, apto 301', 'Diagonal 40A Bis # 15-20, apto 301'],
    ['Jr. Junín 345, dpto. 302, Lima', 'Jr. Junín 345, dpto. 302, Lima'],
    ['Mi dirección: Av. Reforma 222, Col. Juárez, CDMX', 'Av. Reforma 222, Col. Juárez, CDMX'],
    ['Calle Hidalgo 45, Colonia Centro, Guadalajara, Jalisco, 44100', 'Calle Hidalgo 45, Colonia Centro, Guadalajara, Jalisco, 44100'],
    ['Rua Augusta 1500, apto 42, São Paulo', 'Rua Augusta 1500, apto 42, São Paulo'],
    ['meu endereço é Rua das Flores, 123, apto 42 - Bairro Jardim', 'Rua das Flores, 123, apto 42 - Bairro Jardim'],
    ['Av. Insurgentes Sur 1602, piso 4, Col. Crédito Constructor', 'Av. Insurgentes Sur 1602, piso 4, Col. Crédito Constructor'],
    ['Via Roma 10, int. 5, 00100 Roma', 'Via Roma 10, int. 5, 00100 Roma'],
    ['Calz. de Tlalpan 1500, Col. Portales', 'Calz. de Tlalpan 1500, Col. Portales'],
  ])('finds the whole address in %s', (text, address) => {
    expect(matches(streetAddressDetector, text)).toEqual([address]);
  });

  it('keeps numbers, ranges and prose that are no address', () => {
    for (const text of ['Ver precios: 2 # 10-20 unidades', 'Sala 3 abre de 9-17 h', 'ticket #20-30 closed', 'Av. wait time 12 min, sector 4 casa 2', 'la carrera 5 km del domingo']) {
      expect(matches(streetAddressDetector, text)).toEqual([]);
    }
  });

  it('redacts the address and leaves the sentence around it', () => {
    expect(redactText('12 rue de la Paix, 3e étage, 75002 Paris', ALL_DETECTORS).text).toBe('[ADDRESS]');
    expect(redactText('Hola, vivo en Carrera 7 # 72-41, apto 501, Bogotá. ¿Tienen citas?', ALL_DETECTORS).text).toBe('Hola, vivo en [ADDRESS]. ¿Tienen citas?');
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['Calle ', 'Cra. ', '10', ' # ', '20-30', ', ', 'apto ', '42', 'Col. ', 'Juárez', 'Av. ', 'Reforma ', '222', ' - ', 'Bairro ', 'São Paulo', ' sur'];
    expectPrefilterSound(parts, { maxLength: 10, numRuns: 3000 });
  });
});
