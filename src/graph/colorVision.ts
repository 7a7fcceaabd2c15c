/**
 * Colour-vision check
 * ===================
 *
 * How far apart two colours look to readers with and without the common
 * colour-vision deficiencies, so the palettes can be checked by a test
 * instead of by eye. Dichromacy is simulated with the Machado, Oliveira &
 * Fernandes (2009) matrices at full severity, applied in linear RGB; the
 * distance is CIE76 ΔE in CIELAB (about 2.3 is a just-noticeable difference,
 * above 10 reads as clearly different at a glance).
 */

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [number, number, number, number, number, number, number, number, number];

const SIMULATION: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new Error(`colorVision.ts: "${hex}" is not a #RRGGBB colour. Fix: write registry colours as six hex digits.`);
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function simulate(linear: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return linear;
  const m = SIMULATION[vision];
  const [r, g, b] = linear;
  return [clamp01(m[0] * r + m[1] * g + m[2] * b), clamp01(m[3] * r + m[4] * g + m[5] * b), clamp01(m[6] * r + m[7] * g + m[8] * b)];
}

function toLab([r, g, b]: Rgb): Rgb {
  // Linear sRGB → XYZ (D65) → CIELAB.
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 ΔE between two #RRGGBB colours as seen with `vision`. */
export function perceivedDistance(a: string, b: string, vision: Vision = 'normal'): number {
  const [la, lb] = [a, b].map((hex) => toLab(simulate(parseHex(hex).map(toLinear) as Rgb, vision)));
  if (!la || !lb) return 0;
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

export interface ClosestPair {
  a: string;
  b: string;
  vision: Vision;
  distance: number;
}

/** The two colours of `palette` that look most alike, over all visions. */
export function closestPair(palette: readonly string[], visions: readonly Vision[] = VISIONS): ClosestPair | null {
  let best: ClosestPair | null = null;
  for (const vision of visions) {
    for (let i = 0; i < palette.length; i += 1) {
      for (let j = i + 1; j < palette.length; j += 1) {
        const a = palette[i] ?? '';
        const b = palette[j] ?? '';
        const distance = perceivedDistance(a, b, vision);
        if (best === null || distance < best.distance) best = { a, b, vision, distance };
      }
    }
  }
  return best;
}
