import type { AnyEvent, EventOf } from '@grunderboost/contracts';
import type { FounderFact, Metric } from './founder-fact';
import { periodKeyOf, type PeriodKind } from './periods';

/**
 * The projection as pure decisions: which counters one event moves, given what is known about
 * its founder. The store turns a plan into single-document updates of the counter cells.
 */

/** One step of one figure, added to every dimension cell of the founder in the given periods. */
export interface CounterStep {
  metric: Metric;
  /** The time that decides the month and quarter. */
  at: Date;
  periods: PeriodKind[];
  count: number;
  /** 1 when the founder is new in this figure and period (for small-group suppression). */
  founders: number;
  /** Added to `sum` (days to first session, FTE). */
  sum: number;
}

export interface Plan {
  /** The fact as it is after the event; undefined leaves it as it is. */
  fact?: FounderFact;
  steps: CounterStep[];
}

const NOTHING: Plan = { steps: [] };
const BOTH: PeriodKind[] = ['month', 'quarter'];
const DAY_MS = 86_400_000;

/** Chains plans of one event: each sees the fact the previous one left. */
function chain(fact: FounderFact, ...parts: Array<(fact: FounderFact) => Plan>): Plan {
  let current = fact;
  let changed = false;
  const steps: CounterStep[] = [];
  for (const part of parts) {
    const plan = part(current);
    if (plan.fact !== undefined) {
      current = plan.fact;
      changed = true;
    }
    steps.push(...plan.steps);
  }
  return changed ? { fact: current, steps } : { steps };
}

/**
 * A once-per-founder step (funnel steps, funding): counted at `at` (the cohort time for the
 * funnel) unless an event already counted it. The fact records which event did.
 */
const once =
  (key: Metric, eventId: string, at?: Date, sum = 0) =>
  (fact: FounderFact): Plan => {
    if (fact.reached[key] !== undefined) return NOTHING;
    return {
      fact: { ...fact, reached: { ...fact.reached, [key]: eventId } },
      steps: [
        { metric: key, at: at ?? fact.submittedAt, periods: BOTH, count: 1, founders: 1, sum },
      ],
    };
  };

/** Something that happens many times: counted in its month, the founder once per period. */
const activity =
  (metric: Metric, at: Date, sum = 0) =>
  (fact: FounderFact): Plan => {
    const seen = [...fact.seen];
    const steps = BOTH.map((kind): CounterStep => {
      const key = `${metric}|${periodKeyOf(kind, at)}`;
      const isNew = !seen.includes(key);
      if (isNew) seen.push(key);
      return { metric, at, periods: [kind], count: 1, founders: isNew ? 1 : 0, sum };
    });
    return { fact: { ...fact, seen }, steps };
  };

/** The founder's first completed session: the funnel step and the days it took. */
function firstSession(eventId: string, at: Date) {
  return (fact: FounderFact): Plan => {
    if (fact.reached.firstSession !== undefined) return NOTHING;
    const days = Math.max(0, (at.getTime() - fact.submittedAt.getTime()) / DAY_MS);
    return chain(
      fact,
      once('firstSession', eventId),
      once('timeToFirstSession', eventId, undefined, days),
    );
  };
}

/** New jobs are the change in reported FTE since the founder's previous follow-up. */
const jobs =
  (outcome: EventOf<'followup.OutcomeReported.v1'>) =>
  (fact: FounderFact): Plan => {
    const { monthsAfterRegistration: months, employeesFte } = outcome.data;
    if (fact.fte !== undefined && fact.fte.months >= months) return NOTHING;
    const delta = employeesFte - (fact.fte?.value ?? 0);
    const plan = activity('jobsCreated', new Date(outcome.data.reportedAt), delta)(fact);
    return {
      fact: { ...(plan.fact ?? fact), fte: { value: employeesFte, months } },
      steps: plan.steps,
    };
  };

