import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cgroupPathOf, cpuQuota, parseCfsQuota, parseCpuMax, type CgroupRoots } from '../../src/cli/cpu-quota.js';
import { parseArgs } from '../../src/cli/args.js';
import { chooseWorkers } from '../../src/cli/workers.js';
import { tempDir } from '../helpers/collector.js';

/** A temp directory laid out like /proc and /sys/fs/cgroup, with the given files. */
function tree(files: Record<string, string>): CgroupRoots {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { proc: join(root, 'proc'), cgroup: join(root, 'sys/fs/cgroup') };
}

describe('cgroup CPU quota parsing', () => {
  it('reads cgroup v2 cpu.max in its spellings: max is no limit, a fraction of a CPU rounds up', () => {
    const cases: Array<[string, number | undefined]> = [
      ['max 100000\n', undefined], ['max', undefined], ['200000 100000\n', 2], ['  200000   100000  \n', 2],
      ['200000\t100000', 2], ['150000 100000', 2], ['50000 100000', 1], ['100000 100000', 1], ['1000 100000', 1],
      ['6400000 100000', 64], ['250000', 3], ['', undefined], ['\n', undefined], ['abc 100000', undefined],
      ['200000 0', undefined], ['-1 100000', undefined], ['0 100000', undefined], ['200000 100000 7', undefined],
      ['1.5 1', undefined], ['200000 max', undefined], ['2e5 100000', undefined],
    ];
    for (const [text, cpus] of cases) expect([text, parseCpuMax(text)]).toEqual([text, cpus]);
  });

  it('reads cgroup v1 cfs quota and period: -1 is no limit', () => {
    const cases: Array<[string, string, number | undefined]> = [
      ['-1\n', '100000\n', undefined], ['200000\n', '100000\n', 2], ['150000', '100000', 2], ['50000', '100000', 1],
      [' 300000 ', ' 100000 ', 3], ['', '100000', undefined], ['200000', '', undefined], ['200000', '0', undefined],
      ['x', '100000', undefined], ['200000', '-1', undefined],
    ];
    for (const [quota, period, cpus] of cases) expect([quota, period, parseCfsQuota(quota, period)]).toEqual([quota, period, cpus]);
  });

  it('finds the process\'s cgroup in /proc/self/cgroup for v2 and for the v1 cpu controller', () => {
    const hybrid = '12:cpuset:/\n4:cpu,cpuacct:/docker/abc\n2:cpuacct:/other\n0::/system.slice/phiwall.service\n';
    expect(cgroupPathOf(hybrid, 'v2')).toBe('/system.slice/phiwall.service');
    expect(cgroupPathOf(hybrid, 'cpu')).toBe('/docker/abc');
    expect(cgroupPathOf('3:cpuacct,cpu:/k8s/pod\n', 'cpu')).toBe('/k8s/pod');
    expect(cgroupPathOf('2:cpuacct:/a\n1:cpuset:/b\n', 'cpu')).toBeUndefined();
    expect(cgroupPathOf('garbage\n', 'v2')).toBeUndefined();
  });
});

describe('cgroup CPU quota from the file tree', () => {
  it('reads a v2 quota at the cgroup root (a container\'s own namespace)', () => {
    expect(cpuQuota(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '200000 100000\n' }))).toBe(2);
    expect(cpuQuota(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeUndefined();
  });

  it('resolves a nested v2 cgroup, takes the smallest limit on the way up, and falls back to the root file', () => {
    const nested = (leaf: string, parent: string, root: string) => tree({
      'proc/self/cgroup': '0::/system.slice/phiwall.service\n',
      'sys/fs/cgroup/system.slice/phiwall.service/cpu.max': leaf,
      'sys/fs/cgroup/system.slice/cpu.max': parent,
      'sys/fs/cgroup/cpu.max': root,
    });
    expect(cpuQuota(nested('150000 100000', 'max 100000', 'max 100000'))).toBe(2);
    expect(cpuQuota(nested('400000 100000', '100000 100000', 'max 100000'))).toBe(1);
    expect(cpuQuota(nested('max 100000', 'max 100000', '300000 100000'))).toBe(3);
    // The host's path does not exist inside the container's mount: the root file answers.
    expect(cpuQuota(tree({ 'proc/self/cgroup': '0::/kubepods/pod1/c1\n', 'sys/fs/cgroup/cpu.max': '300000 100000' }))).toBe(3);
  });

  it('reads cgroup v1 cfs files when there is no v2 cpu.max (hybrid hosts)', () => {
    const v1 = (mount: string, quota: string) => tree({
      'proc/self/cgroup': `4:cpu,cpuacct:/docker/abc\n0::/\n`,
      [`sys/fs/cgroup/${mount}/cpu.cfs_quota_us`]: quota,
      [`sys/fs/cgroup/${mount}/cpu.cfs_period_us`]: '100000\n',
    });
    expect(cpuQuota(v1('cpu,cpuacct', '300000\n'))).toBe(3);
    expect(cpuQuota(v1('cpu', '50000\n'))).toBe(1);
    expect(cpuQuota(v1('cpu', '-1\n'))).toBeUndefined();
    expect(cpuQuota(v1('cpu/docker/abc', '200000\n'))).toBe(2);
  });

  it('treats missing, unreadable or malformed files as no limit', () => {
    expect(cpuQuota(tree({}))).toBeUndefined();
    expect(cpuQuota(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': 'garbage' }))).toBeUndefined();
    expect(cpuQuota(tree({ 'proc/self/cgroup': '\u0000\u0001', 'sys/fs/cgroup/cpu/cpu.cfs_quota_us': '200000' }))).toBeUndefined();
    // A directory where the file should be cannot be read.
    expect(cpuQuota(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max/x': '' }))).toBeUndefined();
  });
});

describe('auto worker count', () => {
  const cores = availableParallelism();
  const auto = (roots: CgroupRoots) => chooseWorkers(parseArgs(['serve', '--workers', 'auto']), roots);

  it('is the cores, capped by the CPU quota, at least one', () => {
    expect(auto(tree({}))).toEqual({ workers: cores, cores, reason: 'cores' });
    const one = auto(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '20000 100000' }));
    expect(one).toMatchObject({ workers: 1, cores, cpuQuota: 1 });
    const wide = auto(tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': `${(cores + 2) * 100000} 100000` }));
    expect(wide).toEqual({ workers: cores, cores, cpuQuota: cores + 2, reason: 'cores' });
  });

  it('leaves an explicit --workers alone', () => {
    const roots = tree({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '100000 100000' });
    expect(chooseWorkers(parseArgs(['serve', '--workers', '3']), roots)).toEqual({ workers: 3, cores, reason: 'flag' });
  });
});
