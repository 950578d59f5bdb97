import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { phoneLocalDetector } from '../../../src/rules/detectors/phone-local.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { matches } from './helpers.js';

// A phone number read out in Spanish, Portuguese, French, Italian or German words went out whole
// (`mi número es seis uno siete, cinco cinco cinco…`): the spelled-number reader and the prefilter's marks knew English only.

describe('phone numbers read out in other languages', () => {
  it.each([
    ['mi número es seis uno siete, cinco cinco cinco, cero uno cuatro dos', 'seis uno siete, cinco cinco cinco, cero uno cuatro dos'],
    ['Llámame al seis uno siete cinco cinco cinco cero uno cuatro dos, gracias', 'seis uno siete cinco cinco cinco cero uno cuatro dos'],
    ['MI NÚMERO: TRES UNO TRES, CUATRO CUATRO CUATRO, UNO TRES TRES UNO', 'TRES UNO TRES, CUATRO CUATRO CUATRO, UNO TRES TRES UNO'],
    ['mi cel es el tres uno dos, veintidós, treinta y cuatro, cincuenta y seis', 'tres uno dos, veintidós, treinta y cuatro, cincuenta y seis'],
    ['meu telefone é seis um sete cinco cinco cinco zero um quatro dois', 'seis um sete cinco cinco cinco zero um quatro dois'],
    ['mon numéro: zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit', 'zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit'],
    ['appelez-moi au zéro six, un deux, trois quatre, cinq six, sept huit', 'zéro six, un deux, trois quatre, cinq six, sept huit'],
    ['chiamami al tre tre tre, uno due tre, quattro cinque sei sette', 'tre tre tre, uno due tre, quattro cinque sei sette'],
    ['Telefon: null eins sieben sechs, zwei drei vier fünf sechs sieben', 'null eins sieben sechs, zwei drei vier fünf sechs sieben'],
    ['mi whatsapp es el seis uno siete cinco cinco cinco cero', 'seis uno siete cinco cinco cinco cero'],
    ['mi numero es 617 cinco cinco cinco 0142', '617 cinco cinco cinco 0142'],
  ])('finds the number in %s', (text, number) => {
    expect(matches(phoneLocalDetector, text)).toEqual([number]);
  });

  it('keeps counts, lists and numbers that are not a phone number', () => {
    for (const text of [
      'tengo dos hijos y tres nietos, uno de ellos tiene cinco años',
      'uno dos tres cuatro cinco seis siete ocho nueve diez: we practiced counting in class today',
      'número de pedido: uno dos tres',
      '[null, null, null, null, null, null, null, null, null, null, null, null]',
      'Sept 12, due 3 weeks, otto and the six of us',
    ]) expect(matches(phoneLocalDetector, text)).toEqual([]);
  });

  it('redacts them through every detector as a phone number', () => {
    expect(redactText('Hola, mi número es seis uno siete, cinco cinco cinco, cero uno cuatro dos. Gracias', ALL_DETECTORS).text).toBe('Hola, mi número es [PHONE]. Gracias');
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['mi número es ', 'llámame ', 'appelez-moi ', 'chiamami ', 'whatsapp ', 'nummer ', 'numéro ', 'seis', 'uno', 'cinco', 'cero', 'dos', 'tres', 'veintidós', 'treinta y cuatro', 'un', 'sept', 'null', ' ', ', ', '5', '617'];
    expectPrefilterSound(parts, { maxLength: 14, numRuns: 4000 });
  });
});
