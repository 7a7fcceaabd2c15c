import type { Dataset, Edit } from '../schema.ts';
import { typeCatalog } from '../typeCatalog.ts';
import { claimSentence, entityLabel } from './claims.ts';

/** The edit in words, with entity labels and the relation as a sentence ("Rejected: Russia sanctioned Ukraine"). */
export function describeEdit(dataset: Dataset, edit: Edit): string {
  const relation = (id: string) => {
    const r = dataset.relations.find((x) => x.id === id);
    return r ? claimSentence(dataset, r) : `relation ${id}`;
  };
  const name = (id: string) => entityLabel(dataset, id);
  switch (edit.kind) {
    case 'accept':
      return `Accepted: ${relation(edit.relation)}`;
    case 'reject': {
      const reason = edit.reason?.trim();
      return `Rejected: ${relation(edit.relation)}${reason ? ` (reason: ${reason})` : ''}`;
    }
    case 'restore':
      return `Restored: ${relation(edit.relation)}`;
    case 'correct':
      return `Corrected: ${relation(edit.relation)}`;
    case 'add-relation':
      return `Added: ${claimSentence(dataset, edit)}`;
    case 'merge-entities':
      return `Merged ${name(edit.from)} into ${name(edit.into)}`;
    case 'split-entity':
      return `Split ${edit.names.join(', ')} off ${name(edit.entity)}`;
    case 'rename-entity':
      return `Renamed ${name(edit.entity)} to ${edit.label.trim()}`;
    case 'retype-entity':
      return `Retyped ${name(edit.entity)} as ${typeCatalog(dataset).entity(edit.type).label}`;
    case 'add-alias':
      return `Added the name ${edit.alias.trim()} to ${name(edit.entity)}`;
  }
}
