import type mongoose from 'mongoose';
import { z } from 'zod';
import type { CellQuery, CellReader } from '../app/ports';
import type { CellFigures } from '../domain/report';
import { SUM_SCALE, type CellDocument } from './cells';
import { collectionsOf } from './projection-store';

// Our own documents, read defensively: a hand-edited cell must fail loudly, not as NaN.
const storedCell = z.object({
  metric: z.string(),
  key: z.string(),
  dimension: z.string(),
  value: z.string(),
  count: z.number(),
  founders: z.number(),
  sum: z.number(),
});

/** Reads the cells of whichever projection version `version()` names at the time. */
export function mongoCellReader(
  connection: mongoose.Connection,
  version: () => number,
): CellReader {
  return async (query: CellQuery) => {
    const cells = connection.collection<CellDocument>(collectionsOf(version()).cells);
    const key = {
      ...(query.from === undefined ? {} : { $gte: query.from }),
      ...(query.to === undefined ? {} : { $lte: query.to }),
    };
    const documents = await cells
      .find({
        metric: { $in: query.metrics },
        period: query.period,
        dimension: query.dimension,
        ...(query.values.length === 0 ? {} : { value: { $in: query.values } }),
        ...(Object.keys(key).length === 0 ? {} : { key }),
      })
      .toArray();
    return documents.map((document) => {
      const parsed = storedCell.safeParse(document);
      if (!parsed.success)
        throw new Error(`cell ${document._id} is corrupt: ${parsed.error.message}`);
      return { ...parsed.data, sum: parsed.data.sum / SUM_SCALE } as CellFigures;
    });
  };
}
