import { html, type Html } from '../html';
import type { Cell } from './dashboard-model';

/**
 * Charts as inline SVG drawn on the server (ADR 0014). Each is an image with a title and a
 * description pointing to the data table next to it, which is the text alternative. Every bar
 * and point carries its value as text, so nothing depends on colour; colours have at least 3:1
 * contrast against white (WCAG 1.4.11), text 4.5:1.
 */
export interface ChartText {
  title: string;
  /** Says what is shown and that the table holds the same figures. */
  description: string;
  /** Shown where a cell is suppressed (fewer than 5 founders). */
  suppressed: string;
}

/** One bar (or point): its label, its cell, and the cell's value as formatted text. */
export interface Mark {
  label: string;
  cell: Cell;
  text: string;
}

export interface BarGroup {
  label: string;
  bars: Mark[];
}

const INK = '#1a1a1a';
const BAR = '#0b4f8a';
const MUTED = '#595959';
const WIDTH = 640;

export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** A "nice" axis (steps of 1, 2 or 5 × 10ⁿ) from min to max, always including 0. */
export function scale(values: number[], tickCount = 4): Scale {
  const finite = values.filter((value) => Number.isFinite(value));
  const low = Math.min(0, ...finite);
  // Nothing to show (no values, or only zeros) still gets an axis from 0 to 1.
  const high = Math.max(0, ...finite) === low ? low + 1 : Math.max(0, ...finite);
  const rough = (high - low) / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = tidy(([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude);
  const min = tidy(Math.floor(low / step) * step);
  const max = tidy(Math.max(Math.ceil(high / step) * step, min + step));
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(tidy(tick));
  return { min, max, step, ticks };
}

/** Floating-point noise off (0.6000000000000001 → 0.6). */
const tidy = (value: number) => Number(value.toFixed(10));

const shownValues = (marks: Mark[]) =>
  marks.flatMap((mark) => (mark.cell.suppressed ? [] : [mark.cell.value]));

function frame(id: string, text: ChartText, height: number, body: Html[]): Html {
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    viewBox="0 0 ${WIDTH} ${height}"
    width="100%"
    focusable="false"
    font-family="system-ui, sans-serif"
  >
    <title id="${id}-title">${text.title}</title>
    <desc id="${id}-desc">${text.description}</desc>
    <defs>
      <pattern
        id="${id}-hatch"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <line x1="0" y1="0" x2="0" y2="6" stroke="${MUTED}" stroke-width="2" />
      </pattern>
    </defs>
    ${body}
  </svg>`;
}

/** Horizontal bars in labelled groups (a group per funnel step, municipality …). */
export function barChart(id: string, text: ChartText, groups: BarGroup[]): Html {
  const labelWidth = 220;
  const barSpace = WIDTH - labelWidth - 120;
  const axis = scale(groups.flatMap((group) => shownValues(group.bars)));
  const body: Html[] = [];
  let y = 4;
  for (const group of groups) {
    body.push(
      html`<text x="0" y="${y + 14}" font-weight="700" font-size="14" fill="${INK}"
        >${group.label}</text
      >`,
    );
    y += 22;
    for (const bar of group.bars) {
      const width = bar.cell.suppressed ? 0 : Math.max(0, (bar.cell.value / axis.max) * barSpace);
      body.push(html`<text x="12" y="${y + 12}" font-size="13" fill="${INK}">${bar.label}</text>`);
      body.push(
        bar.cell.suppressed
          ? html`<rect
              x="${labelWidth}"
              y="${y}"
              width="14"
              height="14"
              fill="url(#${id}-hatch)"
              stroke="${MUTED}"
            />`
          : html`<rect
              x="${labelWidth}"
              y="${y}"
              width="${width.toFixed(1)}"
              height="14"
              fill="${BAR}"
            />`,
      );
      const textX = labelWidth + (bar.cell.suppressed ? 14 : width) + 6;
      body.push(
        html`<text x="${textX.toFixed(1)}" y="${y + 12}" font-size="13" fill="${INK}"
          >${bar.cell.suppressed ? text.suppressed : bar.text}</text
        >`,
      );
      y += 20;
    }
    y += 6;
  }
  if (groups.length === 0) y = 24;
  return frame(id, text, y, body);
}

/** One series over time; suppressed periods break the line and are marked at the baseline. */
export function lineChart(
  id: string,
  text: ChartText & { suppressedShort: string; tick: (value: number) => string },
  points: Mark[],
): Html {
  const height = 260;
  const left = 64;
  const right = 24;
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

/** A value against its goal: one bar and a dashed line at the goal, both labelled. */
export function goalChart(
  id: string,
  text: ChartText & { goalLabel: string; valueLabel: string; noValue: string },
  figure: { value: number | null; goal: number },
): Html {
  const left = 24;
  const space = WIDTH - left - 48;
  const axis = scale([figure.value ?? 0, figure.goal * 1.2], 5);
  const at = (value: number) => left + ((value - axis.min) / (axis.max - axis.min)) * space;
  const body: Html[] = [];
  if (figure.value === null) {
    body.push(html`<text x="${left}" y="46" font-size="13" fill="${INK}">${text.noValue}</text>`);
  } else {
    const start = at(Math.min(0, figure.value));
    const width = Math.abs(at(figure.value) - at(0));
    body.push(
      html`<rect
          x="${start.toFixed(1)}"
          y="30"
          width="${width.toFixed(1)}"
          height="24"
          fill="${BAR}"
        />
        <text x="${left}" y="20" font-size="13" fill="${INK}">${text.valueLabel}</text>`,
    );
  }
  const goalX = at(figure.goal).toFixed(1);
  body.push(
    html`<line
        x1="${goalX}"
        x2="${goalX}"
        y1="24"
        y2="66"
        stroke="${INK}"
        stroke-width="2"
        stroke-dasharray="5 3"
      />
      <text x="${goalX}" y="84" text-anchor="middle" font-size="13" fill="${INK}"
        >${text.goalLabel}</text
      >`,
  );
  return frame(id, text, 96, body);
}
