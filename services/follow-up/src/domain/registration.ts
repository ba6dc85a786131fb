import type { registrationStatuses } from '@grunderboost/contracts';

export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The few facts of a register entity this service uses (validated by the register client). */
export interface RegisterEntity {
  organisationNumber: string;
  organisationFormCode?: string;
  registeredOn?: string;
  naceCode?: string;
  bankrupt: boolean;
  underLiquidation: boolean;
  underForcedLiquidation: boolean;
  deletedOn?: string;
}

/** What the register answered for an organisation number. */
export type RegisterAnswer =
  | { kind: 'found'; entity: RegisterEntity }
  | { kind: 'gone'; deletedOn?: string }
  | { kind: 'not-found' };

export interface RegistrationFacts {
  status: RegistrationStatus;
  registeredOn?: string;
  deletedOn?: string;
  organisationFormCode?: string;
  naceCode?: string;
}

/**
 * Deletion outranks bankruptcy (a bankrupt estate ends deleted), bankruptcy outranks liquidation
 * (a bankruptcy is a forced winding-up with its own flag); anything else is registered.
 */
export function statusOf(entity: RegisterEntity): RegistrationStatus {
  if (entity.deletedOn !== undefined) return 'deleted';
  if (entity.bankrupt) return 'bankrupt';
  if (entity.underLiquidation || entity.underForcedLiquidation) return 'under-liquidation';
  return 'registered';
}

/** The facts an answer establishes: codes and dates only, never the number or the name. */
export function factsOf(answer: RegisterAnswer): RegistrationFacts {
  if (answer.kind === 'not-found') return { status: 'not-found' };
  if (answer.kind === 'gone') {
    return { status: 'deleted', ...(answer.deletedOn ? { deletedOn: answer.deletedOn } : {}) };
  }
  const { entity } = answer;
  return {
    status: statusOf(entity),
    ...(entity.registeredOn === undefined ? {} : { registeredOn: entity.registeredOn }),
    ...(entity.deletedOn === undefined ? {} : { deletedOn: entity.deletedOn }),
    ...(entity.organisationFormCode === undefined
      ? {}
      : { organisationFormCode: entity.organisationFormCode }),
    ...(entity.naceCode === undefined ? {} : { naceCode: entity.naceCode }),
  };
}
