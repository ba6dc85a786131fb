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

/** One series over time; suppressed periods break the line and are marked at the baseline. */
export function lineChart(
  id: string,
  text: ChartText & { suppressedShort: string; tick: (value: number) => string },
  points: Mark[],
): Html {
  const height = 260;
  const left = 64;
  const right = 56;
  const top = 24;
  const bottom = 44;
  const axis = scale(shownValues(points));
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const x = (i: number) =>
    points.length <= 1 ? left + plotWidth / 2 : left + (i / (points.length - 1)) * plotWidth;
  const y = (value: number) => top + ((axis.max - value) / (axis.max - axis.min)) * plotHeight;
  const body: Html[] = axis.ticks.map(
    (tick) =>
      html`<line
          x1="${left}"
          x2="${WIDTH - right}"
          y1="${y(tick).toFixed(1)}"
          y2="${y(tick).toFixed(1)}"
          stroke="${tick === 0 ? INK : '#767676'}"
          stroke-width="${tick === 0 ? 1.5 : 0.5}"
        />
        <text
          x="${left - 8}"
          y="${(y(tick) + 4).toFixed(1)}"
          text-anchor="end"
          font-size="12"
          fill="${INK}"
          >${text.tick(tick)}</text
        >`,
  );
  body.push(
    html`<path d="${linePath(points, x, y)}" fill="none" stroke="${BAR}" stroke-width="2.5" />`,
  );
  const every = Math.ceil(points.length / 8);
  points.forEach((point, i) => {
    const px = x(i).toFixed(1);
    if (point.cell.suppressed) {
      body.push(
        html`<text
          x="${px}"
          y="${(y(0) - 6).toFixed(1)}"
          text-anchor="middle"
          font-size="11"
          fill="${MUTED}"
          >${text.suppressedShort}</text
        >`,
      );
    } else {
      const py = y(point.cell.value);
      body.push(
        html`<circle cx="${px}" cy="${py.toFixed(1)}" r="4" fill="${BAR}" />
          <text
            x="${px}"
            y="${(py - 9).toFixed(1)}"
            text-anchor="middle"
            font-size="11"
            fill="${INK}"
            >${point.text}</text
          >`,
      );
    }
    if (i % every === 0) {
      body.push(
        html`<text
          x="${px}"
          y="${height - bottom + 18}"
          text-anchor="middle"
          font-size="11"
          fill="${INK}"
          >${point.label}</text
        >`,
      );
    }
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
