import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Probe 49 (H249): greetings in the other languages of a hospital's visitors before the name they address, as `Welcome back,
// Jane Doe` is read: a signed-in page's title or a button's text. Every event goes to an open destination (no BAA, every field allowed).
const { props } = allowAllProbe('n49');

describe('a greeting in another language before a name', () => {
  it.each([
    ['Bienvenido de nuevo, Lucía Castañeda | Northbay', 'Castañeda'], ['¡Hola, María José!', 'María José'], ['Xin chào, Nguyễn Thị Hoa | Northbay', 'Nguyễn'],
    ['Chào mừng trở lại, Trần Văn Minh', 'Trần'], ['Bon retour, Océane Rousseau', 'Rousseau'], ['Maligayang pagbabalik, Rowena Villanueva', 'Villanueva'],
    ['Willkommen zurück, Hans Müller', 'Müller'], ['Buenos días, Roberto', 'Roberto'], ['Bem-vindo de volta, Ana', 'Ana'],
  ])('drops the name in %s', (text, name) => {
    expect(props({ cta: text })).not.toContain(name);
  });
  it("keeps a greeting to everyone or to a place, and a provider's title", () => {
    for (const text of ['Bienvenue Chez Nous | Northbay', 'Hola A Todos', 'Bienvenidos Pacientes Nuevos', 'Buenas tardes, Dr. Ramírez', 'Hola Mundo']) {
      expect(props({ cta: text })).toContain(text);
    }
  });
  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Bienvenido de nuevo', 'Hola', '¡', 'Xin chào', 'Chào mừng trở lại', 'Bon retour', 'Hallo', 'Willkommen', 'Olá', ', ', ' ', '\n', '\t',
      'Lucía Castañeda', 'Trần Văn Minh', 'Hans Müller', 'Chez Nous', ' | Northbay', '!', 'ola', 'ch', 'à'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['Bienvenido de nuevo, Lucía Castañeda | Northbay'], ['\t¡Hola, Hans Müller!']] });
  });
});

describe("a patient's role, someone's behalf and a signature in Spanish, Portuguese and French", () => {
  it.each([
    ['Llamar a la paciente Guadalupe Villaseñor mañana', 'Villaseñor'], ['soy familiar del paciente Jerome Dimaculangan', 'Dimaculangan'],
    ['Ligar para a paciente Ana Souza amanhã', 'Souza'], ['Rappeler la patiente Océane Rousseau', 'Rousseau'], ['A nombre de Rodrigo Arriaga', 'Arriaga'],
    ['Au nom de Océane Rousseau', 'Rousseau'], ['em nome de Ana Souza', 'Souza'], ['Firma: Rodrigo Arriaga', 'Arriaga'], ['Signé : Océane Rousseau', 'Rousseau'],
  ])('drops the name in %s', (text, name) => {
    expect(props({ cta: text })).not.toContain(name);
  });
  it("keeps a page's words after the role, and a signature field's label", () => {
    for (const text of ['para el paciente Nuevo Formulario', 'la paciente Recibe Atención', 'Derechos del Paciente Hospitalizado', 'Signature: Required', 'Firma Digital']) {
      expect(props({ cta: text })).toContain(text);
    }
  });
  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Llamar ', 'a la paciente ', 'del paciente ', 'para a paciente ', 'la patiente ', 'A nombre de ', 'au nom de ', 'em nome de ', 'de la part de ',
      'Firma', 'Signé', ' : ', ': ', 'Rodrigo Arriaga', 'Océane Rousseau', 'Nuevo Formulario', ' mañana', '\n'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['Llamar a la paciente Rodrigo Arriaga mañana'], ['Signé : Océane Rousseau']] });
  });
});
