import { t, type PageContext } from '../layout';
import { periodLabel, valueLabel } from './dashboard-format';

/** One of metrics' entries: kind, kommunenummer, quarter. */
const ENTRY = /^(population|jobs) (\d{4}) (\d{4}K[1-4])$/;

/**
 * Which public statistics the Næringsvekst indicator still lacks, said briefly. Metrics lists
 * one entry per kind, municipality and quarter ("population 3301 2019K4"): a span over the
 * region lacks 28 of them on a new installation. They are grouped by the municipalities they
 * concern, so the usual case reads as one sentence ("population Q4 2019, …, jobs Q3 2026 for
 * Drammen (3301), Lier (3312), …"). Entries of another shape are shown as they came.
 */
export function missingStatisticsText(context: PageContext, missing: readonly string[]): string {
  const byStatistic = new Map<string, string[]>();
  const unreadable: string[] = [];
  for (const entry of missing) {
    const parts = ENTRY.exec(entry);
    const [, kind, municipality, quarter] = parts ?? [];
    if (kind === undefined || municipality === undefined || quarter === undefined) {
      unreadable.push(entry);
      continue;
    }
    const statistic = t(context, `dashboard.statistic.${kind}`, {
      period: periodLabel(context, quarter),
    });
    byStatistic.set(statistic, [...(byStatistic.get(statistic) ?? []), municipality]);
  }
  const byPlaces = new Map<string, string[]>();
  for (const [statistic, municipalities] of byStatistic) {
    const places = [...new Set(municipalities)]
      .sort()
      .map((m) => valueLabel(context, 'municipality', m))
      .join(', ');
    byPlaces.set(places, [...(byPlaces.get(places) ?? []), statistic]);
  }
  const groups = [...byPlaces].map(([places, statistics]) =>
    t(context, 'dashboard.statisticsFor', { statistics: statistics.join(', '), places }),
  );
  return [...groups, ...unreadable].join('; ') || '–';
}
