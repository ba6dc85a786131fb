/**
 * Who is asking. Staff carry roles from their bearer token; a founder carries the application
 * their signed link opens, resolved to the founder and case it belongs to.
 */
export type Actor =
  | { kind: 'staff'; staffId: string; roles: readonly string[] }
  | { kind: 'founder'; founderId: string };

export const isLead = (actor: Actor) =>
  actor.kind === 'staff' && (actor.roles.includes('lead') || actor.roles.includes('admin'));

export const isCounsellor = (actor: Actor) =>
  actor.kind === 'staff' && actor.roles.includes('counsellor');

/** A lead sees every case; a counsellor only their own; a founder only their own. */
export function canSeeCase(actor: Actor, entry: { founderId: string; counsellorId: string }) {
  if (isLead(actor)) return true;
  if (actor.kind === 'founder') return actor.founderId === entry.founderId;
  return isCounsellor(actor) && actor.staffId === entry.counsellorId;
}

/** Session notes: the founder's counsellor and leads, never the founder's link. */
export function canReadNotes(actor: Actor, entry: { founderId: string; counsellorId: string }) {
  return actor.kind === 'staff' && canSeeCase(actor, entry);
}

export function partyOf(actor: Actor): 'founder' | 'counsellor' | 'lead' {
  if (actor.kind === 'founder') return 'founder';
  return isLead(actor) ? 'lead' : 'counsellor';
}
