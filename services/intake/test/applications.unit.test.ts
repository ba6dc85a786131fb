import type { OutboxEvent } from '@grunderboost/messaging';
import { intakeUseCases } from '../src/app/applications';
import type { ApplicationStore, CreateOutcome } from '../src/app/ports';
import type { Application, ApplicationDetails } from '../src/domain/application';

const details: ApplicationDetails = {
  contact: { name: 'Kari Nordmann', email: 'kari@example.no' },
  municipality: '3301',
  focusArea: 'grunder',
  sector: 'J',
  stage: 'idea',
  language: 'en',
  referralSource: 'self',
};

/** An in-memory store that can pretend a concurrent request took the key first. */
function memoryStore(options: { raceOnKey?: Application } = {}) {
  const byId = new Map<string, Application>();
  const byKey = new Map<string, Application>();
  const writes: Array<{ application: Application; events: OutboxEvent[] }> = [];
  const store: ApplicationStore = {
    async create(application, events, key): Promise<CreateOutcome> {
      if (options.raceOnKey !== undefined && key !== undefined) {
        byKey.set(key, options.raceOnKey);
        return 'duplicate-idempotency-key';
      }
      if (key !== undefined && byKey.has(key)) return 'duplicate-idempotency-key';
      byId.set(application.applicationId, application);
      if (key !== undefined) byKey.set(key, application);
      writes.push({ application, events });
      return 'created';
    },
    findById: async (id) => byId.get(id),
    findByIdempotencyKey: async (key) => byKey.get(key),
  };
  return { store, writes };
}

function setup(options: { raceOnKey?: Application } = {}) {
  const { store, writes } = memoryStore(options);
  let counter = 0;
  let nudges = 0;
  const useCases = intakeUseCases({
    store,
    events: {
      submitted: (application) => ({
        id: `event-${application.applicationId}`,
        topic: 'intake.applications',
        key: application.founderId,
        event: { founderId: application.founderId },
      }),
      written: () => (nudges += 1),
    },
    newId: () => `id-${++counter}`,
    now: () => new Date('2025-03-01T09:00:00.000Z'),
  });
  return { useCases, writes, nudges: () => nudges };
}

describe('submitting an application', () => {
  it('stores it with its event in one write and wakes the relay', async () => {
    const { useCases, writes, nudges } = setup();
    const outcome = await useCases.submit(details);
    expect(outcome).toMatchObject({
      created: true,
      application: { applicationId: 'id-1', founderId: 'id-2', status: 'submitted' },
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.events).toEqual([expect.objectContaining({ key: 'id-2' })]);
    expect(nudges()).toBe(1);
    expect(await useCases.get('id-1')).toEqual(outcome.application);
  });

  it('returns the earlier application for a repeated idempotency key and writes nothing', async () => {
    const { useCases, writes, nudges } = setup();
    const first = await useCases.submit(details, 'key-1');
    const second = await useCases.submit(details, 'key-1');
    expect(second).toEqual({ created: false, application: first.application });
    expect(writes).toHaveLength(1);
    expect(nudges()).toBe(1);
  });

  it('answers with the winner when a concurrent request took the key first', async () => {
    const winner = { ...details, applicationId: 'w', founderId: 'f', status: 'submitted' as const };
    const { useCases, writes, nudges } = setup({
      raceOnKey: { ...winner, createdAt: new Date() },
    });
    const outcome = await useCases.submit(details, 'key-2');
    expect(outcome.created).toBe(false);
    expect(outcome.application.applicationId).toBe('w');
    expect(writes).toHaveLength(0);
    expect(nudges()).toBe(0);
  });
});
