/**
 * A path in words
 * ===============
 *
 * What the path panel says about each hop of a traced path: the two entities
 * in path order, and each relation joining them with the direction in words —
 * a path follows connections either way, so a hop may run against the
 * relation ("Vladimir Putin to International Criminal Court" uses "the court
 * issued an arrest warrant for Putin", read backwards).
 */

import type { PathHop } from '../graph/paths.ts';
import { reportedIn, type TypeCatalog } from '../model/index.ts';
import type { DatasetIndex } from './datasetIndex.ts';
import { describeRelation, type EntityRef, type RelationView } from './relationView.ts';
import type { Visibility } from './scene.ts';

export type HopDirection = 'forward' | 'backward' | 'undirected';

export interface HopRelation {
  view: RelationView;
  direction: HopDirection;
  /** "Armenia threatened to arrest Vladimir Putin" style reading, from the path's point of view. */
  wording: string;
}

export interface HopView {
  step: number;
  from: EntityRef;
  to: EntityRef;
  relations: HopRelation[];
}

function ref(index: DatasetIndex, id: string): EntityRef {
  return { id, label: index.entities.get(id)?.label ?? id };
}

export function describeHop(index: DatasetIndex, hop: PathHop, step: number): HopView {
  const from = ref(index, hop.from);
  const to = ref(index, hop.to);
  const relations: HopRelation[] = [];
  for (const id of hop.edges) {
    const relation = index.relations.get(id);
    if (!relation) continue;
    const view = describeRelation(index, relation);
    const direction: HopDirection = !view.directed ? 'undirected' : relation.source === hop.from ? 'forward' : 'backward';
    const wording =
      direction === 'forward'
        ? `${from.label} ${view.phrase} ${to.label}.`
        : direction === 'backward'
          ? `Against the arrow: ${to.label} ${view.phrase} ${from.label}.`
          : `${view.source.label} and ${view.target.label}: ${view.phrase} (no direction).`;
    relations.push({ view, direction, wording });
  }
  return { step, from, to, relations };
}

export function describePath(index: DatasetIndex, hops: readonly PathHop[]): HopView[] {
  return hops.map((hop, i) => describeHop(index, hop, i + 1));
}

/*
 * Why an end is out of reach
 * --------------------------
 * "No path" must name the filter that is in the way, not guess: a 2-step
 * focus, an entity-type filter, the article filter, or "hide entities with
 * no visible relation" (and then what hid the entity's relations). The
 * checks follow the order in which scene.ts narrows the nodes.
 */

/** What hides one relation of an entity (the first filter that drops it). */
export type RelationBlocker = 'relation-type' | 'article' | 'reviewed' | 'time-window' | 'outlets' | 'entity-type' | 'focus';

export type HiddenReason =
  | { kind: 'missing' }
  | { kind: 'article' }
  | { kind: 'entity-type'; type: string }
  | { kind: 'focus'; centre: string; depth: number }
  | { kind: 'unconnected'; blockers: RelationBlocker[] };

/** Why a shown entity's relations are not drawn, in a fixed order. */
function relationBlockers(visibility: Visibility, node: string): RelationBlocker[] {
  const { model, inputs, articles } = visibility;
  const index = model.index;
  const found = new Set<RelationBlocker>();
  for (const key of index.nodeEdges.get(node) ?? []) {
    const edge = index.edges.get(key);
    if (!edge || visibility.edges.has(key)) continue;
    if (!inputs.enabledTypes.has(edge.type)) found.add('relation-type');
    else if (articles !== null && !articles.relations.has(key)) found.add('article');
    else if (visibility.inScope !== null && !visibility.inScope.has(key)) {
      // In the articles shown but out of scope: reviewed under "unreviewed only", the window, else the outlet minimum.
      const time = model.reporting.times.get(key);
      if (visibility.reviewed?.has(key) === true) found.add('reviewed');
      else if (inputs.window !== null && (time === undefined || !reportedIn(time, inputs.window))) found.add('time-window');
      else found.add('outlets');
    } else {
      const hidden = inputs.hiddenEntityTypes;
      const sourceType = index.nodeTypes.get(edge.source);
      const targetType = index.nodeTypes.get(edge.target);
      if ((sourceType !== undefined && hidden.has(sourceType)) || (targetType !== undefined && hidden.has(targetType))) found.add('entity-type');
      else found.add('focus');
    }
  }
  const order: RelationBlocker[] = ['relation-type', 'article', 'reviewed', 'time-window', 'outlets', 'entity-type', 'focus'];
  return order.filter((blocker) => found.has(blocker));
}

