import { loadCatalogue } from '@grunderboost/i18n';
import express from 'express';
import type { Server } from 'node:http';
import type { ServiceApi, ServiceApis } from '../src/api';
import { staffRoutes } from '../src/routes/staff';
import { MESSAGES_DIR } from '../src/server';

/** The staff routes on a port of their own, over service APIs a test provides (recorders). */
export interface StaffApp {
  base: string;
  close(): Promise<void>;
}

export async function startStaffApp(apis: ServiceApis): Promise<StaffApp> {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    staffRoutes({ apis, catalogue: loadCatalogue(MESSAGES_DIR, 'en'), consentTextVersion: 'v' }),
  );
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The portal reads a token's claims without checking its signature (the services check it). */
export const staffToken = (sub: string, roles: string[]) =>
  `e30.${Buffer.from(JSON.stringify({ sub, roles })).toString('base64url')}.x`;

/** An API that knows nothing: every path is a 404. */
export const nothing: ServiceApi = async () => ({ status: 404, body: {} });

/** Starts the staff routes before the file's tests and stops them after; `base` once started. */
export function staffAppFor(apis: ServiceApis): { readonly base: string } {
  let app: StaffApp | undefined;
  beforeAll(async () => {
    app = await startStaffApp(apis);
  });
  afterAll(() => app?.close());
  return {
    get base() {
      if (app === undefined) throw new Error('the staff app is not started yet');
      return app.base;
    },
  };
}
