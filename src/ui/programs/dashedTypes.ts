/**
 * Dashed program names
 * ====================
 *
 * The program type names of the dashed versions of buildGraph's edge types,
 * apart from the programs themselves (edgeDashed.ts needs WebGL to load;
 * the looks, tested in Node, need only the names).
 */

export const DASHED_TYPE = { arrow: 'dashedArrow', line: 'dashedLine', curvedArrow: 'dashedCurvedArrow', curved: 'dashedCurved' } as const;
export type DashedType = (typeof DASHED_TYPE)[keyof typeof DASHED_TYPE];
