/**
 * Graph attributes
 * ================
 *
 * What each node and edge of the explorer's graphology graph carries. These
 * are domain facts plus the layout position; colours and sizes for drawing are
 * derived here once from the registries, and everything transient (hover,
 * selection, filters) is applied by sigma's reducers, never written back.
 */

import type { AbstractGraph } from 'graphology-types';
import type { EntityTypeId, RelationTypeId } from '../model/index.ts';

export interface NodeAttributes {
  label: string;
  entityType: EntityTypeId;
  aliases: string[];
  mentionCount: number;
  /** Number of relations touching this entity, whatever their type. */
  degree: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttributes {
  /** The dataset relation id (also the edge key). */
  relationId: string;
  relationType: RelationTypeId;
  label: string;
  hedged: boolean;
  negated: boolean;
  evidenceCount: number;
  color: string;
  size: number;
  /** sigma edge program: straight or curved, with or without arrow head. */
  type: 'arrow' | 'line' | 'curvedArrow' | 'curved';
  /** Bend for parallel edges between the same two nodes (see @sigma/edge-curve). */
  curvature: number;
}

export type NewsGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;
