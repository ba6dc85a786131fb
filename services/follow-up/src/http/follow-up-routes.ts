import {
  authenticateStaff,
  requireRole,
  type LinkTokens,
  type StaffVerifier,
} from '@grunderboost/auth';
import {
  conflict,
  methodNotAllowed,
  notFound,
  parseBody,
  parseParams,
  parseQuery,
} from '@grunderboost/service-kit';
import type { Response, Router } from 'express';
import { listFollowUps } from '../app/queries';
import type { FollowUpUseCases } from '../app/use-cases';
import type { FollowUp } from '../domain/follow-up';
import { admitFounder, admitStaffOrFounder, CASE_ROLES } from './access';
import { decodeCursor, encodeCursor } from './cursor';
import {
  answersSchema,
  followUpParamsSchema,
  listQuerySchema,
  openFollowUpSchema,
  tokenQuerySchema,
} from './schemas';
import { followUpView } from './views';

export interface FollowUpRouteDeps {
  useCases: FollowUpUseCases;
  links: LinkTokens;
  linkBaseUrl: string;
  verifier: StaffVerifier;
}

/** The founder's survey link: the base, the follow-up id and the token. */
export function surveyLink(base: string, followUpId: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/${followUpId}?token=${encodeURIComponent(token)}`;
}

export function followUpRoutes(deps: FollowUpRouteDeps) {
  const { useCases, links } = deps;
  const view = (followUp: FollowUp) =>
    followUpView(followUp, useCases.now(), useCases.overdueAfterDays);
  const staffOnly = [authenticateStaff(deps.verifier), requireRole(...CASE_ROLES)];

  function sendOpened(res: Response, status: number, followUp: FollowUp) {
    const token = links.issue(followUp.followUpId, useCases.now());
    res
      .status(status)
      .location(`/follow-ups/${followUp.followUpId}`)
      .json({
        ...view(followUp),
        surveyLink: surveyLink(deps.linkBaseUrl, followUp.followUpId, token),
        linkToken: token,
      });
  }

  return (router: Router) => {
    router
      .route('/follow-ups')
      // Called by the journey workflow at each milestone; a retry returns the same follow-up.
      .post(...staffOnly, async (req, res) => {
        const result = await useCases.open(parseBody(openFollowUpSchema, req));
        if (result.kind === 'conflict') {
          throw conflict(
            `The ${result.followUp.monthsAfterRegistration}-month follow-up of this founder ` +
              `exists with registeredOn ${result.followUp.registeredOn}`,
          );
        }
        sendOpened(res, result.kind === 'created' ? 201 : 200, result.followUp);
      })
      .get(...staffOnly, async (req, res) => {
        const query = parseQuery(listQuerySchema, req);
        const state = query.overdue === 'true' ? 'overdue' : query.status;
        const items = await listFollowUps(useCases, {
          ...(query.founderId === undefined ? {} : { founderId: query.founderId.toLowerCase() }),
          ...(state === undefined ? {} : { state }),
          limit: query.limit,
          ...(query.cursor === undefined ? {} : { after: decodeCursor(query.cursor) }),
        });
        const last = items.at(-1);
        res.json({
          items: items.map(view),
          nextCursor:
            items.length === query.limit && last !== undefined
              ? encodeCursor(last.dueAt, last.followUpId)
              : null,
        });
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/follow-ups/:id')
      .get(async (req, res) => {
        const { id } = parseParams(followUpParamsSchema, req);
        parseQuery(tokenQuerySchema, req);
        await admitStaffOrFounder(links, req, res, id);
        const followUp = await useCases.findById(id);
        if (followUp === undefined) throw notFound(`No follow-up ${id}`);
        res.json(view(followUp));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/follow-ups/:id/answers')
      .post(async (req, res) => {
        const { id } = parseParams(followUpParamsSchema, req);
        parseQuery(tokenQuerySchema, req);
        await admitFounder(links, req, res, id);
        const { fundingObtained, ...answers } = parseBody(answersSchema, req);
        const result = await useCases.submitAnswers(id, {
          ...answers,
          fundingSources: fundingObtained,
        });
        switch (result.kind) {
          case 'answered':
            res.status(201).json(view(result.followUp));
            return;
          case 'not-found':
            throw notFound(`No follow-up ${id}`);
          case 'already-answered':
            throw conflict('This follow-up has been answered already');
          case 'erased':
            throw conflict('This follow-up was erased at the founder’s request');
          case 'conflict':
            throw conflict('This follow-up changed meanwhile; send the answers again');
        }
      })
      .all(methodNotAllowed(['POST']));
  };
}
