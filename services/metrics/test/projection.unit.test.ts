import { counterFor, incrementFor } from '../src/domain/summary';

describe('metrics projection', () => {
  const at = new Date('2026-03-02T08:15:27.481Z');

  it('counts submitted applications and counsellor assignments', () => {
    expect(counterFor('intake.ApplicationSubmitted.v1')).toBe('applications');
    expect(counterFor('counselling.CounsellorAssigned.v1')).toBe('assignments');
  });

  it('ignores every other event type, including look-alikes', () => {
    for (const type of [
      'intake.ApplicationTriaged.v1',
      'intake.ApplicationSubmitted.v2',
      'counselling.AppointmentBooked.v1',
      'constructor',
      '',
    ]) {
      expect(counterFor(type)).toBeUndefined();
    }
  });

  it('turns a counted event into an increment keyed by the event id', () => {
    const event = {
      id: '18a92aa3-3f85-43db-9fb5-a5cd0d9fb0a2',
      type: 'intake.ApplicationSubmitted.v1',
    };
    expect(incrementFor(event, at)).toEqual({ eventId: event.id, counter: 'applications', at });
    expect(incrementFor({ ...event, type: 'intake.ApplicationTriaged.v1' }, at)).toBeUndefined();
  });
});
