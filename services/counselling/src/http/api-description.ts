import { buildOpenApiDocument, type ApiRoute, type JsonObject } from '@grunderboost/service-kit';
import type { z } from 'zod';
import * as out from './response-schemas';
import * as input from './schemas';

const staff = ['staffBearer'];
const founderOrStaff = ['founderLink', 'founderLinkHeader', 'staffBearer'];
const tokenQuery = input.tokenQuerySchema;
const appointmentParams = input.appointmentParamsSchema;
const founderParams = input.founderParamsSchema;
const counsellorParams = input.counsellorParamsSchema;
const ok = (body: z.ZodType, description = 'OK') => ({ 200: { description, body } });
const conflict = { 409: { description: 'Refused in this state (slot taken, allowance used, …)' } };

function route(r: ApiRoute): ApiRoute {
  return r;
}

const appointmentAction = (path: string, summary: string, body?: z.ZodType): ApiRoute =>
  route({
    method: 'post',
    path: `/appointments/:appointmentId/${path}`,
    operationId: `${path.replace(/-(.)/g, (_m, c: string) => c.toUpperCase())}Appointment`,
    summary,
    tags: ['appointments'],
    security: founderOrStaff,
    params: appointmentParams,
    query: tokenQuery,
    ...(body === undefined ? {} : { body }),
    responses: { ...ok(out.appointmentSchema), ...conflict },
  });

function assignmentRoutes(): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/assignments',
      operationId: 'assignCounsellor',
      summary: 'Assign a counsellor to a founder (called by the journey workflow)',
      description: 'Idempotent per founder: an open case is returned with 200. Internal: no token.',
      tags: ['assignments'],
      body: input.assignmentRequestSchema,
      responses: {
        201: { description: 'Assigned', body: out.assignmentSchema },
        ...ok(out.assignmentSchema, 'Already assigned'),
        503: { description: 'No counsellor available' },
      },
    }),
    route({
      method: 'get',
      path: '/assignments/:founderId',
      operationId: 'getAssignment',
      summary: "The founder's current assignment (ids and codes)",
      tags: ['assignments'],
      params: founderParams,
      responses: ok(out.assignmentSchema),
    }),
    route({
      method: 'get',
      path: '/me',
      operationId: 'getMyCase',
      summary: "A founder's own assignment, opened by their link",
      tags: ['founders'],
      security: ['founderLink', 'founderLinkHeader'],
      query: tokenQuery,
      responses: ok(out.assignmentSchema),
    }),
    route({
      method: 'get',
      path: '/cases/:founderId',
      operationId: 'getCase',
      summary: 'An open case with its assignment history',
      tags: ['cases'],
      security: founderOrStaff,
      params: founderParams,
      query: tokenQuery,
      responses: ok(out.caseSchema),
    }),
    route({
      method: 'post',
      path: '/cases/:founderId/reassign',
      operationId: 'reassignCase',
      summary: 'A lead moves a case to another counsellor (or lets the rule choose)',
      tags: ['cases'],
      security: staff,
      params: founderParams,
      body: input.reassignSchema,
      responses: { ...ok(out.caseSchema), ...conflict },
    }),
    route({
      method: 'post',
      path: '/cases/:founderId/close',
      operationId: 'closeCase',
      summary: 'The counsellor or a lead closes a case',
      tags: ['cases'],
      security: staff,
      params: founderParams,
      body: input.closeSchema,
      responses: { ...ok(out.caseSchema), ...conflict },
    }),
    route({
      method: 'get',
      path: '/caseload',
      operationId: 'getCaseload',
      summary: "A counsellor's open cases with stage, next appointment and what is overdue",
      description: 'Counsellors get their own; a lead may name any counsellorId.',
      tags: ['cases'],
      security: staff,
      query: input.caseloadQuerySchema,
      responses: ok(out.caseloadSchema),
    }),
    route({
      method: 'get',
      path: '/caseloads',
      operationId: 'getTeamCaseloads',
      summary: "A lead's view: every counsellor's load against capacity",
      tags: ['cases'],
      security: staff,
      responses: ok(out.teamSchema),
    }),
  ];
}

