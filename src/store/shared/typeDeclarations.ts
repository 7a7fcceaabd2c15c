/**
 * Storing a dataset's declared types
 * ==================================
 *
 * Inside the writer's transaction (write.ts), before anything else of the
 * dataset: a declaration whose id the corpus lacks is stored as given; one
 * whose id the corpus holds alike keeps the corpus's first declaration (a
 * note says so when this dataset's is worded or coloured otherwise).
 *
 * An id the corpus holds as a relation type of the other direction, or as
 * the other kind of type, cannot be shared: the corpus keys a symmetric
 * relation by its ordered ends, and merging would silently turn one file's
 * arrows into another's lines. Refusing the input instead would lose a whole
 * graph for a name it often did not choose (two graphs' untyped edges, both
 * `related-to`, one directed and one not, is the common case). So the
 * dataset's type gets a corpus id of its own — the first of `id-2`, `id-3` …
 * that is free or held alike — its relations (or entities) are written under
 * it, and a note says so, one line for that input. A relation type renamed
 * for its direction says the direction in its label ("related to
 * (symmetric)"), so the legend tells the two apart. The same input added
 * again finds the same id.
  *
 * Written once as query steps (querySteps.ts) for both stores. `ON CONFLICT
 * DO NOTHING`: on PostgreSQL another ingest may declare the same id at once,
 * and the first committed wins, as in one process; on SQLite (one writer)
 * the row was just looked up absent, so it never fires.
 */

import { isBuiltInEntityTypeId } from '../../model/entityTypes.ts';
import { quoteText } from '../../model/errors.ts';
import { isBuiltInRelationTypeId } from '../../model/relationTypes.ts';
import { isReservedId } from '../../model/reservedIds.ts';
import type { Dataset, EntityTypeDeclaration, RelationTypeDeclaration } from '../../model/schema.ts';
import { entityDeclaration, relationDeclaration, type EntityTypeRow, type RelationTypeRow } from './declaredTypes.ts';
import { query, type Steps } from './querySteps.ts';

export interface WrittenTypes {
  /** The dataset to write: the one given, or a copy whose types were given corpus ids of their own. */
  dataset: Dataset;
  /** One line per declaration kept otherwise than given. */
  notes: string[];
}

/** `"supplies drones to" ("supplies-drones-to")`, or the id alone when it is the label. */
function named(id: string, label: string): string {
  return label === id ? quoteText(id) : `${quoteText(label)} (${quoteText(id)})`;
}

const direction = (directed: boolean) => (directed ? 'directed' : 'symmetric');
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const worded = (a: { label: string; color?: string | undefined; description?: string | undefined }, b: typeof a) => a.label === b.label && a.color === b.color && a.description === b.description;

/** One dataset's declarations written, in the caller's transaction: made anew for each (its rows are read in that transaction). */
export class TypeDeclarationSteps {
  /** Declarations read so far: `fits` asks about the same ids many times. */
  private readonly relationRows = new Map<string, RelationTypeRow | undefined>();
  private readonly entityRows = new Map<string, EntityTypeRow | undefined>();

  constructor(
    /** The corpus's name, for notes. */
    private readonly corpus: string,
  ) {}

  private *relationType(id: string): Steps<RelationTypeRow | undefined> {
    if (!this.relationRows.has(id)) this.relationRows.set(id, (yield* query<RelationTypeRow>('SELECT id, label, negated_label, directed, color, description FROM relation_types WHERE id = ?', id))[0]);
    return this.relationRows.get(id);
  }

  private *entityType(id: string): Steps<EntityTypeRow | undefined> {
    if (!this.entityRows.has(id)) this.entityRows.set(id, (yield* query<EntityTypeRow>('SELECT id, label, color, description FROM entity_types WHERE id = ?', id))[0]);
    return this.entityRows.get(id);
  }

