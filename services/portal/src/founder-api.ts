import type { ServiceApis } from './api';
import type { Slot } from './oslo-time';
import type { StatusView } from './pages/status';

/**
 * What the founder's pages ask the services, always with the founder's own link token (the
 * services check it; the portal holds no identity of its own). Expected refusals are results,
 * not exceptions; a service that does not answer is 'unavailable', so one missing service
 * never takes the whole status page down.
 */
export interface FounderLink {
  applicationId: string;
  token: string;
}

export type FounderApplication = StatusView & { founderId: string };

export interface JourneyView {
  stage: string;
  timeline: Array<{ stage: string; at: string; reasonCode?: string }>;
}

export interface AppointmentView {
  appointmentId: string;
  kind: string;
  mode: string;
  startsAt: string;
  endsAt: string;
  status: string;
  confirmed?: boolean;
}

export type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; code: string };

const founderHeaders = (link: FounderLink, language?: string) => ({
  'founder-token': link.token,
  ...(language === undefined ? {} : { 'accept-language': language }),
});

async function orUnavailable<T>(ask: () => Promise<T>): Promise<T | 'unavailable'> {
  try {
    return await ask();
  } catch {
    return 'unavailable';
  }
}

/** The application the link opens (with the founder's own id), or undefined. */
export async function applicationOf(
  apis: ServiceApis,
  link: FounderLink,
  language: string,
): Promise<FounderApplication | undefined> {
  const answer = await apis.intake(`/applications/${link.applicationId}`, {
    headers: founderHeaders(link, language),
  });
  if (answer.status !== 200 || typeof answer.body.founderId !== 'string') return undefined;
  return answer.body as unknown as FounderApplication;
}

export function journeyOf(apis: ServiceApis, founderId: string, link: FounderLink) {
  return orUnavailable(async (): Promise<JourneyView | 'none' | 'unavailable'> => {
    const answer = await apis.journeys(`/journeys/${founderId}`, { headers: founderHeaders(link) });
    if (answer.status === 404) return 'none';
    if (answer.status !== 200) return 'unavailable';
    return answer.body as unknown as JourneyView;
  });
}

/** 403 from counselling: the link opens no case yet, i.e. no counsellor is assigned. */
export function appointmentsOf(apis: ServiceApis, founderId: string, link: FounderLink) {
  return orUnavailable(async (): Promise<AppointmentView[] | 'no-counsellor' | 'unavailable'> => {
    const answer = await apis.counselling(`/cases/${founderId}/appointments`, {
      headers: founderHeaders(link),
    });
    if (answer.status === 403 || answer.status === 404) return 'no-counsellor';
    if (answer.status !== 200) return 'unavailable';
    return (answer.body.appointments ?? []) as AppointmentView[];
  });
}

export function slotsOf(
  apis: ServiceApis,
  founderId: string,
  link: FounderLink,
  query: { kind: string; from: string; to: string },
) {
  return orUnavailable(async (): Promise<Slot[] | 'no-counsellor' | 'unavailable'> => {
    const search = new URLSearchParams(query).toString();
    const answer = await apis.counselling(`/cases/${founderId}/slots?${search}`, {
      headers: founderHeaders(link),
    });
    if (answer.status === 403 || answer.status === 404) return 'no-counsellor';
    if (answer.status !== 200) return 'unavailable';
    return (answer.body.slots ?? []) as Slot[];
  });
}

export async function appointmentOf(
  apis: ServiceApis,
  link: FounderLink,
  appointmentId: string,
): Promise<AppointmentView | undefined> {
  const answer = await apis.counselling(`/appointments/${appointmentId}`, {
    headers: founderHeaders(link),
  });
  return answer.status === 200 ? (answer.body as unknown as AppointmentView) : undefined;
}

/** A change in counselling: 2xx ok; a 409's refusal code; otherwise a code for the page. */
export async function change(
  apis: ServiceApis,
  link: FounderLink,
  path: string,
  body: unknown,
): Promise<Outcome> {
  const answer = await apis.counselling(path, {
    method: 'POST',
    body,
    headers: founderHeaders(link),
  });
  if (answer.status >= 200 && answer.status < 300) return { ok: true, body: answer.body };
  if (answer.status === 409 && typeof answer.body.code === 'string') {
    return { ok: false, code: answer.body.code };
  }
  if (answer.status === 400) return { ok: false, code: 'invalid' };
  if (answer.status >= 500) return { ok: false, code: 'unavailable' };
  return { ok: false, code: 'refused' };
}
