import { mongoUrlFor, uniqueDatabase } from '@grunderboost/testkit';
import mongoose, { type Connection } from 'mongoose';
import { mongoReadiness } from '../src';
import { startTestApp, type TestApp } from './support';

describe('mongoReadiness against the test MongoDB', () => {
  let connection: Connection;
  let app: TestApp;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUrlFor(uniqueDatabase('kit')), { serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    app = await startTestApp({ readiness: [mongoReadiness(connection)] });
  });

  afterAll(async () => {
    await app.server.close();
    await connection.close();
  });

  it('is ready while the connection is open', async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { mongodb: 'ok' } });
  });

  it('is not ready once the connection is closed', async () => {
    await connection.close();
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 503,
      detail: 'Not ready: mongodb',
      checks: { mongodb: 'failed' },
    });
  });
});
