import type { KafkaMessage } from 'kafkajs';
import { backoffDelay, deadLetterMessage, DLQ_HEADERS, appendToOutbox, newOutbox } from '../src';

describe('backoff', () => {
  it('grows with each attempt and never passes the ceiling', () => {
    const policy = { initialMs: 100, maxMs: 1_000 };
    for (let i = 0; i < 50; i++) {
      expect(backoffDelay(1, policy)).toBeLessThanOrEqual(100);
      expect(backoffDelay(3, policy)).toBeGreaterThanOrEqual(200);
      expect(backoffDelay(20, policy)).toBeLessThanOrEqual(1_000);
    }
  });
});

describe('outbox entries', () => {
  const event = { id: 'e1', topic: 'intake.applications', key: 'f1', event: { id: 'e1' } };

  it('start pending and make the document due at once', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(newOutbox([event], now)).toEqual({
      outbox: [
        expect.objectContaining({
          eventId: 'e1',
          status: 'pending',
          attempts: 0,
          payload: '{"id":"e1"}',
        }),
      ],
      outboxNextAttemptAt: now,
      outboxVersion: 1,
    });
  });

  it('append at the end and bump the version, so the relay sees concurrent appends', () => {
    const update = appendToOutbox([event, { ...event, id: 'e2' }], new Date());
    expect(update.$inc).toEqual({ outboxVersion: 2 });
    expect(update.$push.outbox.$each.map((entry) => entry.eventId)).toEqual(['e1', 'e2']);
  });
});

describe('dead letters', () => {
  it('keep the original key, value and headers, and say where and why they failed', () => {
    const letter = deadLetterMessage({
      topic: 'intake.applications',
      partition: 2,
      groupId: 'metrics',
      reason: 'poison',
      error: 'founder unknown',
      message: {
        key: Buffer.from('f1'),
        value: Buffer.from('{}'),
        offset: '41',
        headers: { trace: Buffer.from('abc') },
        timestamp: '0',
        attributes: 0,
        size: 0,
      } as unknown as KafkaMessage,
    });
    expect(letter).toMatchObject({
      topic: 'intake.applications.dlq',
      key: 'f1',
      value: '{}',
      headers: {
        trace: 'abc',
        [DLQ_HEADERS.reason]: 'poison',
        [DLQ_HEADERS.originalPartition]: '2',
        [DLQ_HEADERS.originalOffset]: '41',
      },
    });
  });
});
