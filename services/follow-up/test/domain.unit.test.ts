import { dueDate, answer, erase, isOverdue, stateOf, type FollowUp } from '../src/domain/follow-up';
import { isValidOrganisationNumber, mod11CheckDigit } from '../src/domain/organisation-number';
import { factsOf, statusOf, type RegisterEntity } from '../src/domain/registration';
import { followUpIdOf } from '../src/app/ids';

const DAY = 86_400_000;

function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    followUpId: '0fc2f1fa-76ee-48b0-9b77-3e646d8430e3',
    founderId: '690f5c39-42c3-4431-a685-0111598fb95d',
    monthsAfterRegistration: 3,
    registeredOn: '2026-01-15',
    dueAt: new Date('2026-04-15T00:00:00Z'),
    status: 'open',
    openedAt: new Date('2026-04-15T00:00:00Z'),
    version: 1,
    ...overrides,
  };
}

describe('organisation numbers (MOD11, weights 3 2 7 6 5 4 3 2)', () => {
  it('accepts numbers whose last digit is the check digit', () => {
    expect(isValidOrganisationNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrganisationNumber('923609016')).toBe(true);
  });

  it('refuses a wrong check digit, wrong lengths and non-digits', () => {
    expect(isValidOrganisationNumber('974760674')).toBe(false);
    expect(isValidOrganisationNumber('97476067')).toBe(false);
    expect(isValidOrganisationNumber('9747606730')).toBe(false);
    expect(isValidOrganisationNumber('97476067a')).toBe(false);
  });

  it('knows that remainder 1 gives no check digit', () => {
    // 3 * 4 = 12, and 12 mod 11 is 1.
    expect(mod11CheckDigit('40000000')).toBeUndefined();
  });
});

describe('the milestone date', () => {
  it('adds the months on the same day', () => {
    expect(dueDate('2026-01-15', 3).toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(dueDate('2026-11-02', 36).toISOString()).toBe('2029-11-02T00:00:00.000Z');
  });

  it("falls on the month's last day when the month is shorter", () => {
    expect(dueDate('2026-01-31', 3).toISOString()).toBe('2026-04-30T00:00:00.000Z');
    expect(dueDate('2027-08-31', 6).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('overdue', () => {
  const due = new Date('2026-04-15T00:00:00Z');

  it('is an open follow-up N days after it fell due, not a day earlier', () => {
    expect(isOverdue(followUp(), new Date(due.getTime() + 30 * DAY - 1), 30)).toBe(false);
    expect(isOverdue(followUp(), new Date(due.getTime() + 30 * DAY), 30)).toBe(true);
    expect(stateOf(followUp(), new Date(due.getTime() + 31 * DAY), 30)).toBe('overdue');
  });

  it('is never an answered or erased follow-up', () => {
    const late = new Date(due.getTime() + 400 * DAY);
    expect(stateOf(followUp({ status: 'answered' }), late, 30)).toBe('answered');
    expect(stateOf(followUp({ status: 'erased' }), late, 30)).toBe('erased');
  });
});

describe('answering', () => {
  const answers = {
    stillOperating: true,
    employeesFte: 1.5,
    revenueBand: 'under-1m' as const,
    hiresFromUnemployment: 1,
    fundingSources: ['nav-etablering' as const],
  };
  const now = new Date('2026-05-01T10:00:00Z');

  it('happens once', () => {
    const first = answer(followUp(), answers, now);
    if (!first.ok) throw new Error('expected an answer');
    expect(first.followUp).toMatchObject({ status: 'answered', answers, answeredAt: now });
    expect(answer(first.followUp, answers, now)).toEqual({ ok: false, reason: 'already-answered' });
  });

  it('is refused after erasure, which drops the answers', () => {
    const answered = answer(followUp(), answers, now);
    if (!answered.ok) throw new Error('expected an answer');
    const erased = erase(answered.followUp, now);
    expect(erased).not.toHaveProperty('answers');
    expect(erased.status).toBe('erased');
    expect(answer(erased, answers, now)).toEqual({ ok: false, reason: 'erased' });
  });
});

describe('follow-up ids', () => {
  it('are the same for the same founder and milestone, and differ otherwise', () => {
    const founder = '690f5c39-42c3-4431-a685-0111598fb95d';
    expect(followUpIdOf(founder, 3)).toBe(followUpIdOf(founder.toUpperCase(), 3));
    expect(followUpIdOf(founder, 3)).not.toBe(followUpIdOf(founder, 6));
    expect(followUpIdOf(founder, 3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab]/);
  });
});

describe('register status', () => {
  const entity: RegisterEntity = {
    organisationNumber: '974760673',
    bankrupt: false,
    underLiquidation: false,
    underForcedLiquidation: false,
  };

  it('ranks deletion over bankruptcy over liquidation', () => {
    expect(statusOf(entity)).toBe('registered');
    expect(statusOf({ ...entity, underForcedLiquidation: true })).toBe('under-liquidation');
    expect(statusOf({ ...entity, underLiquidation: true, bankrupt: true })).toBe('bankrupt');
    expect(statusOf({ ...entity, bankrupt: true, deletedOn: '2027-01-02' })).toBe('deleted');
  });

  it('maps answers to facts without the organisation number', () => {
    expect(factsOf({ kind: 'not-found' })).toEqual({ status: 'not-found' });
    expect(factsOf({ kind: 'gone', deletedOn: '2027-01-02' })).toEqual({
      status: 'deleted',
      deletedOn: '2027-01-02',
    });
    const facts = factsOf({
      kind: 'found',
      entity: { ...entity, organisationFormCode: 'ENK', registeredOn: '2026-01-15' },
    });
    expect(facts).toEqual({
      status: 'registered',
      organisationFormCode: 'ENK',
      registeredOn: '2026-01-15',
    });
  });
});
