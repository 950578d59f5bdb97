import { resetAt } from './scan.js';
import { fullName, nameEnd } from './person-name.js';
import type { Detection } from './types.js';

// A relative named in passing in the languages of access-cues.ts, as person-name.ts reads `my husband John Smith`
// (Safe Harbor A):
//  - with capitals: Spanish `mi esposo Roberto Villanueva`, Portuguese `minha mãe Benedita Cavalcanti`, French `ma mère
//    Ghislaine Duchêne`, Haitian `manman mwen Altagrâce Pierre-Louis`, Tagalog `ang nanay ko na si Conchita Pangilinan`,
//    Vietnamese `mẹ tôi Nguyễn Thị Lan`, Russian and Ukrainian `моя мама Зинаида Пастухова`: the name is capitalised (`mi
//    esposo necesita una cita` stays);
//  - without: Hindi `मेरी माँ कमला देवी अग्रवाल को…`, Urdu `میری والدہ …`, Arabic `والدتي سميرة الدباغ`, Farsi `پدرم هوشنگ
//    افشارپور`, Bengali `আমার মা …` (a postposition or `and` ends the name: person-name.ts STOP);
//  - Korean: the relative, a name of two to four syllables and the honorific `씨`/`님` (`어머니 변영숙 씨`); Chinese: `我母亲`,
//    `我的丈夫` and a name opening with a common surname (`我母亲王秀英需要预约`; `我妈妈需要预约` has none), up to three characters.
const LATIN = '(?:mi|minha|meu|ma|mon|nuestr[oa]|nossa|nosso|notre)[ ](?:madre|mam[áa]|padre|pap[áa]|espos[oa]|marido|hij[oa]|herman[oa]|abuel[oa]|niet[oa]|t[íi][oa]|suegr[oa]' +
  '|m[ãa]e|pai|mulher|filh[oa]|irm[ãa]o?|av[óô]|net[oa]|sogr[oa]|m[èe]re|p[èe]re|mari|femme|[ée]pou(?:x|se)|fils|fille|fr[èe]re|s(?:œ|oe)ur|grand-m[èe]re|grand-p[èe]re)' +
  // Italian and Dutch (`mia madre Giuseppina Cattaneo`, `mijn moeder Marieke Achterhof`).
  '|(?:mia|mio)[ ](?:madre|padre|mamma|pap[àa]|marito|moglie|figli[oa]|nonn[ao]|fratello|sorella|zi[ao]|suocer[ao])' +
  '|mijn[ ](?:moeder|vader|man|vrouw|zoon|dochter|oma|opa|grootmoeder|grootvader|zus|zuster|broer|tante|oom|schoon(?:moeder|vader))' +
  '|(?:manman|papa|mari|madanm|pitit(?:[ ](?:gason|fi))?|fr[èe]|s[èe]|grann)[ ]mwen' +
  '|(?:nanay|tatay|asawa|anak|lola|lolo|kapatid|ina|ama)[ ]ko(?:[ ]na[ ]si)?' +
  '|(?:m[ẹe]|b[ốo]|cha|ch[ồo]ng|v[ợo]|con[ ](?:trai|g[áa]i))[ ]t[ôo]i(?:[ ]l[àa])?' +
  '|(?:моя|мой|мій)[ ](?:мама|мать|мати|папа|отец|тато|батько|муж|чоловік|жена|дружина|сын|син|дочь|донька|дочка|брат|сестра|бабушка|бабуся|дедушка|дідусь)';
const SCRIPT = '(?:मेरी|मेरे|मेरा)[ ](?:माँ|मां|माता|पिता|पति|पत्नी|बेटा|बेटी|भाई|बहन|दादी|दादा|नानी|नाना)(?:[ ]?जी)?' +
  '|(?:میری|میرے|میرا)[ ](?:ماں|والدہ|والد|شوہر|بیوی|بیٹا|بیٹی|بھائی|بہن)|والدتي|والدي|أمي|أبي|زوجي|زوجتي|ابني|ابنتي|أخي|أختي|جدتي|جدي' +
  '|مادرم|پدرم|همسرم|شوهرم|پسرم|دخترم|برادرم|خواهرم|مادربزرگم|پدربزرگم|আমার[ ](?:মা|বাবা|স্বামী|স্ত্রী|ছেলে|মেয়ে|ভাই|বোন)';
// German capitalises every noun (`meine Mutter Hilfe braucht`): there the name must be a full name.
const GERMAN = '(?:meine?[mnr]?)[ ](?:mutter|vater|mama|papa|mann|ehemann|frau|ehefrau|sohn|tochter|oma|opa|gro(?:ß|ss)(?:mutter|vater)' +
  '|schwester|bruder|tante|onkel|enkel(?:in)?|schwieger(?:mutter|vater|sohn|tochter)|partner(?:in)?)';