function counsellorRoutes(): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/counsellors',
      operationId: 'listCounsellors',
      summary: 'The team',
      tags: ['counsellors'],
      security: staff,
      responses: ok(out.counsellorListSchema),
    }),
    route({
      method: 'post',
      path: '/counsellors',
      operationId: 'createCounsellor',
      summary: 'A lead adds a counsellor',
      tags: ['counsellors'],
      security: staff,
      body: input.newCounsellorSchema,
      responses: { 201: { description: 'Created', body: out.counsellorSchema }, ...conflict },
    }),
    route({
      method: 'get',
      path: '/counsellors/:counsellorId',
      operationId: 'getCounsellor',
      summary: 'One counsellor',
      tags: ['counsellors'],
      security: staff,
      params: counsellorParams,
      responses: ok(out.counsellorSchema),
    }),
    route({
      method: 'put',
      path: '/counsellors/:counsellorId',
      operationId: 'replaceCounsellor',
      summary: "A lead replaces a counsellor's profile and availability",
      tags: ['counsellors'],
      security: staff,
      params: counsellorParams,
      body: input.counsellorProfileSchema,
      responses: ok(out.counsellorSchema),
    }),
    route({
      method: 'post',
      path: '/counsellors/:counsellorId/leave',
      operationId: 'registerLeave',
      summary: "A lead records leave; the counsellor's open cases move to colleagues",
      tags: ['counsellors'],
      security: staff,
      params: counsellorParams,
      body: input.leaveSchema,
      responses: ok(out.leaveOutcomeSchema),
    }),
    route({
      method: 'get',
      path: '/counsellors/:counsellorId/calendar-link',
      operationId: 'getCalendarLink',
      summary: "The path of the counsellor's iCalendar feed",
      tags: ['counsellors'],
      security: staff,
      params: counsellorParams,
      responses: ok(out.calendarLinkSchema),
    }),
    route({
      method: 'get',
      path: '/counsellors/:counsellorId/calendar.ics',
      operationId: 'getCalendarFeed',
      summary: 'The counsellor’s appointments as an iCalendar (RFC 5545) feed',
      tags: ['counsellors'],
      params: counsellorParams,
      query: input.calendarQuerySchema,
      responses: { 200: { description: 'text/calendar', contentType: 'text/calendar' } },
    }),
  ];
}

function appointmentRoutes(): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/cases/:founderId/slots',
      operationId: 'listSlots',
      summary: "Free slots of the founder's counsellor (availability minus bookings, with buffers)",
      tags: ['appointments'],
      security: founderOrStaff,
      params: founderParams,
      query: input.slotQuerySchema,
      responses: ok(out.slotListSchema),
    }),
    route({
      method: 'get',
      path: '/cases/:founderId/appointments',
      operationId: 'listAppointments',
      summary: "The founder's appointments",
      tags: ['appointments'],
      security: founderOrStaff,
      params: founderParams,
      query: tokenQuery,
      responses: ok(out.appointmentListSchema),
    }),
    route({
      method: 'post',
      path: '/cases/:founderId/appointments',
      operationId: 'bookAppointment',
      summary: 'The founder (with their link) or their counsellor books a slot',
      tags: ['appointments'],
      security: founderOrStaff,
      params: founderParams,
      query: tokenQuery,
      body: input.bookingSchema,
      responses: { 201: { description: 'Booked', body: out.appointmentSchema }, ...conflict },
    }),
    route({
      method: 'get',
      path: '/appointments/:appointmentId',
      operationId: 'getAppointment',
      summary: 'One appointment (notes only for the counsellor and leads)',
      tags: ['appointments'],
      security: founderOrStaff,
      params: appointmentParams,
      query: tokenQuery,
      responses: ok(out.appointmentSchema),
    }),
    appointmentAction('reschedule', 'Move a booking to another free slot', input.rescheduleSchema),
    appointmentAction('cancel', 'Cancel a booking with a reason code', input.cancelSchema),
    appointmentAction('confirm', 'The founder confirms a booking (needed after two no-shows)'),
    appointmentAction(
      'complete',
      'The counsellor records a held session: private notes and milestones',
      input.completionSchema,
    ),
    appointmentAction('no-show', 'The counsellor records that the founder did not come'),
  ];
}

export function counsellingApiRoutes(): ApiRoute[] {
  return [...assignmentRoutes(), ...counsellorRoutes(), ...appointmentRoutes()];
}

export function counsellingOpenApi(): JsonObject {
  return buildOpenApiDocument({
    title: 'Gründerboost counselling API',
    version: '1.0.0',
    description:
      'Counsellors, assignments, appointments and caseloads. Errors are application/problem+json.',
    securitySchemes: {
      staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      founderLink: {
        type: 'apiKey',
        name: 'token',
        in: 'query',
        description: "The founder's link token",
      },
      founderLinkHeader: { type: 'apiKey', name: 'founder-token', in: 'header' },
    },
    routes: counsellingApiRoutes(),
  });
}
