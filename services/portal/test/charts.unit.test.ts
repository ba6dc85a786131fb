import { goalChart } from '../src/pages/chart-goal';
import { lineChart, linePath } from '../src/pages/chart-line';
import { barChart, scale, type Mark } from '../src/pages/charts';
import { SUPPRESSED, type Cell } from '../src/pages/dashboard-model';

const shown = (value: number): Cell => ({ value, suppressed: false });
const mark = (label: string, cell: Cell): Mark => ({
  label,
  cell,
  text: cell.suppressed ? 'fewer than 5' : String(cell.value),
});
const text = {
  title: 'Applied',
  description: 'Same figures in the table',
  suppressed: 'fewer than 5',
};
const lineText = { ...text, suppressedShort: '< 5', tick: (v: number) => String(v) };

/** The text of every <text> element, whitespace as a reader sees it. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text\s*>/g)].map((m) =>
    (m[1] ?? '').replace(/\s+/g, ' ').trim(),
  );

/** The widths of the bars (not the hatched suppressed markers) in drawing order. */
const barWidths = (svg: string) =>
  [...svg.matchAll(/<rect[^>]*width="([\d.]+)"[^>]*fill="#0b4f8a"/g)].map((m) => Number(m[1]));

describe('scale', () => {
  it('rounds the axis up to steps of 1, 2 or 5 and starts at 0', () => {
    expect(scale([7])).toEqual({ min: 0, max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(scale([0.42, 0.6])).toMatchObject({ min: 0, max: 0.6, step: 0.2 });
    expect(scale([1234])).toMatchObject({ max: 1500, step: 500 });
  });

  it('gives an empty or all-zero series an axis of 0 to 1 (no division by zero)', () => {
    expect(scale([])).toMatchObject({ min: 0, max: 1 });
    expect(scale([0, 0])).toMatchObject({ min: 0, max: 1 });
  });

  it('goes below zero for negative figures (jobs lost)', () => {
    const axis = scale([-3, 5]);
    expect(axis.min).toBeLessThan(0);
    expect(axis.ticks).toContain(0);
    expect(axis.max).toBeGreaterThanOrEqual(5);
  });
});

describe('barChart', () => {
  it('draws bars in proportion on one axis, each with its value as text', () => {
    const svg = barChart('c', text, [
      { label: 'Drammen', bars: [mark('Q4 2026', shown(6)), mark('Q3 2026', shown(3))] },
    ]).value;
    const [six, three] = barWidths(svg);
    expect(six).toBeCloseTo((three ?? 0) * 2, 0);
    expect(texts(svg)).toEqual(['Drammen', 'Q4 2026', '6', 'Q3 2026', '3']);
  });

  it('draws a suppressed cell as a hatched marker saying "fewer than 5", never as a bar', () => {
    const svg = barChart('c', text, [
      { label: 'Lier', bars: [mark('Q4 2026', SUPPRESSED), mark('Q3 2026', shown(10))] },
    ]).value;
    expect(barWidths(svg)).toHaveLength(1);
    expect(svg).toContain('fill="url(#c-hatch)"');
    expect(texts(svg)).toContain('fewer than 5');
  });

  it('is an image named by its title and description', () => {
    const svg = barChart('c', text, []).value;
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toMatch(/<title id="c-title">\s*Applied\s*<\/title>/);
    expect(svg).toMatch(/viewBox="0 0 640 \d+"/);
  });

  it('escapes labels, so names can never become markup', () => {
    const svg = barChart('c', { ...text, title: '<b>"x"</b>' }, [
      { label: 'A & <B>', bars: [mark('<script>', shown(5))] },
    ]).value;
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });
});

describe('lineChart', () => {
  it('breaks the line at a suppressed period and marks it "< 5" instead of a point', () => {
    const points = [mark('Jan', shown(5)), mark('Feb', SUPPRESSED), mark('Mar', shown(7))];
    const svg = lineChart('l', lineText, points).value;
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(texts(svg)).toContain('&lt; 5');
    const path = /<path\s+d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).not.toContain('L');
  });

  it('joins neighbouring shown periods with one segment', () => {
    const path = linePath(
      [mark('a', shown(1)), mark('b', shown(2)), mark('c', shown(3))],
      (i) => i * 10,
      (v) => 100 - v,
    );
    expect(path).toBe('M0.0 99.0 L10.0 98.0 L20.0 97.0');
  });

  it('draws an empty series as axes only', () => {
    const svg = lineChart('l', lineText, []).value;
    expect(svg).not.toContain('<circle');
    expect(svg).toMatch(/<path\s+d=""/);
  });
});

describe('goalChart', () => {
  it('places the goal line at the goal and the bar at the value, on the same axis', () => {
    const svg = goalChart(
      'g',
      {
        ...text,
        goalLabel: 'Goal 0.5',
        valueLabel: 'Jobs per new inhabitant: 0.42',
        noValue: 'n/a',
      },
      { value: 0.42, goal: 0.5 },
    ).value;
    const goalX = Number(/<line[^>]*?x1="([\d.]+)"[^>]*stroke-dasharray/.exec(svg)?.[1]);
    const width = barWidths(svg)[0] ?? 0;
    // Both start at x = 24 (the axis' 0): the bar ends at 0.42/0.5 of the goal line's distance.
    expect(width / (goalX - 24)).toBeCloseTo(0.84, 2);
    expect(texts(svg)).toContain('Goal 0.5');
  });

  it('says so when there is no value (the population did not grow)', () => {
    const svg = goalChart(
      'g',
      { ...text, goalLabel: 'Goal 0.5', valueLabel: '', noValue: 'Cannot be computed' },
      { value: null, goal: 0.5 },
    ).value;
    expect(barWidths(svg)).toEqual([]);
    expect(texts(svg)).toContain('Cannot be computed');
  });
});
