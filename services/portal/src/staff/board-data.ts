import type { ServiceApis } from '../api';
import type { BoardItem, CaseCard } from '../pages/staff';
import { isLead, type StaffSession } from './session';
import { asStaff, namesOf, teamOf } from './team';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One case of counselling's `GET /caseload`. */
interface CaseloadCase {
  founderId: string;
  applicationId: string;
  stage: string;
  nextAppointment?: { startsAt: string; kind: string };
  overdue: Array<{ code: string }>;
}

interface Call {
  apis: ServiceApis;
  token: string;
  language: string;
}

/** intake's applications (newest first) for the board's status columns. */
export async function applicationItems(
  call: Call,
): Promise<{ status: number; items: BoardItem[] }> {
  const answer = await call.apis.intake(
    '/applications?limit=100',
    asStaff(call.token, call.language),
  );
  const items = ((answer.body.items ?? []) as Array<Record<string, unknown>>).map((item) => {
    const details = (item.details ?? {}) as { contact?: { name?: string }; municipality?: string };
    return {
      applicationId: str(item.applicationId),
      status: str(item.status),
      name: str(details.contact?.name),
      municipality: str(details.municipality),
      submittedAt: str(item.submittedAt),
    };
  });
  return { status: answer.status, items };
}

/** The founder's name, from intake (the owner of personal data), by the case's application. */
export async function founderName(call: Call, applicationId: string): Promise<string> {
  const answer = await call.apis.intake(
    `/applications/${applicationId}`,
    asStaff(call.token, call.language),
  );
  const details = (answer.body.details ?? {}) as { contact?: { name?: string } };
  return str(details.contact?.name) || applicationId;
}

async function caseloadOf(call: Call, counsellorId?: string): Promise<CaseloadCase[] | undefined> {
  const query = counsellorId === undefined ? '' : `?counsellorId=${counsellorId}`;
  const answer = await call.apis.counselling(
    `/caseload${query}`,
    asStaff(call.token, call.language),
  );
  return answer.status === 200 ? (answer.body.cases as CaseloadCase[]) : undefined;
}

/** Whose cases a lead sees: everyone counselling counts in its load view. */
async function everyonesCases(call: Call) {
  const team = await call.apis.counselling('/counsellors', asStaff(call.token, call.language));
  const members = teamOf(team);
  if (members === undefined) return undefined;
  const names = namesOf(members);
  const loads = await Promise.all(members.map((m) => caseloadOf(call, m.counsellorId)));
  if (loads.some((load) => load === undefined)) return undefined;
  return members.flatMap((member, index) =>
    (loads[index] ?? []).map((c) => ({ ...c, counsellorName: names.get(member.counsellorId) })),
  );
}

/** The cards of the board: a counsellor's own cases, or everyone's for a lead; names from intake. */
export async function caseCards(
  call: Call,
  session: StaffSession | undefined,
): Promise<CaseCard[] | undefined> {
  const cases = isLead(session) ? await everyonesCases(call) : await caseloadOf(call);
  if (cases === undefined) return undefined;
  return Promise.all(
    cases.map(async (entry): Promise<CaseCard> => ({
      founderId: entry.founderId,
      name: await founderName(call, entry.applicationId),
      stage: entry.stage,
      ...('counsellorName' in entry && typeof entry.counsellorName === 'string'
        ? { counsellorName: entry.counsellorName }
        : {}),
      ...(entry.nextAppointment === undefined ? {} : { nextAppointment: entry.nextAppointment }),
      overdue: entry.overdue.map((o) => o.code),
    })),
  );
}