  /** Stores the dataset's declarations (see the header); the dataset to write, with notes. */
  *write(dataset: Dataset): Steps<WrittenTypes> {
    const notes: string[] = [];
    // Ids this dataset declares itself: never taken for another of its types.
    const own = new Set([...(dataset.relationTypes ?? []), ...(dataset.entityTypes ?? [])].map((d) => d.id));
    const relationIds = new Map<string, string>();
    const entityIds = new Map<string, string>();

    let relationTypes: RelationTypeDeclaration[] | undefined;
    if (dataset.relationTypes) {
      relationTypes = [];
      for (const declaration of dataset.relationTypes) {
        const self = this;
        const fits = function* (id: string): Steps<boolean> {
          return (yield* self.entityType(id)) === undefined && ((yield* self.relationType(id))?.directed ?? Number(declaration.directed)) === Number(declaration.directed);
        };
        if (yield* fits(declaration.id)) {
          yield* this.keepRelation(declaration, notes, true);
          relationTypes.push(declaration);
          continue;
        }
        const heldAs = yield* this.relationType(declaration.id);
        const id = yield* this.freeId(declaration.id, own, fits);
        const renamed: RelationTypeDeclaration = { ...declaration, id, ...(heldAs ? { label: `${declaration.label} (${direction(declaration.directed)})` } : {}) };
        yield* this.keepRelation(renamed, notes, false);
        relationIds.set(declaration.id, id);
        const uses = dataset.relations.filter((r) => r.type === declaration.id).length;
        const what = uses === 0 ? 'it' : `this input's ${count(uses, 'relation', 'relations')} of it`;
        const why = heldAs
          ? `is ${direction(declaration.directed)} here but ${direction(heldAs.directed === 1)} in ${this.corpus}`
          : `is an id ${this.corpus} holds as an entity type`;
        notes.push(`relation type ${named(declaration.id, declaration.label)} ${why} (declared so by an earlier input), so ${what} went in as ${named(id, renamed.label)}, a type of its own`);
        relationTypes.push(renamed);
      }
    }

    let entityTypes: EntityTypeDeclaration[] | undefined;
    if (dataset.entityTypes) {
      entityTypes = [];
      const self = this;
      const fits = function* (id: string): Steps<boolean> {
        return (yield* self.relationType(id)) === undefined;
      };
      for (const declaration of dataset.entityTypes) {
        if (yield* fits(declaration.id)) {
          yield* this.keepEntity(declaration, notes, true);
          entityTypes.push(declaration);
          continue;
        }
        const id = yield* this.freeId(declaration.id, own, fits);
        const renamed: EntityTypeDeclaration = { ...declaration, id };
        yield* this.keepEntity(renamed, notes, false);
        entityIds.set(declaration.id, id);
        const uses = dataset.entities.filter((e) => e.type === declaration.id).length;
        const what = uses === 0 ? 'it' : `this input's ${count(uses, 'entity', 'entities')} of it`;
        notes.push(
          `entity type ${named(declaration.id, declaration.label)} is an id ${this.corpus} holds as a relation type (declared so by an earlier input), so ${what} went in as type ${quoteText(id)}`,
        );
        entityTypes.push(renamed);
      }
    }

    if (relationIds.size === 0 && entityIds.size === 0) return { dataset, notes };
    const written: Dataset = {
      ...dataset,
      entities: entityIds.size === 0 ? dataset.entities : dataset.entities.map((e) => (entityIds.has(e.type) ? { ...e, type: entityIds.get(e.type)! } : e)),
      relations: relationIds.size === 0 ? dataset.relations : dataset.relations.map((r) => (relationIds.has(r.type) ? { ...r, type: relationIds.get(r.type)! } : r)),
    };
    if (relationTypes) written.relationTypes = relationTypes;
    if (entityTypes) written.entityTypes = entityTypes;
    return { dataset: written, notes };
  }

  /** The first of `id-2`, `id-3` … that `fits` and is no built-in, reserved or other own id. */
  private *freeId(id: string, own: ReadonlySet<string>, fits: (id: string) => Steps<boolean>): Steps<string> {
    for (let n = 2; ; n++) {
      const candidate = `${id}-${n}`;
      if (own.has(candidate) || isBuiltInRelationTypeId(candidate) || isBuiltInEntityTypeId(candidate) || isReservedId(candidate)) continue;
      if (yield* fits(candidate)) return candidate;
    }
  }

  /** Stores a declaration the corpus lacks; notes one it holds otherwise worded (`noteWording`: its id is the dataset's own). */
  private *keepRelation(declaration: RelationTypeDeclaration, notes: string[], noteWording: boolean): Steps<void> {
    const held = yield* this.relationType(declaration.id);
    if (held === undefined) {
      yield* query(
        'INSERT INTO relation_types (id, label, negated_label, directed, color, description) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
        declaration.id, declaration.label, declaration.negatedLabel ?? null, declaration.directed ? 1 : 0, declaration.color ?? null, declaration.description ?? null,
      );
      this.relationRows.delete(declaration.id);
      return;
    }
    const first = relationDeclaration(held);
    if (noteWording && (!worded(first, declaration) || first.negatedLabel !== declaration.negatedLabel)) notes.push(this.keptNote('relation', first.id, first.label));
  }

  private *keepEntity(declaration: EntityTypeDeclaration, notes: string[], noteWording: boolean): Steps<void> {
    const held = yield* this.entityType(declaration.id);
    if (held === undefined) {
      yield* query('INSERT INTO entity_types (id, label, color, description) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', declaration.id, declaration.label, declaration.color ?? null, declaration.description ?? null);
      this.entityRows.delete(declaration.id);
      return;
    }
    if (noteWording && !worded(entityDeclaration(held), declaration)) notes.push(this.keptNote('entity', held.id, held.label));
  }

  private keptNote(kind: 'relation' | 'entity', id: string, label: string): string {
    return `${kind} type ${named(id, label)} keeps ${this.corpus}'s first declaration; this input words or colours it otherwise`;
  }
}
