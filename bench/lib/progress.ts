export interface ProgressPhase {
  phase: string;
  seconds: number;
  window: { responses(): number };
}

/**
 * One line of progress on stderr while a load runs: which phase, seconds left, responses and
 * the current rate. Rewritten in place every second on a terminal, a new line every 5 s
 * otherwise (CI logs). Returns the function that ends it.
 */
export function showProgress(
  target: string,
  startedAt: number,
  phases: ProgressPhase[],
): () => void {
  const interactive = process.stderr.isTTY;
  let last = { count: 0, at: startedAt, phase: '' };
  let ticks = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    const current = phaseAt(phases, (now - startedAt) / 1000);
    if (current === undefined) return;
    const count = current.phase.window.responses();
    const previous = current.phase.phase === last.phase ? last.count : 0;
    const rate = ((count - previous) * 1000) / Math.max(1, now - last.at);
    last = { count, at: now, phase: current.phase.phase };
    ticks += 1;
    const line =
      `[${target}] ${current.phase.phase}: ${Math.ceil(current.left)} s left, ` +
      `${count} responses, ${Math.round(rate)}/s now`;
    if (interactive) process.stderr.write(`\r\u001b[2K${line}`);
    else if (ticks % 5 === 0) process.stderr.write(`${line}\n`);
  }, 1000);
  return () => {
    clearInterval(timer);
    if (interactive) process.stderr.write('\r\u001b[2K');
    const counts = phases.map(({ phase, window }) => `${phase} ${window.responses()}`);
    process.stderr.write(`[${target}] done: ${counts.join(', ')} responses\n`);
  };
}

function phaseAt(phases: ProgressPhase[], elapsedSeconds: number) {
  let start = 0;
  for (const phase of phases) {
    if (elapsedSeconds < start + phase.seconds) {
      return { phase, left: start + phase.seconds - elapsedSeconds };
    }
    start += phase.seconds;
  }
  const last = phases[phases.length - 1];
  return last === undefined ? undefined : { phase: last, left: 0 };
}
