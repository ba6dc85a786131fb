import type { Router } from 'express';
import { methodNotAllowed } from '../method-not-allowed';
import type { JsonObject } from './types';

export const OPENAPI_PATH = '/openapi.json';

/**
 * Serves the document at GET /openapi.json (405 for other methods). Serialised once: the
 * document is fixed for the life of the process.
 */
export function openApiRoute(document: JsonObject): (router: Router) => void {
  const body = JSON.stringify(document);
  return (router) => {
    router
      .route(OPENAPI_PATH)
      .get((_req, res) => {
        res.type('application/json').send(body);
      })
      .all(methodNotAllowed(['GET']));
  };
}
