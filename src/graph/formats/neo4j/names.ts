/**
 * Neo4j label and relationship-type names for newsgraph type ids
 * ==============================================================
 *
 * `neo4j-admin database import` takes `:LABEL` and `:TYPE` values as written,
 * but a name outside `[A-Za-z_][A-Za-z0-9_]*` needs backticks in every Cypher
 * query, and a declared type id may be anything ("supplies drones to", "組織").
 * So each type id gets a plain identifier, following Neo4j's naming
 * conventions (Cypher Manual, "Naming rules and recommendations"):
 *
 *   entity type   → a label in PascalCase:            issued-warrant → IssuedWarrant, organisation → Organisation
 *   relation type → a relationship type, UPPER_SNAKE: issued-warrant → ISSUED_WARRANT
 *
 * Accents are dropped (Ñandú → Nandu); other letters outside ASCII are dropped
 * too, and an id with nothing left is named `Type`/`TYPE`; a name starting
 * with a digit gets `T`/`T_` in front. Names that would clash — with each other
 * or with the export's own `Entity`, `Document` and `MENTIONED_IN` — get `2`,
 * `3`, … (`_2` for relationship types) in the order of the dataset's type
 * catalog, so the same dataset always gets the same names. The exact type id
 * is kept as a property (`type` on entities, `relationType` on relationships).
 */

/** Labels and relationship types the export itself uses. */
export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const MENTIONED_IN_TYPE = 'MENTIONED_IN';

/** The ASCII words of an id: accents taken off, everything else a separator. */
function words(id: string): string[] {
  return id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `issued-warrant` → `IssuedWarrant` (the rest of each word kept as written: `ORG` stays `ORG`). */
export function labelBase(id: string): string {
  const name = words(id)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  if (name === '') return 'Type';
  return /^[0-9]/.test(name) ? `T${name}` : name;
}

/** `issued-warrant` → `ISSUED_WARRANT`. */
export function relationshipTypeBase(id: string): string {
  const name = words(id)
    .map((w) => w.toUpperCase())
    .join('_');
  if (name === '') return 'TYPE';
  return /^[0-9]/.test(name) ? `T_${name}` : name;
}

/** One distinct name per id, in the order given; `reserved` names are never handed out. */
function distinctNames(ids: Iterable<string>, base: (id: string) => string, reserved: readonly string[], separator: string): Map<string, string> {
  const names = new Map<string, string>();
  // Compared case-insensitively: `Org` and `ORG` would be two labels that read as one.
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  for (const id of ids) {
    if (names.has(id)) continue;
    const stem = base(id);
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}${separator}${n}`;
    taken.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

/** Labels for entity type ids (catalog order first, so the names do not depend on which types are in use). */
export function entityLabels(ids: Iterable<string>): Map<string, string> {
  return distinctNames(ids, labelBase, [ENTITY_LABEL, DOCUMENT_LABEL], '');
}

/** Relationship types for relation type ids. */
export function relationshipTypes(ids: Iterable<string>): Map<string, string> {
  return distinctNames(ids, relationshipTypeBase, [MENTIONED_IN_TYPE], '_');
}
