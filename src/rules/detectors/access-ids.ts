import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Record, member and policy numbers after their labels in the languages US hospitals offer language access in (Safe
// Harbor H, I): Spanish `Número de miembro`, Portuguese `Número do prontuário`, French `numéro de dossier`, Haitian
// `Nimewo polis asirans mwen:`, Tagalog `numero ng miyembro`, Vietnamese `Số hồ sơ bệnh án`, `Mã hồ sơ`, Chinese `病历号`,
// `會員號`, Japanese `診察券番号`, Korean `회원번호`, Russian `Номер полиса`, `номер медкарты`, Arabic `رقم الملف الطبي`, Farsi
// `شماره پرونده`, Hebrew `מספר תיק`. The value holds three digits or more of any script (`٧٣٠٢٩١`, `３０８８１２`) and may
// open with a short letter prefix (`ЕН 419203`, `HS-730118`). labelled-id.ts reads the English labels.
const LABELS = [
  'n[úu]mero[ ]de[ ](?:miembro|socio|afiliad[oa]|p[óo]liza|paciente|expediente|historia(?:[ ]cl[íi]nica)?|seguro|asegurad[oa])',
  'n[úu]mero[ ]d[oa][ ](?:prontu[áa]rio|paciente|cart[ãa]o(?:[ ]do[ ]sus)?|carteirinha|ap[óo]lice|benefici[áa]rio|plano)', 'prontu[áa]rio', 'carteirinha',
  "(?:num[ée]ro|n[°º])[ ](?:de[ ]dossier(?:[ ]m[ée]dical)?|de[ ]patient|d['\u2019]adh[ée]rent|de[ ]police|d['\u2019]assur[ée])",
  'nimewo[ ](?:dosye|manm|polis|kat|pasyan|asirans)(?:[ ]\\p{L}+){0,2}?',
  'numero[ ]ng[ ](?:miyembro|pasyente|polisa|rekord|insurance)',
  'm[ãa][ ]s[ốo][ ](?:b[ệe]nh[ ]nh[âa]n|th[àa]nh[ ]vi[êe]n|b[ảa]o[ ]hi[ểe]m)', 's[ốo][ ]h[ồo][ ]s[ơo](?:[ ]b[ệe]nh[ ][áa]n)?', 'm[ãa][ ]h[ồo][ ]s[ơo]',
  's[ốo][ ]th[ẻe][ ]b[ảa]o[ ]hi[ểe]m', 's[ốo][ ]h[ợo]p[ ][đd][ồo]ng(?:[ ]b[ảa]o[ ]hi[ểe]m)?',
  '病[历歷]号(?:码)?', '病歷號(?:碼)?', '[会會]员[号號]|會員[號号]|[会會]员[编編][号號]', '保[单單][号號]', '[医醫][保療]卡[号號]', '(?:患者|病人)[编編][号號]', '就[诊診]卡[号號]',
  '診察券番号', '患者番号', 'カルテ番号', '保険証番号', '被保険者番号', '会員番号',
  '회원[ ]?번호', '환자[ ]?번호', '등록[ ]?번호', '차트[ ]?번호', '보험증[ ]?번호', '증권[ ]?번호',
  'номер[ ](?:полиса|медкарты|медицинской[ ]карты|карты|пациента|страховки)', 'полис[ ]омс', 'медкарта',
  'номер[ ](?:полісу|медичної[ ]картки|картки|пацієнта)',
  'رقم[ ](?:الملف(?:[ ]الطبي)?|المريض|العضوية|البوليصة|التأمين|الوثيقة)', 'شماره[ ](?:پرونده|بیمه|عضویت|بیمار)', 'کد[ ]بیمار',
  'מספר[ ](?:תיק|מטופל|חבר|פוליסה)', 'lambarka[ ](?:xubinta|caymiska|bukaanka)',
  // Passports and residence ids (K, R) in the languages of medical travellers: `passaporte nº FN123456`, `护照号码`, `護照號碼`,
  // `パスポート番号`, `旅券番号`, `여권번호`, `رقم جواز السفر`, `رقم الإقامة`, `номер паспорта`, `số hộ chiếu`, `pasaport no`, `nr paszportu`.
  '(?:n[úu]mero[ ]do[ ])?passaporte', '护照(?:号码|号)?', '護照(?:號碼|號)?', 'パスポート(?:番号)?', '旅券番号', '여권(?:[ ]?번호)?',
  'رقم[ ](?:جواز[ ]السفر|الجواز|الإقامة|الاقامة|الهوية)', 'جواز[ ]السفر', 'номер[ ]паспорта', 's[ốo][ ]h[ộo][ ]chi[ếe]u',
  'pasaport(?![eo])(?:[ ]no)?', '(?:nr|numer)[ ]paszportu',
];
const LABELLED_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${LABELS.join('|')})[ \\t]*(?:[:：#№=]|n[°º.])?[ \\t]*` +
  '((?:\\p{L}{1,3}[ -])?(?=[\\p{L}-]*\\p{Nd})[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}-]{2,24})(?![\\p{L}\\p{Nd}])', 'giu');
const HINT = /n[úu]mero|prontu|carteirinha|num[ée]ro|n[°º]|nimewo|numero|s[ốo] |m[ãa] |[病会會保医醫患就診カ被회환등차보증护護パ旅여]|номер|полис|медкарт|رقم|شماره|کد|מספר|lambarka|passap|pasap|paszp|جواز/iu;
const DIGIT = /\p{Nd}/gu;

// A serial number parted from its label by a few words (M): `the serial number of my pump is QX7F4K92`, `serial # on the
// back of my insulin pump reads PX4M8821Q`, `receiver serial is listed as 9JH4TQ2`. The value is one token of capitals and
// digits with two digits and a letter; `Find the serial number on the back of your device` has none.
const SERIAL_GAP_RE = /(?<![A-Za-z])serial(?:[ ]?(?:number|no\.?|#))?(?:[ ]+[a-z']+){0,8}?[ ]+(?:is|reads|shows|says|as|:)[ ]+((?=[A-Z0-9-]*[0-9][A-Z0-9-]*[0-9])(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,19})(?![A-Za-z0-9])/gi;

/** Numbers after the labels above, and serials after the words above. */
export function scanAccessIds(text: string, out: Detection[], kind: string): void {
  if (HINT.test(text)) {
    const re = resetAt(LABELLED_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const value = m[1] as string;
      if ((value.match(DIGIT)?.length ?? 0) < 3) continue;
      out.push({ start: m.index + m[0].length - value.length, end: m.index + m[0].length, kind });
    }
  }
  if (text.indexOf('erial') < 0 && text.indexOf('ERIAL') < 0) return;
  const re = resetAt(SERIAL_GAP_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - (m[1] as string).length, end: m.index + m[0].length, kind });
}
