import { eventTypes, isEventType, parseEvent, topicOf, topics } from '../src';
import { cloneEnvelope, loadFixtures } from './fixtures';

const fixtures = loadFixtures();

describe('golden fixtures', () => {
  it('exist for every registered event type, and only for those', () => {
    expect(fixtures.map((f) => f.type)).toEqual([...eventTypes].sort());
  });

  describe.each(fixtures.map((f) => [f.type, f] as const))('%s', (type, fixture) => {
    it('parses, unchanged, as the event type it is named after', () => {
      const result = parseEvent(fixture.envelope);
      if (!result.ok) throw new Error(result.error);
      expect(result.event.type).toBe(type);
      expect(result.event).toEqual(fixture.envelope);
    });

    it('maps to a registered topic', () => {
      if (!isEventType(type)) throw new Error(`${type} is not registered`);
      expect(topics).toContain(topicOf(type));
    });

    it('still parses with unknown fields, which are dropped (forward compatibility)', () => {
      const { envelope, data } = cloneEnvelope(fixture);
      envelope.traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      data.fieldOfALaterMinorChange = 'some-code';
      const result = parseEvent(envelope);
      if (!result.ok) throw new Error(result.error);
      expect(result.event).not.toHaveProperty('traceparent');
      expect(result.event.data).not.toHaveProperty('fieldOfALaterMinorChange');
      expect(result.event).toEqual(fixture.envelope);
    });

    it('is refused without data.founderId, naming the field', () => {
      const { envelope, data } = cloneEnvelope(fixture);
      delete data.founderId;
      expect(parseEvent(envelope)).toEqual({
        ok: false,
        error: expect.stringContaining('data.founderId') as unknown,
      });
    });

    it('is refused when the subject is not data.founderId', () => {
      const { envelope } = cloneEnvelope(fixture);
      envelope.subject = '3f0c6a0e-52a4-4f4e-9d55-0e3c1b7a9a11';
      expect(parseEvent(envelope)).toEqual({
        ok: false,
        error: expect.stringMatching(
          /^subject 3f0c6a0e-.* differs from data\.founderId /,
        ) as unknown,
      });
    });
  });

  it('refuses broken data with a message naming the field path', () => {
    const fixture = fixtures.find((f) => f.type === 'intake.ApplicationSubmitted.v1');
    if (fixture === undefined) throw new Error('fixture missing');
    const { envelope, data } = cloneEnvelope(fixture);
    data.focusArea = 'gruender';
    data.municipality = '330';
    const result = parseEvent(envelope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^invalid data of intake\.ApplicationSubmitted\.v1: /);
    expect(result.error).toContain('data.focusArea: Invalid option');
    expect(result.error).toContain('data.municipality: ');
  });
});
