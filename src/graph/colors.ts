/**
 * Colour mixing
 * =============
 *
 * Dimmed and hedged items are drawn in their own colour blended toward the
 * canvas background rather than with transparency: the result is the same
 * on every GPU (no blending order effects where edges cross) and stays a
 * plain hex colour sigma parses once. Results are cached because the
 * renderer asks for the same few colours on every refresh.
 */

const cache = new Map<string, string>();

function parseHex(color: string): [number, number, number] {
  const hex = color.startsWith('#') ? color.slice(1) : color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`colors.ts: "${color}" is not a #rgb or #rrggbb colour. Fix: use hex colours in the type registries.`);
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

function toHex(channel: number): string {
  return Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, '0');
}

/** `color` moved `amount` (0…1) of the way toward `toward`, as #rrggbb. */
export function mixColors(color: string, toward: string, amount: number): string {
  const key = `${color}|${toward}|${amount}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const [r1, g1, b1] = parseHex(color);
  const [r2, g2, b2] = parseHex(toward);
  const mixed = `#${toHex(r1 + (r2 - r1) * amount)}${toHex(g1 + (g2 - g1) * amount)}${toHex(b1 + (b2 - b1) * amount)}`;
  cache.set(key, mixed);
  return mixed;
}