function outcomePlan(fact: FounderFact, event: EventOf<'followup.OutcomeReported.v1'>): Plan {
  const { monthsAfterRegistration: months, stillOperating, fundingObtained } = event.data;
  const at = new Date(event.data.reportedAt);
  return chain(
    fact,
    (f) => (months === 12 && stillOperating ? once('operating12', event.id)(f) : NOTHING),
    (f) => (months === 36 && stillOperating ? once('operating36', event.id)(f) : NOTHING),
    (f) => (fundingObtained ? once('fundingObtained', event.id, at)(f) : NOTHING),
    jobs(event),
  );
}

/** The fact an application starts: its dimensions and the consent to statistics. */
export function factOf(event: EventOf<'intake.ApplicationSubmitted.v1'>): FounderFact {
  const { data } = event;
  return {
    founderId: data.founderId,
    applicationId: data.applicationId,
    municipality: data.municipality,
    focusArea: data.focusArea,
    language: data.language.toLowerCase(),
    referralSource: data.referralSource,
    submittedAt: new Date(data.submittedAt),
    // Events from before consents travelled say nothing: they were counted then, and still are.
    statistics: data.consents?.statistics ?? true,
    background: false,
    reached: {},
    seen: [],
  };
}

/** What one event does to the counters, given its founder's fact (undefined: none yet). */
export function planFor(event: AnyEvent, fact: FounderFact | undefined): Plan {
  if (event.type === 'intake.ApplicationSubmitted.v1') {
    // A founder's later applications add no founder to the funnel: the first one counts.
    return fact === undefined ? once('applied', event.id)(factOf(event)) : NOTHING;
  }
  // Without the application the event has no cohort and no dimensions to count it in.
  if (fact === undefined) return NOTHING;
  switch (event.type) {
    case 'intake.ApplicationTriaged.v1':
      return event.data.decision === 'accepted' ? once('accepted', event.id)(fact) : NOTHING;
    case 'counselling.CounsellorAssigned.v1':
      return once('assigned', event.id)(fact);
    case 'counselling.AppointmentCompleted.v1': {
      const at = new Date(event.data.startsAt);
      return chain(fact, activity('sessionsDelivered', at), firstSession(event.id, at));
    }
    case 'counselling.AppointmentNoShow.v1':
      return activity('noShows', new Date(event.data.startsAt))(fact);
    case 'counselling.MilestoneReached.v1':
      return milestonePlan(fact, event);
    case 'followup.OutcomeReported.v1':
      return outcomePlan(fact, event);
    case 'followup.CompanyRegistrationVerified.v1':
      // The register confirms the company: the same funnel step as the counsellor's milestone.
      return event.data.status === 'registered'
        ? once('companyRegistered', event.id)(fact)
        : NOTHING;
    case 'intake.ConsentChanged.v1':
      return consentPlan(fact, event);
    // Nothing the figures need: bookings are not sessions, erasure keeps anonymous counts.
    case 'counselling.AppointmentBooked.v1':
    case 'counselling.AppointmentRescheduled.v1':
    case 'counselling.AppointmentCancelled.v1':
    case 'counselling.CounsellorReassigned.v1':
    case 'counselling.CaseClosed.v1':
    case 'intake.ApplicationWithdrawn.v1':
    case 'intake.FounderErasureRequested.v1':
    case 'journey.StageChanged.v1':
      return NOTHING;
  }
}

function milestonePlan(fact: FounderFact, event: EventOf<'counselling.MilestoneReached.v1'>): Plan {
  if (event.data.milestone === 'company-registered')
    return once('companyRegistered', event.id)(fact);
  if (event.data.milestone === 'funding-granted') {
    return once('fundingObtained', event.id, new Date(event.data.reachedAt))(fact);
  }
  return NOTHING;
}

/** Consent changes apply from now on: counts already made are anonymous aggregates. */
function consentPlan(fact: FounderFact, event: EventOf<'intake.ConsentChanged.v1'>): Plan {
  if (event.data.consent === 'statistics') {
    return { fact: { ...fact, statistics: event.data.granted }, steps: [] };
  }
  return NOTHING;
}
