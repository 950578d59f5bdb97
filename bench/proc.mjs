// Child processes for the bench: start, wait until healthy, sample memory, stop.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, openSync } from 'node:fs';

/** Starts a script that prints `port=N` on stdout; resolves with its port. */
export function startPortPrinter(args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /port=(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** Starts a server on a known port (logs to a file) and waits for GET /healthz. */
export async function startServer(args, { port, logFile, env = {}, timeoutMs = 60_000 }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}; see ${logFile}`);
    try { if ((await fetch(`${url}/healthz`)).ok) return { child, port, url }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy; see ${logFile}`);
}

/**
 * Waits until every cluster worker answers (phiwall_cluster_workers_reporting on /metrics). Worker
 * i > 0 starts only once worker 0 listens and then compiles the plan: on a loaded machine that took
 * 30 s, and health checks answered by worker 0 alone let a measured run start with one worker
 * (its throughput and peak memory both understated).
 */
export async function waitForWorkers(url, workers, timeoutMs = 120_000) {
  if (workers <= 1) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${url}/metrics`)).text();
    if (Number(/^phiwall_cluster_workers_reporting (\d+)/m.exec(text)?.[1] ?? 0) >= workers) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not every one of ${workers} workers answered within ${timeoutMs} ms`);
}

export function stopChild(child, signal = 'SIGTERM', timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => { clearTimeout(t); resolve(code); });
    child.kill(signal);
  });
}

/** The pid and all its descendants (cluster workers). */
export function processTree(pid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch { /* exited meanwhile */ }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [p, pp] of parents) if (pp === tree[i]) tree.push(p);
  return tree;
}

/** VmRSS, RssAnon, RssFile, RssShmem and VmHWM of a process (kB; zeros once it has exited). */
function memoryKb(pid) {
  const out = { VmRSS: 0, RssAnon: 0, RssFile: 0, RssShmem: 0, VmHWM: 0 };
  let text;
  try { text = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { return out; }
  for (const m of text.matchAll(/^(VmRSS|RssAnon|RssFile|RssShmem|VmHWM):\s+(\d+) kB/gm)) out[m[1]] = Number(m[2]);
  return out;
}

/**
 * Samples the RSS of a process tree (the primary and its cluster workers):
 * - total_mb: peak of the summed VmRSS, sampled every `everyMs`;
 * - max_process_mb: the largest VmHWM (the kernel's exact per-process peak);
 * - footprint_mb: peak of the summed private (anonymous) memory plus the file-backed and shared
 *   memory of the process holding the most. VmRSS counts pages a process maps from files (the
 *   node binary alone is ~40 MB of it) and SQLite's shared -shm indexes, and the processes of a
 *   tree share those same pages, so the plain sum counts them once per process; this counts
 *   them once, as a container's memory limit would.
 */
export function sampleRss(pid, everyMs = 200) {
  let peakTotalKb = 0;
  let peakProcessKb = 0;
  let peakFootprintKb = 0;
  // What the footprint's peak was made of: each process's private memory (the server first), and
  // the shared file-backed and shmem pages counted once (where RSS work has to look).
  let peakParts = { anon: [], file: 0, shmem: 0 };
  let pids = processTree(pid);
  let ticks = 0;
  const tick = () => {
    if (++ticks % 10 === 0) pids = processTree(pid);
    let total = 0;
    let anon = 0;
    let file = 0;
    let shmem = 0;
    const anons = [];
    for (const p of pids) {
      const m = memoryKb(p);
      total += m.VmRSS;
      anon += m.RssAnon;
      anons.push(m.RssAnon);
      file = Math.max(file, m.RssFile);
      shmem = Math.max(shmem, m.RssShmem);
      peakProcessKb = Math.max(peakProcessKb, m.VmHWM);
    }
    peakTotalKb = Math.max(peakTotalKb, total);
    if (anon + file + shmem > peakFootprintKb) { peakFootprintKb = anon + file + shmem; peakParts = { anon: anons, file, shmem }; }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  const mb = (kb) => +(kb / 1024).toFixed(1);
  return {
    processes: () => pids.length,
    stop() {
      clearInterval(timer);
      tick();
      const parts = { private_mb: peakParts.anon.map(mb), shared_file_mb: mb(peakParts.file), shmem_mb: mb(peakParts.shmem) };
      return { total_mb: mb(peakTotalKb), max_process_mb: mb(peakProcessKb), footprint_mb: mb(peakFootprintKb), footprint_parts: parts, processes: pids.length };
    },
  };
}

/** CPU time (user + system, ms) used so far by a process tree: load-independent cost. */
export function treeCpuMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch { /* exited meanwhile */ }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
