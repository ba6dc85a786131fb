/**
 * The floor of the memory benchmark: a process that does nothing, started the way the services
 * are (`node --import tsx`). Its resident memory is what every service pays before its own code.
 */
const timer = setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
