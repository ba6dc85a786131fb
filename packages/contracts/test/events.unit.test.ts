import {
  createEvent,
  type ApplicationSubmittedV1,
  type AppointmentBookedV1,
  keyOf,
  parseEvent,
} from '../src';

const founderId = '690f5c39-42c3-4431-a685-0111598fb95d';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const submitted: ApplicationSubmittedV1 = {
  applicationId: '1329fd0e-79a1-4aaa-ac60-8365c043c208',
  founderId,
  municipality: '3301',
  focusArea: 'health-industry',
  sector: 'Q',
  stage: 'idea',
  language: 'en',
  referralSource: 'usn',
  submittedAt: '2026-03-02T09:15:27.102+01:00',
};

const booked: AppointmentBookedV1 = {
  appointmentId: '20b50e84-5b02-4e44-b454-d1f4b6cf7eed',
  founderId,
  counsellorId: '775e5a17-4133-4d5a-b1af-f0c2a37fd4e3',
  kind: 'first-meeting',
  mode: 'video',
  startsAt: '2026-03-16T10:00:00+01:00',
  endsAt: '2026-03-16T11:00:00+01:00',
};

describe('createEvent', () => {
  it('fills in the envelope: subject = founder id, fresh id, now, chain starting at itself', () => {
    const before = Date.now();
    const event = createEvent('intake.ApplicationSubmitted.v1', {
      data: submitted,
      source: '/services/intake',
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/services/intake',
      type: 'intake.ApplicationSubmitted.v1',
      subject: founderId,
      datacontenttype: 'application/json',
      data: submitted,
    });
    expect(event.id).toMatch(uuidPattern);
    expect(event.correlationid).toBe(event.id);
    expect(event.causationid).toBe(event.id);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before);
    expect(keyOf(event)).toBe(founderId);
  });

  it('keeps the id, time and chain it is given', () => {
    const event = createEvent('counselling.AppointmentBooked.v1', {
      data: booked,
      source: '/services/counselling',
      id: '10a7a601-187d-4e33-addf-81b05465189b',
      time: '2026-03-05T08:03:44.390+01:00',
      correlationId: '18a92aa3-3f85-43db-9fb5-a5cd0d9fb0a2',
      causationId: '11d54097-763a-41eb-acc2-5625838b00bf',
    });
    expect(event).toMatchObject({
      id: '10a7a601-187d-4e33-addf-81b05465189b',
      time: '2026-03-05T08:03:44.390+01:00',
      correlationid: '18a92aa3-3f85-43db-9fb5-a5cd0d9fb0a2',
      causationid: '11d54097-763a-41eb-acc2-5625838b00bf',
    });
    expect(parseEvent(event)).toEqual({ ok: true, event });
  });

  it('throws on invalid data instead of publishing it, naming the field', () => {
    expect(() =>
      createEvent('counselling.AppointmentBooked.v1', {
        data: { ...booked, endsAt: booked.startsAt },
        source: '/services/counselling',
      }),
    ).toThrow('cannot create counselling.AppointmentBooked.v1: invalid data of');
    expect(() =>
      createEvent('intake.ApplicationSubmitted.v1', {
        data: { ...submitted, language: 'x' },
        source: '/services/intake',
      }),
    ).toThrow('data.language');
    expect(() =>
      createEvent('intake.ApplicationSubmitted.v1', {
        data: submitted,
        source: '/services/intake',
        time: '2026-03-02T09:15:27',
      }),
    ).toThrow('invalid envelope: time');
  });

  it('ties the data type to the event type at compile time', () => {
    expect(() =>
      createEvent('counselling.AppointmentBooked.v1', {
        // @ts-expect-error: ApplicationSubmitted data is not AppointmentBooked data.
        data: submitted,
        source: '/services/counselling',
      }),
    ).toThrow();
  });
});

describe('parseEvent', () => {
  it.each([null, undefined, 42, 'text', [], {}])('refuses %p without throwing', (raw) => {
    const result = parseEvent(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^invalid envelope: /);
  });

  it('refuses an unknown event type by name', () => {
    const event = createEvent('intake.ApplicationSubmitted.v1', {
      data: submitted,
      source: '/services/intake',
    });
    expect(parseEvent({ ...event, type: 'intake.ApplicationArchived.v1' })).toEqual({
      ok: false,
      error: 'unknown event type intake.ApplicationArchived.v1',
    });
  });

  it('narrows data by type', () => {
    const result = parseEvent(
      createEvent('counselling.AppointmentBooked.v1', { data: booked, source: '/x' }),
    );
    if (!result.ok) throw new Error(result.error);
    const { event } = result;
    // Compiles only because checking `type` narrows `data` to AppointmentBookedV1.
    if (event.type === 'counselling.AppointmentBooked.v1')
      expect(event.data.kind).toBe('first-meeting');
    else throw new Error(`unexpected ${event.type}`);
  });
});
