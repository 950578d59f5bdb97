import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The CPU quota a container runtime sets through cgroups. `os.availableParallelism()` honours
// CPU affinity (cpusets) but, on Node 20, not a quota: a container limited to 2 CPUs on a
// 64-core host would start 64 workers that the kernel then throttles to 2 CPUs' worth of time.
// Newer runtimes may apply the quota themselves; taking the minimum is harmless then.

/** Where the kernel's files live; a test points these at a temp directory tree. */
export interface CgroupRoots {
  /** `/proc` (for `/proc/self/cgroup`). */
  proc: string;
  /** `/sys/fs/cgroup`. */
  cgroup: string;
}

const SYSTEM_CGROUP_ROOTS: CgroupRoots = { proc: '/proc', cgroup: '/sys/fs/cgroup' };

/** A quota in CPUs, rounded up (150000/100000 → 2: a fraction of a CPU still wants a worker), at least 1. */
function cpusOf(quota: number, period: number): number | undefined {
  if (!Number.isFinite(quota) || !Number.isFinite(period) || quota <= 0 || period <= 0) return undefined;
  return Math.max(1, Math.ceil(quota / period));
}

const INTEGER = /^\d+$/;

/** cgroup v2 `cpu.max`: "<quota|max> <period>" ("max 100000" = no limit). Undefined = no limit or unreadable. */
export function parseCpuMax(text: string): number | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 2 || !INTEGER.test(parts[0])) return undefined;
  // The period may be omitted when written; the kernel's default is 100 ms.
  const period = parts.length === 2 ? parts[1] : '100000';
  return INTEGER.test(period) ? cpusOf(Number(parts[0]), Number(period)) : undefined;
}

/** cgroup v1 `cpu.cfs_quota_us` and `cpu.cfs_period_us` (quota -1 = no limit). */
export function parseCfsQuota(quotaText: string, periodText: string): number | undefined {
  const quota = quotaText.trim();
  const period = periodText.trim();
  if (!INTEGER.test(quota) || !INTEGER.test(period)) return undefined;
  return cpusOf(Number(quota), Number(period));
}

/**
 * The cgroup path of a controller in `/proc/self/cgroup` ("0::/a/b" for v2, "4:cpu,cpuacct:/a"
 * for v1), or undefined when the file does not name it.
 */
export function cgroupPathOf(procSelfCgroup: string, controller: 'v2' | 'cpu'): string | undefined {
  for (const line of procSelfCgroup.split('\n')) {
    const m = /^(\d+):([^:]*):(\/.*)$/.exec(line.trim());
    if (!m) continue;
    if (controller === 'v2' ? m[1] === '0' && m[2] === '' : m[2].split(',').includes('cpu')) return m[3];
  }
  return undefined;
}

/** The directory and its ancestors up to the mount root: a limit set on any of them applies. */
function dirsUpFrom(mount: string, path: string | undefined): string[] {
  const parts = (path ?? '/').split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const dirs: string[] = [];
  for (let n = parts.length; n >= 0; n--) dirs.push(join(mount, ...parts.slice(0, n)));
  return dirs;
}

function readText(file: string): string | undefined {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** The smallest limit over the directories (a missing or malformed file is no limit). */
function smallest(dirs: string[], read: (dir: string) => number | undefined): number | undefined {
  let min: number | undefined;
  for (const dir of dirs) {
    const cpus = read(dir);
    if (cpus !== undefined && (min === undefined || cpus < min)) min = cpus;
  }
  return min;
}

/**
 * This process's CPU quota in whole CPUs, or undefined for no limit. cgroup v2 first, then v1.
 * A container usually sees its own cgroup as the root (cgroup namespace); a path from
 * /proc/self/cgroup that does not exist under the mount just falls through to the root's file.
 */
export function cpuQuota(roots: CgroupRoots = SYSTEM_CGROUP_ROOTS): number | undefined {
  const self = readText(join(roots.proc, 'self', 'cgroup')) ?? '';
  const v2 = smallest(dirsUpFrom(roots.cgroup, cgroupPathOf(self, 'v2')), (dir) => {
    const text = readText(join(dir, 'cpu.max'));
    return text === undefined ? undefined : parseCpuMax(text);
  });
  if (v2 !== undefined) return v2;
  const v1Path = cgroupPathOf(self, 'cpu');
  const mounts = ['cpu', 'cpu,cpuacct', 'cpuacct,cpu'].map((m) => join(roots.cgroup, m));
  return smallest(mounts.flatMap((m) => dirsUpFrom(m, v1Path)), (dir) => {
    const quota = readText(join(dir, 'cpu.cfs_quota_us'));
    const period = readText(join(dir, 'cpu.cfs_period_us'));
    return quota === undefined || period === undefined ? undefined : parseCfsQuota(quota, period);
  });
}
