import { html, type Html } from '../html';
import { BAR, frame, INK, scale, WIDTH, type ChartText } from './charts';

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
