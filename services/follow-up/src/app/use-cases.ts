import { followUpMonths } from '@grunderboost/contracts';
import {
  answer,
  dueDate,
  erase,
  type FollowUp,
  type FollowUpMonth,
  type SurveyAnswers,
} from '../domain/follow-up';
import { factsOf } from '../domain/registration';
import { followUpIdOf } from './ids';
import type {
  CompanyRegister,
  FollowUpEvents,
  FollowUpStore,
  ListFilters,
  Verification,
  VerificationStore,
} from './ports';

export interface Dependencies {
  followUps: FollowUpStore;
  verifications: VerificationStore;
  register: CompanyRegister;
  events: FollowUpEvents;
  overdueAfterDays: number;
  newId: () => string;
  now: () => Date;
}

export interface OpenRequest {
  founderId: string;
  monthsAfterRegistration: FollowUpMonth;
  registeredOn: string;
}

export type OpenResult =
  { kind: 'created' | 'existing'; followUp: FollowUp } | { kind: 'conflict'; followUp: FollowUp };

export type AnswerOutcome =
  | { kind: 'answered'; followUp: FollowUp }
  | { kind: 'not-found' }
  | { kind: 'already-answered' | 'erased' | 'conflict' };

export interface VerifyRequest {
  founderId: string;
  organisationNumber: string;
  followUpId?: string;
}

export function followUpUseCases(deps: Dependencies) {
  const { followUps } = deps;

  /** Idempotent per founder and milestone; a retry with another registration date is refused. */
  async function open(request: OpenRequest): Promise<OpenResult> {
    const followUpId = followUpIdOf(request.founderId, request.monthsAfterRegistration);
    const existing = await followUps.findById(followUpId);
    if (existing !== undefined) return compare(existing, request);
    const followUp: FollowUp = {
      followUpId,
      founderId: request.founderId.toLowerCase(),
      monthsAfterRegistration: request.monthsAfterRegistration,
      registeredOn: request.registeredOn,
      dueAt: dueDate(request.registeredOn, request.monthsAfterRegistration),
      status: 'open',
      openedAt: deps.now(),
      version: 1,
    };
    if ((await followUps.create(followUp)) === 'created') return { kind: 'created', followUp };
    // A concurrent first attempt won the insert: answer as its retry would be answered.
    const winner = await followUps.findById(followUpId);
    if (winner === undefined) throw new Error(`follow-up ${followUpId} vanished after a collision`);
    return compare(winner, request);
  }

  async function submitAnswers(followUpId: string, answers: SurveyAnswers) {
    const current = await followUps.findById(followUpId);
    if (current === undefined) return { kind: 'not-found' } as const;
    const result = answer(current, answers, deps.now());
    if (!result.ok) return { kind: result.reason } as const;
    const event = deps.events.outcomeReported(result.followUp);
    const saved = await followUps.save(result.followUp, current.version, [event]);
    if (!saved) return { kind: 'conflict' } as const;
    deps.events.written('follow-ups', followUpId);
    return { kind: 'answered', followUp: { ...result.followUp, version: current.version + 1 } };
  }

  /** undefined when the request names a follow-up that is not this founder's. */
  async function verify(request: VerifyRequest): Promise<Verification | undefined> {
    if (request.followUpId !== undefined) {
      const followUp = await followUps.findById(request.followUpId);
      if (followUp?.founderId !== request.founderId.toLowerCase()) return undefined;
    }
    const registerAnswer = await deps.register.lookUp(request.organisationNumber);
    const verification: Verification = {
      verificationId: deps.newId(),
      founderId: request.founderId.toLowerCase(),
      ...(request.followUpId === undefined ? {} : { followUpId: request.followUpId }),
      organisationNumber: request.organisationNumber,
      facts: factsOf(registerAnswer),
      checkedAt: deps.now(),
    };
    await deps.verifications.record(verification, deps.events.registrationVerified(verification));
    deps.events.written('registrations', verification.founderId);
    return verification;
  }

  /** Erases what this service holds of the founder: survey answers and organisation numbers. */
  async function eraseFounder(founderId: string): Promise<number> {
    let erased = 0;
    for (const months of followUpMonths) {
      const current = await followUps.findById(followUpIdOf(founderId, months));
      if (current === undefined || current.status === 'erased') continue;
      if (await followUps.save(erase(current, deps.now()), current.version, [])) erased += 1;
      else throw new Error(`follow-up ${current.followUpId} changed during erasure; retrying`);
    }
    await deps.verifications.erase(founderId.toLowerCase());
    return erased;
  }

  return {
    open,
    submitAnswers,
    verify,
    eraseFounder,
    findById: (followUpId: string) => followUps.findById(followUpId),
    /** A founder's follow-ups are found by their five derived ids, never by a scan. */
    async ofFounder(founderId: string): Promise<FollowUp[]> {
      const found = await Promise.all(
        followUpMonths.map((months) => followUps.findById(followUpIdOf(founderId, months))),
      );
      return found.filter((f): f is FollowUp => f !== undefined);
    },
    list: (filters: ListFilters) => followUps.list(filters, deps.now(), deps.overdueAfterDays),
    latestVerification: (founderId: string) => deps.verifications.latest(founderId.toLowerCase()),
    overdueAfterDays: deps.overdueAfterDays,
    now: deps.now,
  };
}

function compare(existing: FollowUp, request: OpenRequest): OpenResult {
  return existing.registeredOn === request.registeredOn
    ? { kind: 'existing', followUp: existing }
    : { kind: 'conflict', followUp: existing };
}

export type FollowUpUseCases = ReturnType<typeof followUpUseCases>;
