import type { Catalogue } from '@grunderboost/i18n';
import type { Request, Response } from 'express';
import type { ServiceApis } from '../api';
import { cookiesOf, pageContext } from '../context';
import type { PageContext } from '../layout';
import type { DashboardSettings } from './dashboard-figures';

export interface RouteDeps {
  apis: ServiceApis;
  catalogue: Catalogue;
  consentTextVersion: string;
  /** How the dashboard reads the staff-only figures (ADR 0014); unset: the open summary only. */
  dashboard?: DashboardSettings;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const send = (res: Response, status: number, body: string) =>
  res.status(status).type('html').send(body);

export const contextOf = (deps: RouteDeps, req: Request, res: Response): PageContext =>
  pageContext(req, res, deps.catalogue);

/** The signed-in staff member's bearer token (an HttpOnly cookie set at sign-in). */
export const staffTokenOf = (req: Request): string | undefined => cookiesOf(req).staff_token;
