/**
 * Colours for declared types
 * ==========================
 *
 * Relation and entity types a dataset declares without a colour of their own
 * get these, in declaration order (relation types from the start of the
 * list, entity types from its end, so a file with a few of each never
 * repeats one). Chosen by a greedy search to stay far from every built-in
 * relation and entity colour and from each other: each is at least ΔE 24
 * from all of them for normal vision and ΔE 12 under protan, deutan and
 * tritan simulation (tests/unit/colorVision.test.ts checks it), and dark
 * enough to read on the white canvas. After ten, colours repeat; the legend
 * always names the type in words.
 */

export const DECLARED_TYPE_PALETTE: readonly string[] = [
  '#8800FF',
  '#BB66FF',
  '#EE2255',
  '#0033CC',
  '#AA0000',
  '#335533',
  '#99BB88',
  '#CC22BB',
  '#9977DD',
  '#7711AA',
];

/** The `index`-th declared relation type's colour. */
export function declaredRelationColor(index: number): string {
  return DECLARED_TYPE_PALETTE[index % DECLARED_TYPE_PALETTE.length]!;
}

/** The `index`-th declared entity type's colour (taken from the palette's far end). */
export function declaredEntityColor(index: number): string {
  const n = DECLARED_TYPE_PALETTE.length;
  return DECLARED_TYPE_PALETTE[n - 1 - (index % n)]!;
}
