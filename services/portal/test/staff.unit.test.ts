import { loadPercent } from '../src/pages/lead';
import { osloDate, whenText } from '../src/pages/staff-format';
import { kindOf } from '../src/staff/founder-data';
import { refusalKey, refusalStatus } from '../src/staff/refusals';
import { isLead, sessionOf } from '../src/staff/session';
import { founderTimeline } from '../src/staff/timeline';

const tokenWith = (claims: unknown) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('the staff session from the token', () => {
  it('reads the staff id and roles, and tells leads and admins from counsellors', () => {
    const counsellor = sessionOf(tokenWith({ sub: 'c-1', roles: ['counsellor'] }));
    expect(counsellor).toEqual({ staffId: 'c-1', roles: ['counsellor'] });
    expect(isLead(counsellor)).toBe(false);
    expect(isLead(sessionOf(tokenWith({ sub: 'l', roles: ['lead'] })))).toBe(true);
    expect(isLead(sessionOf(tokenWith({ sub: 'a', roles: ['admin'] })))).toBe(true);
  });

  it('gives no session for a missing, malformed or claimless token', () => {
    expect(sessionOf(undefined)).toBeUndefined();
    expect(sessionOf('not-a-jwt')).toBeUndefined();
    expect(sessionOf('a.%%%.c')).toBeUndefined();
    expect(sessionOf(tokenWith({ roles: ['lead'] }))).toBeUndefined();
    expect(sessionOf(tokenWith('lead'))).toBeUndefined();
    expect(isLead(undefined)).toBe(false);
  });
});

describe('refusals as messages', () => {
  const answer = (status: number, body: Record<string, unknown> = {}) => ({ status, body });

  it("names someone else's case as not yours, and each of counselling's 409 codes", () => {
    expect(refusalKey(answer(404))).toBe('case.error.notYours');
    expect(refusalKey(answer(409, { code: 'slot-taken' }))).toBe('case.error.slotTaken');
    expect(refusalKey(answer(409, { code: 'allowance-used' }))).toBe('case.error.allowanceUsed');
    expect(
      refusalKey(answer(409, { code: 'refused', detail: 'The appointment has not started yet.' })),
    ).toBe('case.error.notStarted');
    expect(
      refusalKey(
        answer(409, { code: 'refused', detail: 'The case is already with this counsellor.' }),
      ),
    ).toBe('case.error.sameCounsellor');
    expect(refusalKey(answer(409, { code: 'refused', detail: 'Something new' }))).toBe(
      'case.error.refused',
    );
  });

  it('keeps 4xx statuses and turns a failing service into 503, never a 500', () => {
    expect(refusalStatus(answer(409))).toBe(409);
    expect(refusalStatus(answer(404))).toBe(404);
    expect(refusalStatus(answer(500))).toBe(503);
    expect(refusalKey(answer(502))).toBe('case.error.unavailable');
    expect(refusalKey(answer(400))).toBe('case.error.invalid');
  });
});

describe("the founder's timeline", () => {
  it('merges applications, assignments, sessions, milestones and journey stages in time order', () => {
    const entries = founderTimeline({
      applications: [
        {
          applicationId: 'a',
          submittedAt: '2026-03-01T10:00:00.000Z',
          triage: { decision: 'accepted', decidedAt: '2026-03-02T09:00:00.000Z' },
        },
      ],
      assignments: [
        { counsellorId: 'c', reasonCode: 'lowest-load', at: '2026-03-02T09:00:01.000Z' },
      ],
      sessions: [
        {
          appointmentId: 's',
          kind: 'first-meeting',
          status: 'completed',
          startsAt: '2026-03-05T09:00:00.000Z',
          bookedAt: '2026-03-03T12:00:00.000Z',
          closedAt: '2026-03-05T10:00:00.000Z',
          milestones: ['business-plan-ready'],
        },
      ],
      stages: [
        { stage: 'submitted', at: '2026-03-01T10:00:00.500Z' },
        { stage: 'assigned', at: '2026-03-02T09:00:02.000Z' },
        { stage: 'withdrawn', at: 'not a date' },
      ],
    });
    expect(entries.map((e) => e.key)).toEqual([
      'case.timeline.submitted',
      'case.timeline.stage',
      'case.timeline.triaged',
      'case.timeline.assigned',
      'case.timeline.stage',
      'case.timeline.booked',
      'case.timeline.completed',
      'case.timeline.milestone',
    ]);
    expect(entries.map((e) => e.source)).toEqual([
      'intake',
      'journey',
      'intake',
      'counselling',
      'journey',
      'counselling',
      'counselling',
      'counselling',
    ]);
    expect(entries[7]?.params).toEqual({ milestone: 'business-plan-ready' });
  });

  it('shows a booked session once and an undecided application without a decision', () => {
    const entries = founderTimeline({
      applications: [{ applicationId: 'a', submittedAt: '2026-03-01T10:00:00Z' }],
      assignments: [],
      sessions: [
        {
          appointmentId: 's',
          kind: 'follow-up',
          status: 'booked',
          startsAt: '2026-03-05T09:00:00Z',
          bookedAt: '2026-03-03T12:00:00Z',
          milestones: [],
        },
      ],
      stages: [],
    });
    expect(entries.map((e) => e.key)).toEqual(['case.timeline.submitted', 'case.timeline.booked']);
  });
});

describe('small helpers of the staff pages', () => {
  it('offers a first meeting until there has been a session, then a follow-up; an asked kind wins', () => {
    const session = (status: string) => ({ status }) as never;
    expect(kindOf(undefined, [])).toBe('first-meeting');
    expect(kindOf(undefined, [session('cancelled')])).toBe('first-meeting');
    expect(kindOf(undefined, [session('completed')])).toBe('follow-up');
    expect(kindOf('business-plan-review', [])).toBe('business-plan-review');
    expect(kindOf('<script>', [])).toBe('first-meeting');
  });

  it('gives the load as a percentage of capacity', () => {
    const load = { openCases: 3, capacity: 10 } as never;
    expect(loadPercent(load)).toBe(30);
    expect(loadPercent({ openCases: 12, capacity: 0 } as never)).toBe(1200);
  });

  it('writes days and times in Oslo time', () => {
    // 23:30 UTC on 31 March is already 1 April in Oslo (summer time, UTC+2).
    expect(osloDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(osloDate(new Date('2026-03-31T12:00:00Z'), 13)).toBe('2026-04-13');
    // As the Oslo office writes English: day before month, 24-hour clock.
    expect(whenText('en', '2026-04-01T07:00:00Z')).toBe('1 Apr 2026, 09:00');
    expect(whenText('en', '2026-12-02T21:44:00Z')).toBe('2 Dec 2026, 22:44');
    expect(whenText('nb', '2026-12-02T21:44:00Z')).toBe('2. des. 2026, 22:44');
    expect(whenText('en', 'garbage')).toBe('garbage');
  });
});
