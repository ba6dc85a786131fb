import type { Verification } from '../app/ports';
import { stateOf, type FollowUp } from '../domain/follow-up';

/** What staff and the founder see of a follow-up; overdue is computed for this read. */
export function followUpView(followUp: FollowUp, now: Date, overdueAfterDays: number) {
  const { answers } = followUp;
  return {
    followUpId: followUp.followUpId,
    founderId: followUp.founderId,
    monthsAfterRegistration: followUp.monthsAfterRegistration,
    registeredOn: followUp.registeredOn,
    dueAt: followUp.dueAt.toISOString(),
    status: stateOf(followUp, now, overdueAfterDays),
    openedAt: followUp.openedAt.toISOString(),
    ...(answers === undefined
      ? {}
      : {
          answers: {
            stillOperating: answers.stillOperating,
            employeesFte: answers.employeesFte,
            revenueBand: answers.revenueBand,
            hiresFromUnemployment: answers.hiresFromUnemployment,
            fundingObtained: answers.fundingSources,
          },
        }),
    ...(followUp.answeredAt === undefined ? {} : { answeredAt: followUp.answeredAt.toISOString() }),
    ...(followUp.erasedAt === undefined ? {} : { erasedAt: followUp.erasedAt.toISOString() }),
  };
}

export function verificationView(verification: Verification) {
  return {
    verificationId: verification.verificationId,
    founderId: verification.founderId,
    ...(verification.followUpId === undefined ? {} : { followUpId: verification.followUpId }),
    ...(verification.organisationNumber === undefined
      ? {}
      : { organisationNumber: verification.organisationNumber }),
    ...verification.facts,
    checkedAt: verification.checkedAt.toISOString(),
  };
}
