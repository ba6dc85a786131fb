import { html, type Html } from '../html';
import {
  BAR,
  frame,
  INK,
  MUTED,
  scale,
  shownValues,
  WIDTH,
  type ChartText,
  type Mark,
} from './charts';

interface Plot {
  x: (i: number) => number;
  y: (value: number) => number;
}

const LAYOUT = { height: 260, left: 64, right: 56, top: 24, bottom: 44 };

/** Text at a point, centred unless told otherwise. */
const label = (x: string | number, y: number, content: string, fill = INK, anchor = 'middle') =>
  html`<text x="${x}" y="${y.toFixed(1)}" text-anchor="${anchor}" font-size="11" fill="${fill}"
    >${content}</text
  >`;

/** Horizontal grid lines with their values; the zero line is drawn darker. */
function grid(plot: Plot, ticks: number[], tick: (value: number) => string): Html[] {
  return ticks.map(
    (value) =>
      html`<line
          x1="${LAYOUT.left}"
          x2="${WIDTH - LAYOUT.right}"
          y1="${plot.y(value).toFixed(1)}"
          y2="${plot.y(value).toFixed(1)}"
          stroke="${value === 0 ? INK : '#767676'}"
          stroke-width="${value === 0 ? 1.5 : 0.5}"
        />
        ${label(LAYOUT.left - 8, plot.y(value) + 4, tick(value), INK, 'end')}`,
  );
}

/** One series over time; suppressed periods break the line and are marked at the baseline. */
export function lineChart(
  id: string,
  text: ChartText & { suppressedShort: string; tick: (value: number) => string },
  points: Mark[],
): Html {
  const { height, left, right, top, bottom } = LAYOUT;
  const axis = scale(shownValues(points));
  const plotWidth = WIDTH - left - right;
  const plot: Plot = {
    x: (i) =>
      points.length <= 1 ? left + plotWidth / 2 : left + (i / (points.length - 1)) * plotWidth,
    y: (value) => top + ((axis.max - value) / (axis.max - axis.min)) * (height - top - bottom),
  };
  const body = grid(plot, axis.ticks, text.tick);
  body.push(
    html`<path
      d="${linePath(points, plot.x, plot.y)}"
      fill="none"
      stroke="${BAR}"
      stroke-width="2.5"
    />`,
  );
  // At most eight period names fit under the axis; every value is still written at its point.
  const every = Math.ceil(points.length / 8);
  points.forEach((point, i) => {
    const px = plot.x(i).toFixed(1);
    if (point.cell.suppressed) {
      body.push(label(px, plot.y(0) - 6, text.suppressedShort, MUTED));
    } else {
      const py = plot.y(point.cell.value);
      body.push(
        html`<circle cx="${px}" cy="${py.toFixed(1)}" r="4" fill="${BAR}" />
          ${label(px, py - 9, point.text)}`,
      );
    }
    if (i % every === 0) body.push(label(px, height - bottom + 18, point.label));
  });
  return frame(id, text, height, body);
}

/** The SVG path through the shown points; a suppressed point starts a new segment. */
export function linePath(
  points: Mark[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  let path = '';
  let drawing = false;
  points.forEach((point, i) => {
    if (point.cell.suppressed) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)} ${y(point.cell.value).toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}