/** Why `node` is not drawn; null when it is. */
export function hiddenReason(visibility: Visibility, node: string): HiddenReason | null {
  const { model, inputs, articles, nodes } = visibility;
  if (!model.index.nodeTypes.has(node)) return { kind: 'missing' };
  if (nodes === null || nodes.has(node)) return null;
  if (articles !== null && !articles.entities.has(node)) return { kind: 'article' };
  const type = model.index.nodeTypes.get(node);
  if (type !== undefined && inputs.hiddenEntityTypes.has(type)) return { kind: 'entity-type', type };
  const around = inputs.neighbourhood;
  if (around !== null && around.node !== node) {
    // The focus applies only while its centre is in the articles shown (as in scene.ts).
    const centreShown = model.index.nodeTypes.has(around.node) && (articles === null || articles.entities.has(around.node));
    if (centreShown && !withinFocus(visibility, around.node, around.depth, node)) return { kind: 'focus', centre: around.node, depth: around.depth };
  }
  return { kind: 'unconnected', blockers: relationBlockers(visibility, node) };
}

/** Is `node` within the focus's depth over the relations the other filters leave (the edges scene.ts walks from the centre)? */
function withinFocus(visibility: Visibility, centre: string, depth: number, node: string): boolean {
  const { model, inputs, inScope } = visibility;
  const index = model.index;
  const hidden = inputs.hiddenEntityTypes;
  const typeShown = (n: string) => {
    const type = index.nodeTypes.get(n);
    return type === undefined || !hidden.has(type);
  };
  const usable = (key: string) => {
    const edge = index.edges.get(key);
    return edge !== undefined && inputs.enabledTypes.has(edge.type) && (inScope === null || inScope.has(key)) && typeShown(edge.source) && typeShown(edge.target);
  };
  const reached = new Set([centre]);
  let frontier = [centre];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const key of index.nodeEdges.get(at) ?? []) {
        const edge = index.edges.get(key);
        if (!edge || !usable(key)) continue;
        const other = edge.source === at ? edge.target : edge.source;
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return reached.has(node);
}

const BLOCKER_WORDS: Record<RelationBlocker, string> = {
  'relation-type': 'the relation-type filter',
  article: 'the article filter',
  reviewed: '“Unreviewed only”',
  'time-window': 'the time window',
  outlets: 'the minimum number of outlets',
  'entity-type': 'the entity-type filter (on the other end)',
  focus: 'the focus',
};

function list(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** One sentence: what hides `label` and how to bring it back. */
export function hiddenEndMessage(catalog: TypeCatalog, label: string, reason: HiddenReason, centreLabel: (id: string) => string): string {
  switch (reason.kind) {
    case 'missing':
      return `${label} is not in this graph.`;
    case 'article':
      return `${label} is not in the articles shown; show its article to include it.`;
    case 'entity-type': {
      const type = catalog.entity(reason.type).label;
      return `${label} is a ${type}, and the entity-type filter hides ${type} entities; show ${type} to include it.`;
    }
    case 'focus':
      return `${label} is outside the ${reason.depth}-step focus on ${centreLabel(reason.centre)}; clear the focus to include it.`;
    case 'unconnected': {
      const why = reason.blockers.length === 0 ? '' : ` (its relations are hidden by ${list(reason.blockers.map((b) => BLOCKER_WORDS[b]))})`;
      return `${label} has no relation on screen${why}, and “Hide entities with no visible relation” is on; turn it off to include it.`;
    }
  }
}

/**
 * The "no path" message for a traced path: each hidden end with its cause;
 * else, for two shown ends, what hides the relations of an end left with none.
 */
export function noPathMessage(visibility: Visibility, catalog: TypeCatalog, from: string, to: string, labelOf: (id: string) => string): string {
  const hidden: string[] = [];
  for (const end of from === to ? [from] : [from, to]) {
    const reason = hiddenReason(visibility, end);
    if (reason !== null) hidden.push(hiddenEndMessage(catalog, labelOf(end), reason, labelOf));
  }
  if (hidden.length > 0) return `No path: ${hidden.join(' ')}`;
  const between = `No path between ${labelOf(from)} and ${labelOf(to)} under the current filters`;
  for (const end of [from, to]) {
    const drawn = (visibility.model.index.nodeEdges.get(end) ?? []).some((key) => visibility.edges.has(key));
    if (drawn) continue;
    const blockers = relationBlockers(visibility, end);
    if (blockers.length > 0) return `${between}: ${labelOf(end)} has no relation on screen (hidden by ${list(blockers.map((b) => BLOCKER_WORDS[b]))}).`;
  }
  const narrowing: string[] = [];
  const { inputs } = visibility;
  if (inputs.neighbourhood !== null) narrowing.push('the focus');
  if (inputs.hiddenEntityTypes.size > 0) narrowing.push('the entity-type filter');
  if (visibility.model.index.relationTypes.some((type) => !inputs.enabledTypes.has(type))) narrowing.push('the relation-type filter');
  if (inputs.window !== null) narrowing.push('the time window');
  if (inputs.minOutlets > 1) narrowing.push('the minimum number of outlets');
  if (inputs.unreviewedOnly) narrowing.push('“Unreviewed only”');
  if (visibility.articles !== null) narrowing.push('the article filter');
  return narrowing.length === 0
    ? `No path between ${labelOf(from)} and ${labelOf(to)}: nothing in this graph connects them.`
    : `${between} (${list(narrowing)}); loosen ${narrowing.length === 1 ? 'it' : 'them'} to look further.`;
}
