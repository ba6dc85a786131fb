import { ConnectionStates, type Connection } from 'mongoose';
import type { ReadinessCheck } from './health';

/** Ready when the connection is open and the server answers an admin ping. */
export function mongoReadiness(connection: Connection, name = 'mongodb'): ReadinessCheck {
  return {
    name,
    check: async () => {
      // A closed or never-opened connection would otherwise wait for server selection.
      if (connection.readyState !== ConnectionStates.connected || connection.db === undefined) {
        throw new Error(`MongoDB connection is not open (readyState ${connection.readyState})`);
      }
      await connection.db.admin().ping();
    },
  };
}
