/**
 * Image export — the graph as a PNG, with its legend
 * ==================================================
 *
 * @sigma/export-image redraws the current view (same camera, same reducers,
 * so filters, focus and paths are kept) onto a canvas; a picture of coloured
 * dots means nothing without its key, so a legend column (title, entity
 * types, relation types shown) is painted beside it on a 2D canvas before the
 * whole is encoded as PNG. The legend is text drawn with fillText, never HTML.
 */

import { drawOnCanvas } from '@sigma/export-image';
import Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { CANVAS_BACKGROUND } from './lookStyles.ts';

export interface ImageLegend {
  title: string;
  entities: ReadonlyArray<{ label: string; color: string }>;
  relations: ReadonlyArray<{ label: string; color: string }>;
}

const LEGEND_WIDTH = 240;
const PAD = 18;
const ROW = 20;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Wraps `text` into lines no wider than `width` (title only; labels are short). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (ctx.measureText(next).width > width && line !== '') {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: ImageLegend, left: number, height: number): void {
  ctx.fillStyle = '#f7f8fa';
  ctx.fillRect(left, 0, LEGEND_WIDTH, height);
  ctx.fillStyle = '#e3e6eb';
  ctx.fillRect(left, 0, 1, height);
  let y = PAD + 6;
  const x = left + PAD;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#161b26';
  ctx.font = `600 13px ${FONT}`;
  for (const line of wrap(ctx, legend.title, LEGEND_WIDTH - 2 * PAD)) {
    ctx.fillText(line, x, y);
    y += 17;
  }
  const section = (heading: string, items: ImageLegend['entities'], draw: (color: string, yy: number) => void) => {
    y += 12;
    ctx.fillStyle = '#6b7384';
    ctx.font = `600 11px ${FONT}`;
    ctx.fillText(heading.toUpperCase(), x, y);
    y += ROW;
    ctx.font = `12px ${FONT}`;
    for (const item of items) {
      draw(item.color, y);
      ctx.fillStyle = '#161b26';
      ctx.fillText(item.label, x + 30, y);
      y += ROW;
    }
  };
  section('Entities', legend.entities, (color, yy) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x + 8, yy, 6, 0, Math.PI * 2);
    ctx.fill();
  });
  section('Relations', legend.relations, (color, yy) => {
    ctx.fillStyle = color;
    ctx.fillRect(x, yy - 2, 22, 4);
  });
  y += 6;
  ctx.fillStyle = '#6b7384';
  ctx.font = `11px ${FONT}`;
  ctx.fillText('Pale, thin edges: claims or allegations', x, y);
}

/**
 * drawOnCanvas is typed for sigma's default attribute types, which our
 * narrower instance does not match structurally (reducers are contravariant);
 * a runtime instanceof check bridges the two without a blind cast.
 */
function plainSigma(value: unknown): Sigma {
  if (value instanceof Sigma) return value;
  throw new Error('exportImage.ts: expected the sigma instance of the graph view. Fix: pass GraphCanvas’s sigmaRef.current.');
}

/** The current view plus legend, as a PNG blob. */
export async function graphImage(sigma: Sigma<NodeAttributes, EdgeAttributes>, legend: ImageLegend): Promise<Blob> {
  const graphCanvas = await drawOnCanvas(plainSigma(sigma), { backgroundColor: CANVAS_BACKGROUND });
  const ratio = graphCanvas.width / Math.max(1, sigma.getDimensions().width);
  const rowsHeight = (legend.entities.length + legend.relations.length + 8) * ROW + 60;
  const height = Math.max(graphCanvas.height, Math.ceil(rowsHeight * ratio));
  const canvas = document.createElement('canvas');
  canvas.width = graphCanvas.width + Math.ceil(LEGEND_WIDTH * ratio);
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('exportImage.ts: this browser gives no 2D canvas context, so the PNG cannot be composed.');
  ctx.fillStyle = CANVAS_BACKGROUND;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(graphCanvas, 0, 0);
  ctx.save();
  ctx.scale(ratio, ratio);
  drawLegend(ctx, legend, graphCanvas.width / ratio, height / ratio);
  ctx.restore();
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('exportImage.ts: the canvas could not be encoded as PNG.'))), 'image/png');
  });
}

/** Saves `blob` as a file through a temporary link (no third-party saver needed). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
