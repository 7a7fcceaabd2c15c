/**
 * Labels as drawn on the canvas: at most `MAX_DRAWN_LABEL` characters, cut on
 * a character boundary with an ellipsis. An entity named by a 5,000-character
 * token would otherwise make the camera fit (which leaves room for every
 * drawn label, `ui/fitWithLabels.ts`) zoom out until all nodes share one
 * pixel. The panel shows the full name.
 */

export const MAX_DRAWN_LABEL = 60;

export function shortLabel(label: string, max = MAX_DRAWN_LABEL): string {
  const characters = Array.from(label);
  if (characters.length <= max) return label;
  return `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}
