import type mongoose from 'mongoose';
import { isOperatingOrEmployed } from '../domain/internasjonale-drammen';
import { collectionsOf, type FactDocument } from './projection-store';

/**
 * The founders of the active projection version who are operating or employed. A scan of the
 * facts (one small document per founder; FerretDB has no index for it anyway, ADR 0004), with
 * only the fields the selection needs.
 */
export function mongoOperatingFounders(
  connection: mongoose.Connection,
  version: () => number,
): () => Promise<string[]> {
  return async () => {
    const facts = connection.collection<FactDocument>(collectionsOf(version()).facts);
    const documents = await facts
      .find({}, { projection: { _id: 1, reached: 1, fte: 1 } })
      .toArray();
    return documents
      .filter((document) =>
        isOperatingOrEmployed({ reached: document.reached ?? {}, ...fteOf(document) }),
      )
      .map((document) => document._id);
  };
}

const fteOf = (document: Pick<FactDocument, 'fte'>) =>
  document.fte === undefined || document.fte === null ? {} : { fte: document.fte };
