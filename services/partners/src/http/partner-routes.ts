import { methodNotAllowed, parseBody, parseParams, parseQuery } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { Dependencies } from '../app/dependencies';
import { ownSubscription, replay, setWebhook, subscribe } from '../app/subscriptions';
import { partnerAuth, partnerOf } from './partner-auth';
import {
  deliveriesQuerySchema,
  replaySchema,
  subscriptionParamsSchema,
  subscriptionSchema,
  webhookSchema,
} from './schemas';
import { deliveryView, subscriptionView } from './views';

/** What a partner does with its API key: subscriptions, webhooks, replays, its delivery log. */
export function partnerRoutes(deps: Dependencies) {
  const auth = partnerAuth(deps);
  return (router: Router) => {
    router
      .route('/subscriptions')
      .get(auth, async (req, res) => {
        const list = await deps.subscriptions.ofPartner(partnerOf(req));
        res.json({ subscriptions: list.map(subscriptionView) });
      })
      .post(auth, async (req, res) => {
        const created = await subscribe(deps, partnerOf(req), parseBody(subscriptionSchema, req));
        res
          .status(201)
          .location(`/subscriptions/${created.subscriptionId}`)
          .json(subscriptionView(created));
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/subscriptions/:subscriptionId')
      .get(auth, async (req, res) => {
        const { subscriptionId } = parseParams(subscriptionParamsSchema, req);
        res.json(subscriptionView(await ownSubscription(deps, partnerOf(req), subscriptionId)));
      })
      .delete(auth, async (req, res) => {
        const { subscriptionId } = parseParams(subscriptionParamsSchema, req);
        await ownSubscription(deps, partnerOf(req), subscriptionId);
        await deps.subscriptions.remove(subscriptionId);
        res.status(204).end();
      })
      .all(methodNotAllowed(['GET', 'DELETE']));

    router
      .route('/subscriptions/:subscriptionId/webhook')
      .post(auth, async (req, res) => {
        const { subscriptionId } = parseParams(subscriptionParamsSchema, req);
        const { url } = parseBody(webhookSchema, req);
        const webhook = await setWebhook(deps, partnerOf(req), subscriptionId, url);
        res.status(201).json({ url: webhook.url, secret: webhook.secret });
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/replays')
      .post(auth, async (req, res) => {
        const { since, subscriptionId } = parseBody(replaySchema, req);
        const queued = await replay(deps, partnerOf(req), new Date(since), subscriptionId);
        res.status(202).json({ queued });
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/deliveries')
      .get(auth, async (req, res) => {
        const { after, limit } = parseQuery(deliveriesQuerySchema, req);
        const page = await deps.deliveries.page(partnerOf(req), after, limit);
        const last = page.at(-1);
        res.json({
          deliveries: page.map(deliveryView),
          ...(page.length === limit && last !== undefined ? { next: last.seq } : {}),
        });
      })
      .all(methodNotAllowed(['GET']));
  };
}
