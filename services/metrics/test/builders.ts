import { randomUUID } from 'node:crypto';
import { createEvent, type AnyEvent } from '@grunderboost/contracts';

/** Events of one founder's journey, with the fields the projection reads set explicitly. */
export interface Founder {
  founderId: string;
  applicationId: string;
}

export const newFounder = (): Founder => ({ founderId: randomUUID(), applicationId: randomUUID() });

export function submitted(
  founder: Founder,
  overrides: {
    municipality?: string;
    focusArea?: 'grunder' | 'health-industry' | 'visitor-industry-trade' | 'other';
    language?: string;
    referralSource?: 'nav' | 'usn' | 'self' | 'other';
    submittedAt?: string;
    statistics?: boolean;
  } = {},
): AnyEvent {
  return createEvent('intake.ApplicationSubmitted.v1', {
    source: '/services/intake',
    data: {
      ...founder,
      municipality: overrides.municipality ?? '3301',
      focusArea: overrides.focusArea ?? 'grunder',
      sector: 'J',
      stage: 'idea',
      language: overrides.language ?? 'nb',
      referralSource: overrides.referralSource ?? 'nav',
      submittedAt: overrides.submittedAt ?? '2026-01-10T09:00:00.000Z',
      ...(overrides.statistics === undefined
        ? {}
        : { consents: { statistics: overrides.statistics, sharing: [] } }),
    },
  });
}

export const triaged = (founder: Founder, decision: 'accepted' | 'declined' = 'accepted') =>
  createEvent('intake.ApplicationTriaged.v1', {
    source: '/services/intake',
    data: {
      ...founder,
      decision,
      reasonCodes: ['in-region'],
      triagedAt: '2026-01-11T09:00:00.000Z',
    },
  });

export const assigned = (founder: Founder) =>
  createEvent('counselling.CounsellorAssigned.v1', {
    source: '/services/counselling',
    data: {
      ...founder,
      assignmentId: randomUUID(),
      counsellorId: randomUUID(),
      reasonCode: 'language-match',
      assignedAt: '2026-01-12T09:00:00.000Z',
    },
  });

const appointment = (founder: Founder, startsAt: string) => ({
  appointmentId: randomUUID(),
  founderId: founder.founderId,
  counsellorId: randomUUID(),
  kind: 'first-meeting' as const,
  mode: 'video' as const,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
});

export const completed = (founder: Founder, startsAt = '2026-01-20T09:00:00.000Z') =>
  createEvent('counselling.AppointmentCompleted.v1', {
    source: '/services/counselling',
    data: { ...appointment(founder, startsAt), completedAt: startsAt },
  });

export const noShow = (founder: Founder, startsAt = '2026-01-22T09:00:00.000Z') =>
  createEvent('counselling.AppointmentNoShow.v1', {
    source: '/services/counselling',
    data: { ...appointment(founder, startsAt), recordedAt: startsAt },
  });

export const registered = (founder: Founder) =>
  createEvent('counselling.MilestoneReached.v1', {
    source: '/services/counselling',
    data: {
      milestoneId: randomUUID(),
      founderId: founder.founderId,
      milestone: 'company-registered',
      reachedAt: '2026-02-01T09:00:00.000Z',
    },
  });

export const outcome = (
  founder: Founder,
  input: {
    months: 3 | 6 | 12 | 24 | 36;
    fte: number;
    operating?: boolean;
    funding?: boolean;
    at: string;
  },
) =>
  createEvent('followup.OutcomeReported.v1', {
    source: '/services/followup',
    data: {
      followUpId: randomUUID(),
      founderId: founder.founderId,
      monthsAfterRegistration: input.months,
      stillOperating: input.operating ?? true,
      employeesFte: input.fte,
      revenueBand: 'under-1m',
      hiresFromUnemployment: 0,
      fundingObtained: input.funding ?? false,
      reportedAt: input.at,
    },
  });
