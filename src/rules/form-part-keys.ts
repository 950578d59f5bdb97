// Gravity Forms sends a multi-part field's inputs under the field's number and the part's
// (`input_7_3`, `input_7.3` in a post body, `7.3` in an entry object), and names the field only in
// the form's own definition, elsewhere in the event or not at all. The part's number alone says
// what it holds: a name field's parts are prefix .2, first .3, middle .4, last .6, suffix .8; an
// address field's street .1, line two .2, city .3, state .4, ZIP .5, country .6. Either reading of
// each part is an identifier (Safe Harbor A or B) or harmless to drop (a prefix, a country), so a
// part is matched as the name part its number gives. Other parts (a checkbox's choices `_7`, `_9`…)
// and single inputs (`input_8`: email, phone or a dropdown alike) stay with the detectors.
const FORM_PART_KEY = /^(?:input_)?\d{1,4}[._]\d$/;

const PARTS: Readonly<Record<string, string>> = { 1: 'address1', 2: 'address2', 3: 'first', 4: 'name', 5: 'zip', 6: 'last', 8: 'name' };

/** The field name a form builder's numbered part key stands for, or undefined (called once per distinct key: field-matcher memoizes). */
export function formPartName(key: string): string | undefined {
  const n = key.length;
  // `7.3` at the shortest, `input_1234_8` at the longest.
  if (n < 3 || n > 12) return undefined;
  const sep = key.charCodeAt(n - 2);
  if ((sep !== 46 && sep !== 95) || !FORM_PART_KEY.test(key)) return undefined;
  // A bare `7_3` is not the builder's; `input_7_3`, `input_7.3` and `7.3` are.
  if (sep === 95 && !key.startsWith('input_')) return undefined;
  return PARTS[key.charAt(n - 1)];
}
