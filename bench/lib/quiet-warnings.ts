/**
 * Node 24 warns (TimeoutNegativeWarning) whenever a timer is given a negative delay; kafkajs
 * 2.2.4 does that harmlessly (see packages/messaging/README.md), and so can autocannon's
 * request timer when a timeout fires. Those lines are dropped so the progress and the figures
 * stay readable; every other warning is printed as before.
 */
export function dropTimeoutNegativeWarnings(): void {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    for (const print of printers) print(warning);
  });
}
