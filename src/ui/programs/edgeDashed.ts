/**
 * Dashed edge programs
 * ====================
 *
 * A negated relation ("Putin did not attend the summit") must not look like
 * one that happened. sigma 3 has no dashed edges, so these wrap its own
 * programs (straight: sigma's clamped/rectangle programs; curved:
 * @sigma/edge-curve) and patch their shaders: the fragment shader discards
 * every other stretch of the edge, measured as the on-screen distance from
 * the source node (for a gently bent parallel edge that is close enough to
 * the length along the curve). Only the drawing is dashed: the picking pass
 * keeps the whole edge, so the gaps stay clickable. Arrow heads stay solid.
 * Plain GLSL 1.0 (`mod`, `discard`), which software WebGL runs as well.
 */

import { createEdgeCurveProgram } from '@sigma/edge-curve';
import { createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram, EdgeRectangleProgram, type EdgeLabelDrawingFunction, type EdgeProgramType } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';

/** Dash and gap, in CSS pixels (scaled by the pixel ratio in the shader). */
export const DASH = { on: 7, off: 5 } as const;

import type { DashedType } from './dashedTypes.ts';

type Ctor = EdgeProgramType<NodeAttributes, EdgeAttributes>;
interface Definition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
  UNIFORMS: string[];
}
interface ProgramInfo {
  gl: WebGLRenderingContext;
  uniformLocations: Record<string, WebGLUniformLocation>;
}
/** What the wrapper needs of a sigma program class (its public typing hides these). */
type Patchable = new (...args: never[]) => {
  getDefinition(): Definition;
  setUniforms(params: RenderParams, info: ProgramInfo): void;
};

const DASH_UNIFORMS = ['u_dashPixelRatio', 'u_dashDimensions'];

/** The dash test: `along` is the fragment's distance from the source, in device pixels. */
function dashTest(along: string, keep = 'false'): string {
  return `
  #ifndef PICKING_MODE
  if (!(${keep}) && mod(${along}, ${(DASH.on + DASH.off).toFixed(1)} * u_dashPixelRatio) > ${DASH.on.toFixed(1)} * u_dashPixelRatio) discard;
  #endif
`;
}

function insertAfter(source: string, anchor: string, text: string): string {
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`edgeDashed.ts: shader anchor "${anchor}" not found. Fix: re-check the patch against this sigma version.`);
  return source.slice(0, at + anchor.length) + text + source.slice(at + anchor.length);
}

/** Straight edges: the source's device-pixel position, computed per vertex, compared in the fragment. */
function patchStraight(definition: Definition): Definition {
  let vertex = insertAfter(definition.VERTEX_SHADER_SOURCE, 'varying vec4 v_color;', '\nuniform vec2 u_dashDimensions;\nvarying vec2 v_dashSource;');
  vertex = insertAfter(vertex, 'void main() {', '\n  v_dashSource = ((u_matrix * vec3(a_positionStart, 1.0)).xy + 1.0) * 0.5 * u_dashDimensions;');
  let fragment = insertAfter(definition.FRAGMENT_SHADER_SOURCE, 'varying vec4 v_color;', '\nuniform float u_dashPixelRatio;\nvarying vec2 v_dashSource;');
  fragment = insertAfter(fragment, 'void main(void) {', dashTest('length(gl_FragCoord.xy - v_dashSource)'));
  return { ...definition, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment, UNIFORMS: [...definition.UNIFORMS, ...DASH_UNIFORMS] };
}

/** Curved edges: the curve shader already knows the source in device pixels (v_cpA); the head (if any) stays whole. */
function patchCurved(definition: Definition): Definition {
  const source = definition.FRAGMENT_SHADER_SOURCE;
  const keep = source.includes('targetArrowLength') ? 'distToTarget < targetArrowLength' : 'false';
  let fragment = insertAfter(source, 'varying vec4 v_color;', '\nuniform float u_dashPixelRatio;');
  const anchor = '\n  float halfThickness';
  const at = fragment.indexOf(anchor);
  if (at < 0) throw new Error('edgeDashed.ts: curve shader anchor not found. Fix: re-check the patch against @sigma/edge-curve.');
  fragment = fragment.slice(0, at) + dashTest('length(gl_FragCoord.xy - v_cpA)', keep) + fragment.slice(at);
  // u_dashDimensions is set but unused here (the curve shader has its own u_dimensions).
  return { ...definition, FRAGMENT_SHADER_SOURCE: fragment, UNIFORMS: [...definition.UNIFORMS, 'u_dashPixelRatio'] };
}

function dashed(base: Ctor, patch: (definition: Definition) => Definition): Ctor {
  const Base = base as unknown as Patchable;
  class Dashed extends Base {
    override getDefinition(): Definition {
      return patch(super.getDefinition());
    }
    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      const { gl, uniformLocations } = info;
      gl.uniform1f(uniformLocations['u_dashPixelRatio'] ?? null, params.pixelRatio);
      if (uniformLocations['u_dashDimensions']) gl.uniform2f(uniformLocations['u_dashDimensions'], params.width * params.pixelRatio, params.height * params.pixelRatio);
    }
  }
  return Dashed as unknown as Ctor;
}

interface DashedOptions {
  arrowHead: { extremity: 'target'; lengthToThicknessRatio: number; widenessToThicknessRatio: number };
  curvedLabel: EdgeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;
}

/** The four dashed programs, keyed by `DASHED_TYPE` names; arrow heads as large as the solid edges'. */
export function dashedEdgePrograms({ arrowHead, curvedLabel }: DashedOptions): Record<DashedType, Ctor> {
  return {
    dashedArrow: createEdgeCompoundProgram<NodeAttributes, EdgeAttributes>([
      dashed(createEdgeClampedProgram<NodeAttributes, EdgeAttributes>(arrowHead), patchStraight),
      createEdgeArrowHeadProgram<NodeAttributes, EdgeAttributes>(arrowHead),
    ]),
    dashedLine: dashed(EdgeRectangleProgram as unknown as Ctor, patchStraight),
    dashedCurvedArrow: dashed(createEdgeCurveProgram<NodeAttributes, EdgeAttributes>({ arrowHead, drawLabel: curvedLabel }), patchCurved),
    dashedCurved: dashed(createEdgeCurveProgram<NodeAttributes, EdgeAttributes>({ drawLabel: curvedLabel }), patchCurved),
  };
}
