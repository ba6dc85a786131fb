import mongoose from 'mongoose';
import type { RunningService } from '../src/service';
import {
  adminToken,
  messageCount,
  apiKeyOf,
  call,
  endWorld,
  newWorld,
  startPartners,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
let admin: string;

beforeAll(async () => {
  world = await newWorld();
  service = await startPartners(world);
  admin = await adminToken();
});

afterAll(() => endWorld(world, service));

describe('the partner registry', () => {
  it('serves its OpenAPI document', async () => {
    const document = await call<{ openapi: string }>(service.url, 'GET', '/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\.1/);
  });

  it('is seeded with the five regional partners and open to admins only', async () => {
    expect((await call(service.url, 'GET', '/partners')).status).toBe(401);
    const listed = await call<{ partners: Array<{ partnerId: string; category: string }> }>(
      service.url,
      'GET',
      '/partners',
      { auth: admin },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.partners.map((p) => p.category).sort()).toEqual([
      'business-association',
      'innovation-norway',
      'municipality',
      'nav',
      'usn',
    ]);
  });

  it('registers a partner and refuses the same id twice', async () => {
    const body = {
      partnerId: 'buskerud-fylke',
      name: 'Buskerud fylkeskommune',
      category: 'municipality',
    };
    expect((await call(service.url, 'POST', '/partners', { auth: admin, body })).status).toBe(201);
    expect((await call(service.url, 'POST', '/partners', { auth: admin, body })).status).toBe(409);
    expect(await messageCount(world, 'partners.buskerud-fylke.feed')).toBe(0);
  });

  it('shows a partner registered without an agreement with an empty one, as documented', async () => {
    const body = { partnerId: 'lier-naering', name: 'Lier næringsråd', category: 'municipality' };
    expect((await call(service.url, 'POST', '/partners', { auth: admin, body })).status).toBe(201);
    const shown = await call<{ agreement: unknown }>(service.url, 'GET', '/partners/lier-naering', {
      auth: admin,
    });
    expect(shown.body.agreement).toEqual([]);
    const listed = await call<{ partners: Array<{ partnerId: string; agreement: unknown }> }>(
      service.url,
      'GET',
      '/partners',
      { auth: admin },
    );
    const lier = listed.body.partners.find((partner) => partner.partnerId === 'lier-naering');
    expect(lier?.agreement).toEqual([]);
  });

  it('accepts only shareable fields in an agreement, never ids', async () => {
    const bad = await call(service.url, 'PUT', '/partners/usn/agreement', {
      auth: admin,
      body: {
        agreement: [{ eventType: 'counselling.MilestoneReached.v1', fields: ['founderId'] }],
      },
    });
    expect(bad.status).toBe(400);
    const good = await call<{ agreement: unknown[] }>(
      service.url,
      'PUT',
      '/partners/usn/agreement',
      {
        auth: admin,
        body: {
          agreement: [{ eventType: 'counselling.MilestoneReached.v1', fields: ['milestone'] }],
        },
      },
    );
    expect(good.status).toBe(200);
    expect(good.body.agreement).toEqual([
      { eventType: 'counselling.MilestoneReached.v1', fields: ['milestone'] },
    ]);
  });

  it('issues API keys once, stores only their hashes, and lets partners subscribe within the agreement', async () => {
    const key = await apiKeyOf(service.url, 'usn');
    const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
    const stored = JSON.stringify(await connection.collection('api_keys').find({}).toArray());
    await connection.close();
    expect(stored).not.toContain(key);

    expect((await call(service.url, 'GET', '/subscriptions', { auth: key })).status).toBe(200);
    const byHeader = await call(service.url, 'GET', '/subscriptions', {
      headers: { 'x-api-key': key },
    });
    expect(byHeader.status).toBe(200);
    expect((await call(service.url, 'GET', '/subscriptions', { auth: `${key}x` })).status).toBe(
      401,
    );

    const outside = await call(service.url, 'POST', '/subscriptions', {
      auth: key,
      body: { eventTypes: ['followup.OutcomeReported.v1'] },
    });
    expect(outside.status).toBe(422);
    const inside = await call(service.url, 'POST', '/subscriptions', {
      auth: key,
      body: {
        eventTypes: ['counselling.MilestoneReached.v1'],
        filters: { referralSource: ['usn'] },
      },
    });
    expect(inside.status).toBe(201);
  });

  it('rotates keys with a grace period and revokes them at once', async () => {
    const old = await apiKeyOf(service.url, 'nav');
    const kept = await call<{ keyId: string; apiKey: string }>(
      service.url,
      'POST',
      '/partners/nav/keys',
      {
        auth: admin,
        body: { graceSeconds: 3600 },
      },
    );
    // Within the grace both keys work.
    expect((await call(service.url, 'GET', '/subscriptions', { auth: old })).status).toBe(200);
    const rotated = await call<{ keyId: string; apiKey: string }>(
      service.url,
      'POST',
      '/partners/nav/keys',
      {
        auth: admin,
        body: { graceSeconds: 0 },
      },
    );
    expect((await call(service.url, 'GET', '/subscriptions', { auth: old })).status).toBe(401);
    expect(
      (await call(service.url, 'GET', '/subscriptions', { auth: kept.body.apiKey })).status,
    ).toBe(401);
    const fresh = rotated.body.apiKey;
    expect((await call(service.url, 'GET', '/subscriptions', { auth: fresh })).status).toBe(200);
    const revoked = await call(service.url, 'DELETE', `/partners/nav/keys/${rotated.body.keyId}`, {
      auth: admin,
    });
    expect(revoked.status).toBe(204);
    expect((await call(service.url, 'GET', '/subscriptions', { auth: fresh })).status).toBe(401);
  });
});
