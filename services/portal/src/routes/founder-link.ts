import type { Request, Response } from 'express';
import { applicationOf, slotsOf, type FounderApplication, type FounderLink } from '../founder-api';
import { t, type PageContext } from '../layout';
import { addDays, groupSlotsByDay, osloDate } from '../oslo-time';
import { KINDS, sessionMissingPage, slotPickerPage, type SlotPickerView } from '../pages/booking';
import { statusHref, type FormProblem } from '../pages/form-parts';
import { contextOf, send, str, UUID, type RouteDeps } from './shared';

/** How far ahead free times are shown (counselling answers at most 31 days at a time). */
const DAYS_AHEAD = 14;
const REFUSALS = new Set([
  'slot-taken',
  'slot-unavailable',
  'allowance-used',
  'digital-only',
  'refused',
  'concurrent-change',
  'invalid',
  'unavailable',
]);

export interface Founder {
  ctx: PageContext;
  link: FounderLink;
  application: FounderApplication;
  /** `/status/<applicationId>`: the founder's pages hang below it. */
  base: string;
}

export const bodyField = (req: Request, name: string): string =>
  str((req.body as Record<string, unknown> | undefined)?.[name]);

/** The founder of the link in the URL, or a readable 404 page (and undefined). */
export async function founderOf(
  deps: RouteDeps,
  req: Request,
  res: Response,
): Promise<Founder | undefined> {
  const ctx = contextOf(deps, req, res);
  const token = str(req.query.token);
  const applicationId = str(req.params.id);
  // Only the session pages have one; a malformed id opens nothing.
  const appointmentId: unknown = (req.params as Record<string, unknown>).appointmentId;
  const wellFormed =
    UUID.test(applicationId) &&
    token !== '' &&
    (appointmentId === undefined || UUID.test(str(appointmentId)));
  const link = { applicationId, token };
  const application = wellFormed ? await applicationOf(deps.apis, link, ctx.language) : undefined;
  if (application === undefined) {
    send(res, 404, sessionMissingPage(ctx));
    return undefined;
  }
  return { ctx, link, application, base: `/status/${applicationId}` };
}

export const kindOf = (req: Request): string => {
  const kind = str(req.query.kind);
  return (KINDS as readonly string[]).includes(kind) ? kind : 'first-meeting';
};

/** The chosen slot's start, when it is a time at all (counselling checks that it is free). */
export const chosenSlot = (req: Request): string => {
  const slot = bodyField(req, 'slot');
  return Number.isNaN(Date.parse(slot)) ? '' : slot;
};

export const backToStatus = (res: Response, founder: Founder, notice: string) =>
  res.redirect(303, statusHref(founder.link.applicationId, founder.link.token, notice));

export const problem = (ctx: PageContext, field: 'slot' | 'mode' | 'reason', key: string) => ({
  field,
  target: field === 'slot' ? 'slot-0-0' : `${field}-0`,
  message: t(ctx, key),
});

/** A 409's refusal code (or another failure) as a problem of the field it concerns. */
export function refusalProblem(ctx: PageContext, code: string): FormProblem {
  const key = `booking.refusal.${REFUSALS.has(code) ? code : 'other'}`;
  return problem(ctx, code === 'digital-only' ? 'mode' : 'slot', key);
}

/** The slot picker with the free times of the next two weeks, fetched fresh. */
export async function pickerPage(
  deps: RouteDeps,
  founder: Founder,
  view: Omit<SlotPickerView, 'days' | 'backHref' | 'token'>,
): Promise<string> {
  const from = osloDate(new Date());
  const slots = await slotsOf(deps.apis, founder.application.founderId, founder.link, {
    kind: view.kind,
    from,
    to: addDays(from, DAYS_AHEAD - 1),
  });
  const days = typeof slots === 'string' ? slots : groupSlotsByDay(slots, founder.ctx.language);
  const backHref = statusHref(founder.link.applicationId, founder.link.token);
  return slotPickerPage(founder.ctx, { ...view, days, backHref, token: founder.link.token });
}
