import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A birth date after a birth label as Polish, Nordic, Finnish, Czech, Slovak, Hungarian, Romanian, Turkish, Greek, South
// Slavic and Baltic forms write it (Safe Harbor C): `data urodzenia 3.5.80`, `ur. 3.5.1980`, `födelsedatum 3/5-80`, `født
// 03.05.80`, `syntymäaika 3.5.80`, `dátum narodenia: 7. 9. 1963`, `datum narození 22.1.71`, `születési dátum: 1980. 05. 03.`,
// `data nașterii 3.5.80`, `doğum tarihi 3.5.80`, `datum rođenja 3.5.80.`. The date detector takes a full date with a
// four-digit year whatever precedes it; these shapes (a two-digit year, a Swedish `3/5-80`, spaced Slavic parts, a
// Hungarian year first) are a batch, a version or a score as often, so only the label tells.
const LABEL =
  '(?:data[ ]ur(?:odzenia|\\.)|ur\\.|urodzon[aey]|f(?:ö|ø)delsedat(?:um|o)|f(?:ö|ø)dselsdato|f(?:ö|ø)dd|født|' +
  'syntym(?:ä|a)(?:aika|p(?:ä|a)iv(?:ä|a))|synt\\.|syntynyt|d(?:á|a)tum[ ]narodenia|datum[ ]naro(?:z|ž)en(?:í|i)|naro(?:z|ž)en(?:á|a)?|narođen|narodená|nar\\.|' +
  'sz(?:ü|u)let(?:é|e)si[ ](?:d(?:á|a)tum|id(?:ő|o))|sz(?:ü|u)l\\.|sz(?:ü|u)letett|data[ ]na(?:ș|ş|s)terii|n(?:ă|a)scut(?:ă|a)?|' +
  'do(?:ğ|g)um[ ]tarih(?:i|im)|do(?:ğ|g)um|ημερομηνία[ ]γέννησης|ημ\\.?[ ]?γέννησης|γεννήθηκα|datum[ ]ro(?:đ|d)enja|ro(?:đ|d)en(?:a)?|' +
  'gimimo[ ]data|gim\\.|dzim(?:š|s)anas[ ]datums|s(?:ü|u)nniaeg|s(?:ü|u)nnikuup(?:ä|a)ev)';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MM = '(?:0?[1-9]|1[0-2])';
const YY = '(?:(?:1[89]|20)[0-9]{2}|[0-9]{2})';
const SHAPE =
  `(${DAY}/${MM}[ ]?-[ ]?${YY}|${DAY}\\.[ ]?${MM}\\.?[ ]?${YY}|${DAY}/${MM}[/ ]${YY}|${DAY}-${MM}-${YY}` + // 3/5-80, 7. 9. 1963, 3/5 1980, 3-5-80
  `|(?:1[89]|20)[0-9]{2}\\.[ ]?${MM}\\.[ ]?${DAY}\\.?)`; // 1980. 05. 03.
const BIRTH_LABEL_RE = new RegExp(`(?<![\\p{L}\\p{M}])${LABEL}[ \\t]*[:=,-]?[ \\t]*(?:(?:le|la|am|dne|dňa|den)[ ]+)?${SHAPE}(?![0-9])`, 'giu');
// Cheap test before the scan: one of the labels' stems is in the text.
const HINT = /ur[.o]|f[öø]d|synt|naro|nar\.|sz[üu]l|n[ăa][sșş]|do[ğg]um|γέννη|γεννή|ro[đd]en|gim|dzim|s[üu]nni/i;

/** Birth dates (C) in the shapes above, after a birth label. */
export function scanBirthLabels(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(BIRTH_LABEL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1].length, end, kind });
  }
}
