/**
 * Seeded random numbers
 * =====================
 *
 * mulberry32: a tiny, well-mixed 32-bit PRNG. Same seed, same sequence, on
 * every JS engine — what makes the layout, the benchmark corpus and the
 * synthetic datasets reproducible. Lives in the lowest layer so every other
 * layer (extract, graph, bench) can share the one implementation.
 */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
