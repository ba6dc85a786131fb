import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * A content hash of a service's projections: every collection of its database but the dedup
 * memory (processed_events: which event ids were applied, with when), every document with its
 * keys in sorted order, documents in the order of their _id, and the volatile fields left out
 * (when something was written, not what: `updatedAt`, `processedAt`, `appliedAt`).
 */
const SKIPPED_COLLECTIONS = new Set(['processed_events']);
const VOLATILE_FIELDS = new Set(['updatedAt', 'processedAt', 'appliedAt']);

/** JSON with sorted keys and without the volatile fields, so equal content gives equal text. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    if (value instanceof mongoose.Types.ObjectId) return JSON.stringify(value.toHexString());
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !VOLATILE_FIELDS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface ProjectionSnapshot {
  hash: string;
  /** `<collection>/<_id>` → hash of that document. */
  documents: Map<string, string>;
  processedEvents: number;
}

export async function snapshotProjections(mongoUrl: string): Promise<ProjectionSnapshot> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  try {
    const db = connection.db;
    if (db === undefined) throw new Error(`no database behind ${mongoUrl}`);
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    const documents = new Map<string, string>();
    for (const name of names.filter((n) => !SKIPPED_COLLECTIONS.has(n))) {
      for (const document of await db.collection(name).find({}).toArray()) {
        documents.set(`${name}/${canonical(document._id)}`, sha256(canonical(document)));
      }
    }
    const keys = [...documents.keys()].sort();
    const processedEvents = await db.collection('processed_events').countDocuments({});
    return {
      hash: sha256(keys.map((key) => `${key}=${documents.get(key)}`).join('\n')),
      documents,
      processedEvents,
    };
  } finally {
    await connection.close();
  }
}

/** Documents added, removed or changed between two snapshots. */
export function changedDocuments(before: ProjectionSnapshot, after: ProjectionSnapshot): number {
  const keys = new Set([...before.documents.keys(), ...after.documents.keys()]);
  return [...keys].filter((key) => before.documents.get(key) !== after.documents.get(key)).length;
}