const RELATIVE_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:(${LATIN})|(${SCRIPT})|(${GERMAN}))[ ]*,?[ ]+`, 'giu');
const KOREAN_RE = /(?:어머니|아버지|엄마|아빠|남편|아내|아들|딸|할머니|할아버지|어머님|아버님|장모님|시어머니)[ ]+([가-힣]{2,4})[ ]?(?:씨|님)/gu;
const SURNAMES = '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鐘谭譚陆陸汪范範金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯欧歐司慕诸諸';
const CHINESE_RE = new RegExp(`我的?(?:母亲|母親|妈妈|媽媽|父亲|父親|爸爸|丈夫|先生|太太|妻子|老婆|老公|儿子|兒子|女儿|女兒|奶奶|爷爷|爺爺|外婆|外公)(?:是|叫|名叫)?([${SURNAMES}][\\u4e00-\\u9fff]{1,2})`, 'gu');
const UPPER_FIRST = /^\p{Lu}/u;
/** Words opening a cue above in a script beyond ASCII: the prefilter's walk marks them (access-cues.ts accessScriptCueAt). */
export const RELATIVE_LEADS: readonly string[] = ['моя ', 'мой ', 'мій ', 'मेरी ', 'मेरे ', 'मेरा ', 'میری ', 'میرے ', 'میرا ', 'والدتي', 'والدي', 'أمي', 'أبي', 'زوجي',
  'زوجتي', 'ابني', 'ابنتي', 'أخي', 'أختي', 'جدتي', 'جدي', 'مادرم', 'پدرم', 'همسرم', 'شوهرم', 'پسرم', 'دخترم', 'برادرم', 'خواهرم', 'مادربزرگم', 'پدربزرگم', 'আমার ',
  '어머니', '아버지', '엄마', '아빠', '남편', '아내', '아들', '딸', '할머니', '할아버지', '어머님', '아버님', '장모님', '시어머니', '我'];
export const RELATIVE_HINT = /m[ie] |ma |mon |minha|meu|mei?n|mijn|mi[ao] |nuestr|noss|notre|mwen|[ ]ko\b|t[ôo]i|[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u0980-\u09ff\uac00-\ud7af我]/iu;

// An Arabic-script name is a given name and a family name (`سميرة الدباغ`): a third word is the name's only after a
// connector (`بن`, `بنت`, `أبو`, `عبد`) or as a family name with its article after a bare one (`سميرة أحمد الدباغ`); otherwise it is
// the sentence going on (`والدتي سميرة الدباغ مريضة`: "is ill" stays).
const ARABIC = /[\u0600-\u06ff]/;
const CONNECTOR = new Set(['بن', 'بنت', 'ابن', 'أبو', 'ابو', 'عبد', 'آل']);

function arabicNameEnd(text: string, from: number, end: number): number {
  if (end <= from || !ARABIC.test(text.slice(from, from + 2))) return end;
  const words = text.slice(from, end).split(' ');
  let n = 1, names = 1;
  while (n < words.length) {
    const w = words[n] as string;
    if (CONNECTOR.has(w) && n + 1 < words.length) { n += 2; names++; continue; }
    if (names === 1 || (names === 2 && w.startsWith('ال') && !(words[n - 1] as string).startsWith('ال'))) { n++; names++; continue; }
    break;
  }
  return from + words.slice(0, n).join(' ').length;
}

/** Relatives' names after the cues above. */
export function scanRelatives(text: string, out: Detection[], kind: string): void {
  if (!RELATIVE_HINT.test(text)) return;
  let re = resetAt(RELATIVE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const capitalised = m[1] !== undefined || m[3] !== undefined;
    if (capitalised && !UPPER_FIRST.test(text.slice(from, from + 1))) continue;
    const end = capitalised ? nameEnd(text, from, true, m[3] !== undefined) : arabicNameEnd(text, from, nameEnd(text, from, false, false));
    if (end > from && (m[3] === undefined || fullName(text, from, end))) out.push({ start: from, end, kind });
  }
  for (const shape of [KOREAN_RE, CHINESE_RE]) {
    re = resetAt(shape, 0);
    while ((m = re.exec(text)) !== null) {
      const start = m.index + m[0].indexOf(m[1] as string, m[0].length - (m[1] as string).length - 3);
      out.push({ start, end: start + (m[1] as string).length, kind });
    }
  }
}
