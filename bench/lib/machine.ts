import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** What the figures were measured on, and how busy the machine was with other work. */
export function machineDescription(loadAverage1mAtStart: number) {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage1mAtStart,
    loadAverage1mAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export const loadAverageNow = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;
