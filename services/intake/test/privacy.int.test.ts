import { parseEvent } from '@grunderboost/contracts';
import { staysTrue, waitFor } from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { exportSchema } from '../src/http/response-schemas';
import type { RunningService } from '../src/service';
import {
  applicationBody,
  call,
  collectTopic,
  dropDatabase,
  newWorld,
  postApplication,
  staffToken,
  startIntake,
  type Created,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
let reader: Awaited<ReturnType<typeof collectTopic>>;

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
  reader = await collectTopic(world);
});

afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await dropDatabase(world);
});

/** The stored documents as they are in the database, to see what really remains. */
async function storedDocuments(founderId: string): Promise<Array<Record<string, unknown>>> {
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  try {
    return await connection.collection('applications').find({ founderId }).toArray();
  } finally {
    await connection.close();
  }
}

async function apply(body: Record<string, unknown>): Promise<Created> {
  const response = await postApplication(service.url, body);
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

describe("a founder's data", () => {
  it('is exported as JSON with every application and the consent history', async () => {
    const body = applicationBody({
      background: { immigrantBackground: true },
      consents: {
        processing: { granted: true, textVersion: '2026-01' },
        statistics: { granted: true, textVersion: '2026-01' },
        background: { granted: true, textVersion: '2026-01' },
        sharing: {},
      },
    });
    const created = await apply(body);
    const exported = await call(
      service.url,
      'GET',
      `/applications/${created.applicationId}/export?token=${created.linkToken}`,
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?grunderboost-[0-9a-f-]+\.json"?$/,
    );
    const parsed = exportSchema.parse(exported.body);
    expect(parsed.applications).toHaveLength(1);
    expect(parsed.applications[0]).toMatchObject({
      applicationId: created.applicationId,
      contact: body.contact,
      background: { immigrantBackground: true },
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's matcher
      consentHistory: expect.arrayContaining([
        expect.objectContaining({ consent: 'background', granted: true, textVersion: '2026-01' }),
      ]),
    });
  });

  it('loses its background data at once when the founder withdraws that consent', async () => {
    const created = await apply(
      applicationBody({
        background: { immigrantBackground: false },
        consents: {
          processing: { granted: true, textVersion: '2026-01' },
          statistics: { granted: true, textVersion: '2026-01' },
          background: { granted: true, textVersion: '2026-01' },
        },
      }),
    );
    const changed = await call(
      service.url,
      'PUT',
      `/applications/${created.applicationId}/consents?token=${created.linkToken}`,
      {
        body: { consent: 'background', granted: false, textVersion: '2026-02' },
      },
    );
    expect(changed.status).toBe(200);
    expect((changed.body.details as Record<string, unknown>).background).toBeUndefined();
  });

  it('is erased in every application of the founder, keeping the non-identifying statistics, and the erasure is announced once', async () => {
    const body = applicationBody({ organisationNumber: '974760673' });
    const first = await apply(body);
    // The same founder applies again later (same e-mail): a second application of one founder.
    await call(
      service.url,
      'POST',
      `/applications/${first.applicationId}/withdrawal?token=${first.linkToken}`,
      { body: {} },
    );
    const second = await apply({ ...applicationBody(), contact: body.contact });
    const counsellor = { authorization: `Bearer ${await staffToken(['counsellor'])}` };
    const view = await call(service.url, 'GET', `/applications/${second.applicationId}`, {
      headers: counsellor,
    });
    const founderId = view.body.founderId as string;

    const erasure = await call<{ erasureId: string; applicationIds: string[] }>(
      service.url,
      'POST',
      `/applications/${second.applicationId}/erasure?token=${second.linkToken}`,
    );
    expect(erasure.status).toBe(202);
    expect(erasure.body.applicationIds.sort()).toEqual(
      [first.applicationId, second.applicationId].sort(),
    );

    const documents = await storedDocuments(founderId);
    expect(documents).toHaveLength(2);
    const contact = body.contact as { name: string; email: string; phone: string };
    for (const document of documents) {
      expect(document).toMatchObject({
        status: 'erased',
        municipality: '3301',
        focusArea: 'grunder',
        sector: 'S',
        referralSource: 'nav',
      });
      const stored = JSON.stringify(document);
      for (const personal of [
        contact.name,
        contact.email,
        contact.phone.slice(-6),
        '974760673',
        'sykkel',
      ]) {
        expect(stored).not.toContain(personal);
      }
    }

    const erasureEvents = () =>
      reader.received
        .map((message) => parseEvent(JSON.parse(message.value)))
        .flatMap((parsed) => (parsed.ok ? [parsed.event] : []))
        .filter(
          (event) =>
            event.type === 'intake.FounderErasureRequested.v1' && event.subject === founderId,
        );
    const announced = await waitFor(
      () => (erasureEvents().length > 0 ? erasureEvents() : undefined),
      {
        description: 'the erasure event',
      },
    );
    await staysTrue(() => erasureEvents().length === 1, {
      description: 'one erasure event',
      timeoutMs: 1_500,
    });
    expect(announced[0]?.data).toMatchObject({ erasureId: erasure.body.erasureId });

    // Asking again changes nothing; the founder's link now shows that the data is gone.
    const repeated = await call(
      service.url,
      'POST',
      `/applications/${second.applicationId}/erasure?token=${second.linkToken}`,
    );
    expect(repeated.status).toBe(202);
    const after = await call(
      service.url,
      'GET',
      `/applications/${second.applicationId}?token=${second.linkToken}`,
    );
    expect(after.body).toMatchObject({ status: 'erased' });
    expect(after.body).not.toHaveProperty('details');
  });
});
