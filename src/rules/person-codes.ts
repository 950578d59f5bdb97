// A person's own code under a key that names the person and an id word, whatever the site calls either (Safe Harbor R,
// "any other unique identifying number or code"): `volunteer_key: VK-88-1027`, `enrollee_token`, `participantHandle`,
// `teilnehmer_nr`, `codigo_paciente`, `cohort_pid`. The unique_id rule lists the common spellings; this reads the class,
// so a study's or a portal's own word for its people (blind pass 49) needs no new list entry. Only a code-shaped value
// goes (digits in it, no prose): `member_key: "none"`, `patient_code: "see notes"` are left to the detectors.
// A thing about the people (`patient_education_id`, `member_portal_key`, `participant_count`) names no person's code:
// the person's word must touch the id word.
import { BoundedMemo } from '../common/bounded-memo.js';
import { normalizeFieldName } from './field-name.js';

// People a health site or a study keeps codes for, in the languages of the pack's free-text names (accent-folded, as keys
// are normalized: `teilnehmer`, `encuestado`, `repondant`).
const PERSON = '(?:participants?|participantes?|partecipant[ei]|teilnehmer(?:in|innen|s)?|deelnemers?|deltager(?:e|en)?|deltagare|uczestnik(?:a|ow)?|' +
  'osallistuja|subjects?|sujet(?:o|os|s)?|soggett[oi]|proband(?:en|in|a|o|s)?|volunteers?|voluntari[oa]s?|volontaires?|volontari[oa]|' +
  'freiwillige[rn]?|enroll?ees?|respondents?|encuestad[oa]s?|repondants?|patient(?:e|en|es|s)?|pacientes?|pazient[ei]|pacjent(?:a|ow)?|' +
  'members?|miembros?|mitglied(?:s|er)?|membres?|membros?|beneficiar(?:y|ies|io|ios|ia)|insured|asegurad[oa]s?|versicherte[rn]?|' +
  'donors?|donantes?|recipients?|residents?|residentes?)';
// Words for an id, the person's word before them (`volunteerkey`, `teilnehmernr`, `probandenkennung`).
const ID_AFTER = '(?:id|ids|key|token|no|nr|nro|num|number|nummer|numero|code|codigo|codice|cod|ref|reference|referencia|handle|tag|kennung|' +
  'kennzeichen|ident|identifier|identificador|identifiant|identificativo|hash|alias|pseudonym|pid|uid)';
// The same written id first, as Romance languages do (`codigo_paciente`, `numero_de_participante`, `identifiant_du_patient`).
const ID_BEFORE = '(?:id|no|nr|num|numero|nummer|code|codigo|codice|cod|ref|referencia|identificador|identifiant|identificativo|cle|clave|chiave|token)' +
  '(?:de|del|du|di|des|do|da|dello|della|dei)?';
// A study's participant id abbreviated after the study's word (`cohort_pid`, `trial_ptid`, `study_subjid`).
const STUDY_PID = '(?:study|cohort|trial|research|registry|biobank|clinical|estudio|studie)(?:pid|ptid|patid|subjid|partid|subjno)';

const PERSON_ID_KEY = new RegExp(`${PERSON}${ID_AFTER}$|^${ID_BEFORE}${PERSON}$|${STUDY_PID}$`);

const known = new BoundedMemo<boolean>(10_000);

/** Whether a normalized key names a person's own code (see above); remembered per key. */
export function personCodeName(norm: string): boolean {
  let hit = known.get(norm);
  if (hit === undefined) known.set(norm, (hit = norm.length >= 5 && norm.length <= 48 && PERSON_ID_KEY.test(norm)));
  return hit;
}

// A code: letters, digits and a code's separators, in one to three parts; no word of prose has the digits it needs.
const CODE = /^[A-Za-z0-9][A-Za-z0-9_./#:-]{0,39}(?: [A-Za-z0-9_./#:-]{1,20}){0,2}$/;

/** Whether `value` is shaped as a code (CODE, with two digits or more), not a state or a sentence. */
export function codeShaped(value: string): boolean {
  if (value.length < 3 || value.length > 48 || !CODE.test(value)) return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) { const c = value.charCodeAt(i); if (c >= 48 && c <= 57 && ++digits >= 2) return true; }
  return false;
}

/** Whether an embedded pair (`volunteer_key=VK-88-1027` inside a text) holds a person's code, its key as written. */
export function personCodePair(key: string, value: string): boolean {
  return codeShaped(value) && personCodeName(normalizeFieldName(key));
}
