import {
  naeringsvekst,
  type MunicipalityFigures,
  type NaeringsvekstReport,
} from '../domain/naeringsvekst';
import { quarterAt, quarterIndex } from '../domain/periods';
import type { StatisticsStore } from '../persistence/statistics-store';
import { statisticKey } from '../persistence/statistics-store';
import type { CellReader } from './ports';

export type NaeringsvekstResult =
  { ok: true; report: NaeringsvekstReport } | { ok: false; missing: string[] };

/**
 * The Næringsvekst indicator for a span and municipalities: public statistics at both ends,
 * and the helped founders' jobs from the projection's quarter cells after `from` up to `to`.
 */
export async function readNaeringsvekst(
  statistics: StatisticsStore,
  read: CellReader,
  query: { from: string; to: string; municipalities: string[] },
): Promise<NaeringsvekstResult> {
  const { from, to, municipalities } = query;
  const keys = municipalities.flatMap((municipality) => [
    { municipality, quarter: from },
    { municipality, quarter: to },
  ]);
  const population = await statistics.read('population', keys);
  const jobs = await statistics.read('jobs', keys);
  const missing: string[] = [];
  const value = (map: Map<string, number>, kind: string, municipality: string, quarter: string) => {
    const found = map.get(statisticKey(municipality, quarter));
    if (found === undefined) missing.push(`${kind} ${municipality} ${quarter}`);
    return found ?? 0;
  };
  const figures: MunicipalityFigures[] = municipalities.map((municipality) => ({
    municipality,
    population: {
      from: value(population, 'population', municipality, from),
      to: value(population, 'population', municipality, to),
    },
    jobs: {
      from: value(jobs, 'jobs', municipality, from),
      to: value(jobs, 'jobs', municipality, to),
    },
  }));
  if (missing.length > 0) return { ok: false, missing };
  const cells = await read({
    metrics: ['jobsCreated'],
    period: 'quarter',
    from: quarterAt(quarterIndex(from) + 1),
    to,
    dimension: 'municipality',
    values: municipalities,
  });
  const fte = cells.reduce((total, cell) => total + cell.sum, 0);
  // Distinct founders are at least as many as in the largest single cell: a safe lower bound.
  const founders = cells.reduce((most, cell) => Math.max(most, cell.founders), 0);
  return { ok: true, report: naeringsvekst({ from, to }, figures, { fte, founders }) };
}
