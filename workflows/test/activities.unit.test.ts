import { ApplicationFailure } from '@temporalio/activity';
import { assignCounsellorActivity } from '../src/activities/assign-counsellor';

const createActivities = (deps: { counsellingUrl: string; fetch: typeof fetch }) => ({
  assignCounsellor: assignCounsellorActivity(deps.counsellingUrl, deps.fetch),
});

const respond =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status });

const input = { founderId: 'f-1', applicationId: 'a-1' };

describe('assignCounsellor activity', () => {
  it('returns the assignment the counselling service made', async () => {
    const activities = createActivities({
      counsellingUrl: 'http://counselling',
      fetch: respond(201, { assignmentId: 'as-1', counsellorId: 'c-1', founderId: 'f-1' }),
    });
    await expect(activities.assignCounsellor(input)).resolves.toEqual({
      assignmentId: 'as-1',
      counsellorId: 'c-1',
    });
  });

  it('fails for good on a 4xx, which a retry cannot change', async () => {
    const activities = createActivities({
      counsellingUrl: 'http://counselling',
      fetch: respond(400, { detail: 'founderId: invalid uuid' }),
    });
    const failure = await activities.assignCounsellor(input).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true });
    expect(String(failure)).toMatch(/invalid uuid/);
  });

  it('throws a retriable error on a 5xx', async () => {
    const activities = createActivities({
      counsellingUrl: 'http://counselling',
      fetch: respond(503, {}),
    });
    const failure = await activities.assignCounsellor(input).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect(String(failure)).toMatch(/503; will retry/);
  });
});
