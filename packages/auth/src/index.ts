export {
  ASYMMETRIC_ALGORITHMS,
  DEVELOPMENT_LOCAL_SECRET,
  HMAC_ALGORITHMS,
  JWS_ALGORITHMS,
  staffAuthConfigSchema,
  usesDevelopmentSecret,
  type JwsAlgorithm,
  type StaffAuthConfig,
} from './config';
export {
  KeySetUnavailableError,
  LinkTokenError,
  StaffTokenError,
  type LinkTokenProblem,
  type StaffTokenProblem,
} from './errors';
export {
  createLinkTokens,
  type LinkTokens,
  type LinkTokensOptions,
  type VerifiedLink,
} from './link-tokens';
export {
  DEFAULT_LOCAL_TTL_SECONDS,
  issueLocalStaffToken,
  MAX_LOCAL_TTL_SECONDS,
  type LocalTokenRequest,
} from './local-issuer';
export { localIssuerRoutes } from './local-issuer-routes';
export { authenticateStaff, optionalStaff, requireRole, staffOf } from './middleware';
export { hasRole, isStaffRole, STAFF_ROLES, type StaffPrincipal, type StaffRole } from './roles';
export { createStaffVerifier, type StaffVerifier } from './staff-verifier';
export {
  CLOCK_TOLERANCE_SECONDS,
  DEFAULT_LINK_AUDIENCE,
  LINK_TOKEN_TYP,
  STAFF_TOKEN_TYP,
} from './token-types';
