import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import { journeyEventOf } from '../src';

const fixture = (type: string): AnyEvent => {
  const raw: unknown = JSON.parse(
    readFileSync(join(__dirname, '../../packages/contracts/fixtures', `${type}.json`), 'utf8'),
  );
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
};

describe('bridge: what an event means for the journey', () => {
  it.each([
    ['intake.ApplicationSubmitted.v1', 'submitted'],
    ['intake.ApplicationTriaged.v1', 'triaged'],
    ['intake.ApplicationWithdrawn.v1', 'withdrawn'],
    ['counselling.CounsellorAssigned.v1', 'assigned'],
    ['counselling.CounsellorReassigned.v1', 'assigned'],
    ['counselling.CaseClosed.v1', 'case-closed'],
    ['counselling.AppointmentBooked.v1', 'session-booked'],
    ['counselling.AppointmentCompleted.v1', 'session-held'],
    ['counselling.AppointmentCancelled.v1', 'activity'],
    ['counselling.AppointmentNoShow.v1', 'activity'],
  ])('%s → %s, with the event id', (type, kind) => {
    const event = fixture(type);
    expect(journeyEventOf(event)).toMatchObject({ kind, eventId: event.id });
  });

  it('reads the codes the journey searches by from a submission, and nothing personal', () => {
    const event = fixture('intake.ApplicationSubmitted.v1');
    expect(Object.keys(journeyEventOf(event) ?? {}).sort()).toEqual(
      [
        'applicationId',
        'eventId',
        'focusArea',
        'kind',
        'language',
        'municipality',
        'sector',
      ].sort(),
    );
  });

  it('takes the new counsellor of a reassignment', () => {
    const event = fixture('counselling.CounsellorReassigned.v1');
    if (event.type !== 'counselling.CounsellorReassigned.v1') throw new Error('fixture type');
    expect(journeyEventOf(event)).toMatchObject({ counsellorId: event.data.toCounsellorId });
  });

  it('tells company registration from other milestones', () => {
    const event = fixture('counselling.MilestoneReached.v1');
    if (event.type !== 'counselling.MilestoneReached.v1') throw new Error('fixture type');
    const registered = {
      ...event,
      data: { ...event.data, milestone: 'company-registered' as const },
    };
    const planReady = {
      ...event,
      data: { ...event.data, milestone: 'business-plan-ready' as const },
    };
    expect(journeyEventOf(registered)?.kind).toBe('company-registered');
    expect(journeyEventOf(planReady)?.kind).toBe('activity');
  });

  it('does not follow consents, erasure or its own stage events', () => {
    for (const type of [
      'intake.ConsentChanged.v1',
      'intake.FounderErasureRequested.v1',
      'journey.StageChanged.v1',
    ]) {
      expect(journeyEventOf(fixture(type))).toBeUndefined();
    }
  });
});
