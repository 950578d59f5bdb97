import { randomBytes } from 'node:crypto';

/** Uniform [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast, deterministic; only for seeded runs (tests, reproducible demos). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Production noise comes from the OS CSPRNG: a predictable generator would let noise be subtracted. */
export function cryptoRng(): Rng {
  return () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}

export function makeRng(seed: number | undefined): Rng {
  return seed === undefined ? cryptoRng() : seededRng(seed);
}

/** One draw of Laplace(0, scale) by inverse CDF. */
export function laplace(rng: Rng, scale: number): number {
  let u = rng() - 0.5;
  // u = -0.5 exactly would give log(0); redraw (probability 2^-48).
  while (u === -0.5) u = rng() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/** The Laplace mechanism for a count (sensitivity 1 unless stated): scale = sensitivity / epsilon. */
export function noisyCount(rng: Rng, value: number, epsilon: number, sensitivity = 1): number {
  return value + laplace(rng, sensitivity / epsilon);
}
