/**
 * A founder's timeline for their counsellor, merged from the services that own each part:
 * applications (intake), assignments, sessions and milestones (counselling) and journey stages
 * (the journey bridge). Entries carry message keys and ids; the page renders them.
 */
export interface ApplicationFacts {
  applicationId: string;
  submittedAt: string;
  triage?: { decision?: string; decidedAt?: string } | undefined;
}

export interface AssignmentFacts {
  counsellorId: string;
  reasonCode: string;
  at: string;
}

export interface SessionFacts {
  appointmentId: string;
  kind: string;
  status: string;
  startsAt: string;
  bookedAt: string;
  closedAt?: string | undefined;
  milestones: string[];
}

export interface StageFacts {
  stage: string;
  at: string;
  reasonCode?: string | undefined;
}

export interface TimelineEntry {
  at: string;
  source: 'intake' | 'counselling' | 'journey';
  key: string;
  params: Record<string, string>;
}

function applicationEntries(applications: ApplicationFacts[]): TimelineEntry[] {
  return applications.flatMap((application): TimelineEntry[] => {
    const submitted: TimelineEntry = {
      at: application.submittedAt,
      source: 'intake',
      key: 'case.timeline.submitted',
      params: {},
    };
    const { decision, decidedAt } = application.triage ?? {};
    if (decision === undefined || decidedAt === undefined) return [submitted];
    const triaged: TimelineEntry = {
      at: decidedAt,
      source: 'intake',
      key: 'case.timeline.triaged',
      params: { decision },
    };
    return [submitted, triaged];
  });
}

function sessionEntries(sessions: SessionFacts[]): TimelineEntry[] {
  return sessions.flatMap((session): TimelineEntry[] => {
    const params = { kind: session.kind, startsAt: session.startsAt };
    const booked: TimelineEntry = {
      at: session.bookedAt,
      source: 'counselling',
      key: 'case.timeline.booked',
      params,
    };
    if (session.closedAt === undefined) return [booked];
    const closedAt = session.closedAt;
    const closed: TimelineEntry = {
      at: closedAt,
      source: 'counselling',
      key: `case.timeline.${session.status}`,
      params,
    };
    const milestones = session.milestones.map((milestone): TimelineEntry => ({
      at: closedAt,
      source: 'counselling',
      key: 'case.timeline.milestone',
      params: { milestone },
    }));
    return [booked, closed, ...milestones];
  });
}

export function founderTimeline(parts: {
  applications: ApplicationFacts[];
  assignments: AssignmentFacts[];
  sessions: SessionFacts[];
  stages: StageFacts[];
}): TimelineEntry[] {
  const assignments = parts.assignments.map((entry): TimelineEntry => ({
    at: entry.at,
    source: 'counselling',
    key: 'case.timeline.assigned',
    params: { counsellorId: entry.counsellorId, reasonCode: entry.reasonCode },
  }));
  const stages = parts.stages.map((entry): TimelineEntry => ({
    at: entry.at,
    source: 'journey',
    key: 'case.timeline.stage',
    params: { stage: entry.stage, ...(entry.reasonCode ? { reasonCode: entry.reasonCode } : {}) },
  }));
  const all = [
    ...applicationEntries(parts.applications),
    ...assignments,
    ...sessionEntries(parts.sessions),
    ...stages,
  ];
  // Stable sort: entries at the same instant keep the order above (what happened before what).
  return all
    .filter((entry) => !Number.isNaN(Date.parse(entry.at)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
