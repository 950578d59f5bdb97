// A port of the workplace's leak checker: finds planted identifiers (raw, lower-cased,
// URL-encoded, digits-only, unsalted SHA-256/MD5 forms) and traces of blocked pages in what
// left the collector, and measures delivery (utility).

export interface Canary { kind: string; value: string; forms: string[]; digits?: string; field?: string; scope?: string }
export interface Label { id: string; template: string; mustBlock: boolean; canaries: Canary[]; keep?: [string, string][] }
export interface CaptureRow { dest: string; url?: string; body: unknown }

export interface LeakReport {
  leaks: { id: string; kind: string; dests: string[] }[];
  violations: { id?: string; dest?: string; why: string }[];
  utility: number;
  delivered: number;
  expected: number;
}

const BLOCKED_MARKERS = ['patient-portal', 'appointments/confirm', 'pharmacy/refill', 'billing/pay', 'intake/new-patient', 'mychart'];

function decodeAll(s: string): string {
  let prev = s;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try { next = decodeURIComponent(prev.replace(/\+/g, ' ')); } catch {
      next = prev.replace(/%([0-9a-f]{2})/gi, (m) => { try { return decodeURIComponent(m); } catch { return m; } });
    }
    if (next === prev) break;
    prev = next;
  }
  return prev;
}

export function leakCheck(labels: readonly Label[], capture: readonly CaptureRow[], adsRe?: RegExp): LeakReport {
  const texts = capture.map((r) => {
    const raw = `${r.url ?? ''}\n${typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '')}`;
    const dec = decodeAll(raw).toLowerCase();
    return { dest: r.dest, raw: raw.toLowerCase(), dec, path: dec.replace(/\/\.\//g, '/').replace(/\/{2,}/g, '/') };
  });
  const tokens = new Map<string, Set<string>>();
  const digitRuns = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, d: string) => { if (!m.has(k)) m.set(k, new Set()); m.get(k)!.add(d); };
  for (const t of texts) {
    for (const s of [t.raw, t.dec]) for (const tok of s.match(/[a-z0-9@._%+:-]+/g) ?? []) add(tokens, tok.replace(/^[.:_-]+|[.:_-]+$/g, ''), t.dest);
    for (const m of t.dec.match(/\d(?:[\s().+/-]{0,2}\d)+/g) ?? []) { const d = m.replace(/\D/g, ''); if (d.length >= 9) add(digitRuns, d, t.dest); }
  }
  const digitHit = (d: string) => { const out = new Set<string>(); for (const [run, ds] of digitRuns) if (run.includes(d)) ds.forEach((x) => out.add(x)); return out; };
  const textHit = (n: string) => new Set(texts.filter((t) => t.dec.includes(n)).map((t) => t.dest));
  const leaks: LeakReport['leaks'] = [];
  for (const lab of labels) for (const c of lab.canaries) {
    if (c.scope === 'ads' && !adsRe) continue;
    let where = new Set<string>();
    if (c.kind === 'age_over_89') {
      const re = new RegExp(`["']?${c.field}["']?\\s*[:=]\\s*["']?${c.value}\\b`);
      for (const t of texts) if (re.test(t.dec)) where.add(t.dest);
    } else if (c.kind === 'zip') {
      for (const f of c.forms) for (const d of tokens.get(f) ?? []) where.add(d);
    } else {
      for (const f of c.forms) {
        const k = String(f).toLowerCase();
        if (/^\d+$/.test(k) && k.length >= 9) { digitHit(k).forEach((d) => where.add(d)); continue; }
        if (/[\s/]/.test(k)) { textHit(k).forEach((d) => where.add(d)); continue; }
        for (const d of tokens.get(k) ?? []) where.add(d);
        if (!where.size && k.length >= 8) textHit(k).forEach((d) => where.add(d));
      }
      if (c.digits) digitHit(c.digits).forEach((d) => where.add(d));
    }
    if (c.scope === 'ads' && adsRe) where = new Set([...where].filter((d) => adsRe.test(d)));
    if (where.size) leaks.push({ id: lab.id, kind: c.kind, dests: [...where] });
  }
  const violations: LeakReport['violations'] = [];
  for (const lab of labels.filter((l) => l.mustBlock)) if (tokens.has(lab.id.toLowerCase())) violations.push({ id: lab.id, why: 'messageId forwarded' });
  for (const t of texts) for (const m of BLOCKED_MARKERS) if (t.path.includes(m)) { violations.push({ dest: t.dest, why: `blocked page marker "${m}"` }); break; }
  const shouldPass = labels.filter((l) => !l.mustBlock);
  const delivered = shouldPass.filter((l) => tokens.has(l.id.toLowerCase())).length;
  return { leaks, violations, utility: shouldPass.length ? delivered / shouldPass.length : 1, delivered, expected: shouldPass.length };
}
