import { authenticateStaff, requireRole, type StaffVerifier } from '@grunderboost/auth';
import {
  AppError,
  methodNotAllowed,
  notFound,
  parseBody,
  parseParams,
  unprocessable,
} from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { FollowUpUseCases } from '../app/use-cases';
import { RegisterUnavailableError } from '../register/brreg-client';
import { CASE_ROLES } from './access';
import { founderParamsSchema, verifySchema } from './schemas';
import { verificationView } from './views';

/** The register's failure is ours to report as a gateway problem, not as a crash. */
function unavailable(error: RegisterUnavailableError): AppError {
  return new AppError({
    status: error.retriable ? 503 : 502,
    title: error.retriable ? 'Service Unavailable' : 'Bad Gateway',
    detail: `Enhetsregisteret could not be asked: ${error.message}`,
    ...(error.retriable ? { headers: { 'Retry-After': '30' } } : {}),
  });
}

export function verificationRoutes(useCases: FollowUpUseCases, verifier: StaffVerifier) {
  const staffOnly = [authenticateStaff(verifier), requireRole(...CASE_ROLES)];
  return (router: Router) => {
    router
      .route('/verifications')
      // Each call asks the register anew and records (and publishes) what it said.
      .post(...staffOnly, async (req, res) => {
        const request = parseBody(verifySchema, req);
        try {
          const verification = await useCases.verify(request);
          if (verification === undefined) {
            throw unprocessable(`Follow-up ${request.followUpId} is not one of this founder's`);
          }
          res.status(201).json(verificationView(verification));
        } catch (error) {
          if (error instanceof RegisterUnavailableError) throw unavailable(error);
          throw error;
        }
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/verifications/:founderId')
      .get(...staffOnly, async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        const latest = await useCases.latestVerification(founderId);
        if (latest === undefined) throw notFound(`No verification for founder ${founderId}`);
        res.json(verificationView(latest));
      })
      .all(methodNotAllowed(['GET']));
  };
}
