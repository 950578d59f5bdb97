// Recall (planted identifiers removed) and clean-item alteration, engine-neutral: each engine
// gives, per corpus event, the text that would leave (undefined when the event is dropped) and
// a predicate telling whether a clean input string survived unchanged.

/**
 * String leaves that a redactor is asked to keep: properties, page fields, names. A leaf holding a planted
 * value in any of its labelled forms (`?to=jane.doe%40mail.example` holds the email URL-encoded) is not clean.
 */
export function cleanLeaves(ev, canaryValues, canaryForms = []) {
  const out = [];
  const holdsForm = (v) => canaryForms.some((f) => f.length >= 6 && v.includes(f));
  const visit = (v) => {
    if (typeof v === 'string') { if (v.length > 0 && !canaryValues.some((c) => v.includes(c) || c.includes(v)) && !holdsForm(v)) out.push(v); return; }
    if (Array.isArray(v)) { v.forEach(visit); return; }
    if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(ev.properties ?? {});
  visit(ev.context?.page ?? {});
  if (typeof ev.event === 'string') visit(ev.event);
  if (typeof ev.name === 'string') visit(ev.name);
  return out;
}

// A form of 6+ characters counts anywhere in the output; a shorter one (a ZIP-3 such as `556`) only as a
// whole token, since it also turns up inside the payload's own clock (`received_at: …19.556Z`).
const tokenForms = new Map();
function holdsForm(text, form) {
  if (form.length >= 6) return text.includes(form) || text.toLowerCase().includes(form.toLowerCase());
  let re = tokenForms.get(form);
  if (re === undefined) {
    re = new RegExp(`(?<![0-9A-Za-z])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`, 'i');
    tokenForms.set(form, re);
  }
  return re.test(text);
}

/** `run(ev)` -> { text: string | undefined, kept: (leaf) => boolean }. */
export function measureAccuracy(events, labels, run) {
  let planted = 0, removed = 0, clean = 0, altered = 0;
  events.forEach((ev, i) => {
    const label = labels[i];
    const { text, kept } = run(ev);
    const values = label.canaries.map((c) => c.value);
    for (const c of label.canaries) {
      planted++;
      if (text === undefined || !c.forms.some((f) => holdsForm(text, String(f)))) removed++;
    }
    if (label.mustBlock || text === undefined) return;
    const forms = label.canaries.flatMap((c) => c.forms.map(String));
    for (const leaf of cleanLeaves(ev, values, forms)) { clean++; if (!kept(leaf)) altered++; }
  });
  return { recall: +(removed / planted).toFixed(4), clean_altered: +(altered / Math.max(1, clean)).toFixed(4), planted, clean_items: clean };
}
