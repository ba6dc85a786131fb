import type mongoose from 'mongoose';
import {
  APPLICATIONS_COLLECTION,
  type ApplicationCollection,
  type ApplicationDocument,
} from './application-document';

export function applicationCollection(connection: mongoose.Connection): ApplicationCollection {
  return connection.collection<ApplicationDocument>(APPLICATIONS_COLLECTION);
}
