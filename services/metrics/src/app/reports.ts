import { buildRows, type ReportDefinition, type ReportRow } from '../domain/report';
import type { CellQuery, CellReader } from './ports';

export type ReportQuery = Omit<CellQuery, 'metrics'>;

/** Reads a report's cells and turns them into suppressed rows: no aggregation at read time. */
export async function readReport(
  read: CellReader,
  definition: ReportDefinition,
  query: ReportQuery,
): Promise<ReportRow[]> {
  const cells = await read({ ...query, metrics: definition.metrics });
  return buildRows(definition, cells);
}
