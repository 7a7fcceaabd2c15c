/**
 * Node label drawing
 * ==================
 *
 * sigma's label and hover drawers, restyled for reading: each label sits on
 * a translucent white pill so edges passing under it do not strike through
 * the name, flips to the left of its node
 * near the right edge (see graph/labelPlacement.ts), and the hovered or
 * selected node gets a card-like label with a soft shadow.
 */

import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { labelSide, labelStartX } from '../graph/labelPlacement.ts';

type Drawer = NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;
type HoverDrawer = NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes>;

function setFont(context: CanvasRenderingContext2D, settings: Settings<NodeAttributes, EdgeAttributes>): number {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  return size;
}

function viewportWidth(context: CanvasRenderingContext2D): number {
  // The label canvas is scaled by the pixel ratio; its CSS width is the viewport width.
  return context.canvas.clientWidth || context.canvas.width;
}

export const drawNodeLabel: Drawer = (context, data, settings) => {
  if (!data.label || data['labelHidden'] === true) return;
  const fontSize = setFont(context, settings);
  const width = context.measureText(data.label).width;
  const side = labelSide(data.x, data.size, width, viewportWidth(context));
  const x = labelStartX(side, data.x, data.size, width);
  const y = data.y + fontSize / 3;
  const padX = 3;
  const height = fontSize + 4;
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.beginPath();
  context.roundRect(x - padX, data.y - height / 2, width + 2 * padX, height, 4);
  context.fill();
  context.fillStyle = typeof data['labelColor'] === 'string' ? data['labelColor'] : (settings.labelColor.color ?? '#1f2937');
  context.fillText(data.label, x, y);
};

export const drawNodeHover: HoverDrawer = (context, data, settings) => {
  const fontSize = setFont(context, settings);
  const padding = 4;
  context.save();
  context.fillStyle = '#ffffff';
  context.shadowColor = 'rgba(15, 23, 42, 0.28)';
  context.shadowBlur = 10;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fill();
  if (data.label) {
    const width = context.measureText(data.label).width;
    const side = labelSide(data.x, data.size, width, viewportWidth(context));
    const x = labelStartX(side, data.x, data.size, width) - padding;
    const height = fontSize + 2 * padding;
    context.beginPath();
    context.roundRect(x, data.y - height / 2, width + 2 * padding, height, 5);
    context.fill();
  }
  context.restore();
  if (data.label) {
    const width = context.measureText(data.label).width;
    const side = labelSide(data.x, data.size, width, viewportWidth(context));
    context.fillStyle = settings.labelColor.color ?? '#1f2937';
    context.fillText(data.label, labelStartX(side, data.x, data.size, width), data.y + fontSize / 3);
  }
};
