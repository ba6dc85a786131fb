export const STAFF_ROLES = ['counsellor', 'lead', 'analyst', 'admin'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who a verified staff bearer token speaks for. */
export interface StaffPrincipal {
  /** The token's `sub`. */
  staffId: string;
  /** The known roles of the token's `roles` claim, without duplicates; never empty. */
  roles: StaffRole[];
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * The known roles of a `roles` claim. Unknown ones are dropped rather than rejected so an
 * identity provider may carry roles of other systems in the same claim.
 */
export function knownRoles(claim: unknown): StaffRole[] {
  if (!Array.isArray(claim)) {
    return [];
  }
  return [...new Set(claim.filter(isStaffRole))];
}

/** True when the principal holds at least one of the roles. */
export function hasRole(principal: StaffPrincipal, ...roles: StaffRole[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
