/**
 * mulberry32: a tiny seeded PRNG, so generated data is reproducible byte for byte. Returns a
 * function yielding numbers in [0, 1).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A day (YYYY-MM-DD) drawn with `rand` in [from, to). */
export function randomDay(rand: () => number, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
