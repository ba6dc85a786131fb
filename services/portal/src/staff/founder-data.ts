import type { ApiAnswer, ServiceApis } from '../api';
import { osloDate } from '../pages/staff-format';
import type { StageFacts } from './timeline';
import { asStaff, teamOf, type TeamMember } from './team';

export const KINDS = ['first-meeting', 'follow-up', 'business-plan-review'] as const;
export const MODES = ['in-person', 'video', 'phone'] as const;
/** counselling's milestones (packages/contracts); counselling validates what is sent. */
export const MILESTONES = [
  'business-plan-ready',
  'course-completed',
  'company-registered',
  'first-customer',
  'first-hire',
  'funding-granted',
  'nav-assessment-delivered',
] as const;
/** Why staff cancel a session; counselling records the code in its event (no free text). */
export const STAFF_CANCEL_REASONS = [
  'counsellor-unavailable',
  'founder-asked',
  'booked-by-mistake',
] as const;
/** Why a case is closed; the journey shows the founder the reason in their language. */
export const CLOSE_REASONS = [
  'company-running',
  'founder-stopped',
  'no-response',
  'other-service',
] as const;
/** How far ahead the booking form offers free times. */
const SLOT_DAYS = 14;

export interface CaseView {
  founderId: string;
  applicationId: string;
  counsellorId: string;
  reason: string;
  history: Array<{ counsellorId: string; reasonCode: string; reason: string; at: string }>;
}

export interface ApplicationView {
  applicationId: string;
  founderId?: string;
  status: string;
  statusText: string;
  submittedAt: string;
  triage?: { decision?: string; decidedAt?: string };
  details?: {
    contact?: { name?: string; email?: string; phone?: string };
    municipality?: string;
    idea?: string;
    language?: string;
    needs?: string[];
  };
}

export interface AppointmentView {
  appointmentId: string;
  kind: string;
  mode: string;
  startsAt: string;
  endsAt: string;
  status: string;
  confirmed: boolean;
  bookedAt: string;
  closedAt?: string;
  notes?: string;
  milestones: string[];
}

export interface FounderCaseData {
  case: CaseView;
  applications: ApplicationView[];
  appointments: AppointmentView[];
  journey: { stage: string; timeline: StageFacts[] } | undefined;
  team: TeamMember[] | undefined;
  kind: string;
  slots: Array<{ startsAt: string; endsAt: string }> | undefined;
}

interface Call {
  apis: ServiceApis;
  token: string;
  language: string;
}

/** The founder's applications: the case's one, and others found by the same e-mail and founder. */
async function applicationsOf(call: Call, entry: CaseView): Promise<ApplicationView[]> {
  const options = asStaff(call.token, call.language);
  const main = await call.apis.intake(`/applications/${entry.applicationId}`, options);
  if (main.status !== 200) return [];
  const first = main.body as unknown as ApplicationView;
  const email = first.details?.contact?.email;
  if (email === undefined || email === '') return [first];
  const search = await call.apis.intake(
    `/applications?email=${encodeURIComponent(email)}&limit=20`,
    options,
  );
  const found = ((search.body.items ?? []) as ApplicationView[]).filter(
    (item) => item.founderId === entry.founderId,
  );
  return found.some((item) => item.applicationId === first.applicationId)
    ? found
    : [first, ...found];
}

/** The journey's stages from the bridge; a missing or unreachable bridge leaves them out. */
async function journeyOf(call: Call, founderId: string): Promise<FounderCaseData['journey']> {
  const answer = await call.apis
    .journeys(`/journeys/${founderId}`, asStaff(call.token, call.language))
    .catch(() => undefined);
  if (answer?.status !== 200 || typeof answer.body.stage !== 'string') return undefined;
  const timeline = Array.isArray(answer.body.timeline)
    ? (answer.body.timeline as StageFacts[])
    : [];
  return { stage: answer.body.stage, timeline };
}

export const kindOf = (asked: unknown, appointments: AppointmentView[]): string =>
  KINDS.includes(asked as (typeof KINDS)[number])
    ? String(asked)
    : appointments.some((a) => a.status === 'completed' || a.status === 'booked')
      ? 'follow-up'
      : 'first-meeting';

/**
 * Everything the founder's page shows. The case comes first: counselling answers 404 for
 * someone else's case, and then nothing else is asked.
 */
export async function loadFounderCase(
  call: Call,
  founderId: string,
  askedKind: unknown,
): Promise<FounderCaseData | ApiAnswer> {
  const options = asStaff(call.token, call.language);
  const found = await call.apis.counselling(`/cases/${founderId}`, options);
  if (found.status !== 200) return found;
  const entry = found.body as unknown as CaseView;
  const [applications, listed, journey, team] = await Promise.all([
    applicationsOf(call, entry),
    call.apis.counselling(`/cases/${founderId}/appointments`, options),
    journeyOf(call, founderId),
    call.apis.counselling('/counsellors', options),
  ]);
  const appointments = listed.status === 200 ? (listed.body.appointments as AppointmentView[]) : [];
  const kind = kindOf(askedKind, appointments);
  const slots = await freeSlotsOf(call, founderId, kind);
  return { case: entry, applications, appointments, journey, team: teamOf(team), kind, slots };
}

export const isLoaded = (value: FounderCaseData | ApiAnswer): value is FounderCaseData =>
  'case' in value;

/** The case's free times of one kind for the next two weeks; undefined when counselling fails. */
export async function freeSlotsOf(
  call: Call,
  founderId: string,
  kind: string,
  now = new Date(),
): Promise<FounderCaseData['slots']> {
  const slotPath = `/cases/${founderId}/slots?from=${osloDate(now)}&to=${osloDate(now, SLOT_DAYS - 1)}&kind=${encodeURIComponent(kind)}`;
  const free = await call.apis.counselling(slotPath, asStaff(call.token, call.language));
  return free.status === 200 ? (free.body.slots as FounderCaseData['slots']) : undefined;
}

/** One of the case's appointments, or counselling's answer when it cannot be had. */
export async function appointmentOf(
  call: Call,
  founderId: string,
  appointmentId: string,
): Promise<AppointmentView | ApiAnswer> {
  const listed = await call.apis.counselling(
    `/cases/${founderId}/appointments`,
    asStaff(call.token, call.language),
  );
  if (listed.status !== 200) return listed;
  const found = (listed.body.appointments as AppointmentView[]).find(
    (a) => a.appointmentId === appointmentId,
  );
  return found ?? { status: 404, body: {} };
}
