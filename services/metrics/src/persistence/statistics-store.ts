import type mongoose from 'mongoose';
import type { StatisticKind } from '../domain/naeringsvekst';

/** Imported public statistics, one document per kind, municipality and quarter. */
export const STATISTICS_COLLECTION = 'public_statistics';

export interface StatisticRow {
  municipality: string;
  quarter: string;
  value: number;
}

interface StatisticDocument extends StatisticRow {
  _id: string;
  kind: StatisticKind;
  importedAt: Date;
}

export interface StatisticsStore {
  /** Writes the rows, replacing earlier figures of the same municipality and quarter. */
  save(kind: StatisticKind, rows: StatisticRow[], at: Date): Promise<void>;
  /** The figures of these (municipality, quarter) pairs; absent ones are missing from the map. */
  read(
    kind: StatisticKind,
    keys: Array<{ municipality: string; quarter: string }>,
  ): Promise<Map<string, number>>;
}

export const statisticKey = (municipality: string, quarter: string) => `${municipality}|${quarter}`;
const idOf = (kind: StatisticKind, municipality: string, quarter: string) =>
  `${kind}|${statisticKey(municipality, quarter)}`;

export function mongoStatisticsStore(connection: mongoose.Connection): StatisticsStore {
  const collection = connection.collection<StatisticDocument>(STATISTICS_COLLECTION);
  return {
    async save(kind, rows, at) {
      if (rows.length === 0) return;
      // Idempotent replaces by _id (rows are unique per key), so a failed import can be resent.
      await collection.bulkWrite(
        rows.map((row) => {
          const _id = idOf(kind, row.municipality, row.quarter);
          return {
            replaceOne: {
              filter: { _id },
              replacement: { _id, kind, ...row, importedAt: at },
              upsert: true,
            },
          };
        }),
      );
    },
    async read(kind, keys) {
      // Looked up by _id only: FerretDB answers other filters by scanning (ADR 0004).
      const ids = keys.map((key) => idOf(kind, key.municipality, key.quarter));
      const documents = await collection.find({ _id: { $in: ids } }).toArray();
      return new Map(documents.map((d) => [statisticKey(d.municipality, d.quarter), d.value]));
    },
  };
}
