/**
 * How deep a parsed value nests
 * =============================
 *
 * For values that reach a reader without their JSON text (the text scan of
 * jsonScan.ts sees the rest first): a depth-first walk with an explicit
 * stack, so a value nested 10,000 deep is measured, not recursed into.
 */

/** True when `value` has more than `max` levels of objects and arrays inside each other (the value itself is level 1). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    const children: unknown[] = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
