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

export const INK = '#1a1a1a';
export const BAR = '#0b4f8a';
export const MUTED = '#595959';
export const WIDTH = 640;

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

export const shownValues = (marks: Mark[]) =>
  marks.flatMap((mark) => (mark.cell.suppressed ? [] : [mark.cell.value]));

export function frame(id: string, text: ChartText, height: number, body: Html[]): Html {
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

const LABEL_WIDTH = 220;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 120;

/** One bar row at height y: its label, the bar (or the hatched marker) and its value. */
function barRow(id: string, text: ChartText, bar: Mark, y: number, axisMax: number): Html {
  const suppressed = bar.cell.suppressed;
  const width = bar.cell.suppressed ? 14 : Math.max(0, (bar.cell.value / axisMax) * BAR_SPACE);
  const fill = suppressed ? `url(#${id}-hatch)` : BAR;
  return html`<text x="12" y="${y + 12}" font-size="13" fill="${INK}">${bar.label}</text>
    <rect
      x="${LABEL_WIDTH}"
      y="${y}"
      width="${width.toFixed(1)}"
      height="14"
      fill="${fill}"
      ${suppressed ? html`stroke="${MUTED}"` : ''}
    />
    <text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 12}" font-size="13" fill="${INK}"
      >${suppressed ? text.suppressed : bar.text}</text
    >`;
}

/** Horizontal bars in labelled groups (a group per funnel step, municipality …). */
export function barChart(id: string, text: ChartText, groups: BarGroup[]): Html {
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
      body.push(barRow(id, text, bar, y, axis.max));
      y += 20;
    }
    y += 6;
  }
  return frame(id, text, groups.length === 0 ? 24 : y, body);
}
