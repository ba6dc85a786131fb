import type { RequestHandler } from 'express';
import { sendProblem } from './problem';

/**
 * The last handler of a route: any other method gets 405 with the Allow header, e.g.
 * router.route('/x').get(h).post(h).all(methodNotAllowed(['GET', 'POST'])).
 */
export function methodNotAllowed(allowed: string[]): RequestHandler {
  const methods = allowed.map((method) => method.toUpperCase());
  // Express answers HEAD with the GET handler, so HEAD is allowed wherever GET is.
  if (methods.includes('GET') && !methods.includes('HEAD')) {
    methods.push('HEAD');
  }
  const allow = methods.join(', ');
  return (req, res) => {
    res.setHeader('Allow', allow);
    sendProblem(req, res, {
      status: 405,
      title: 'Method Not Allowed',
      detail: `${req.method} is not allowed here; allowed: ${allow}`,
    });
  };
}
