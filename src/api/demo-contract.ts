/**
 * The demo endpoints of SPEC §7 and the outbox of §5 (demo only), as zod schemas: the mock backend answers them,
 * the demo app reads them, the OpenAPI document describes them. The dialog never needs them.
 */
import { z } from 'zod/mini';
import { instantOf } from '../sharing/expiry.ts';
import { documented, objectIdSchema, pageOf, pagingQuery } from './contract.ts';

// ---------------------------------------------------------------------------------------------------------------
// Outbox

/** One e-mail the backend "sent". */
export const outboxEmailSchema = documented(
  z.object({
    id: objectIdSchema,
    sentAt: documented(z.string(), { description: 'ISO 8601.' }),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string(),
  }),
  { id: 'OutboxEmail' },
);
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

/** `GET /outbox` query. */
export const outboxQuerySchema = z.object(pagingQuery(100, 1000));
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/** `GET /outbox`: a page of e-mails, newest first (sharing with an organization writes one per member). */
export const outboxPageSchema = documented(pageOf(outboxEmailSchema), { id: 'OutboxPage' });
export type OutboxPage = z.infer<typeof outboxPageSchema>;
/** The outbox as the first version of the contract named it (now a page: `data` is unchanged). */
export const outboxListSchema = outboxPageSchema;
export type OutboxList = OutboxPage;

// ---------------------------------------------------------------------------------------------------------------
// Personas and faults

/** A demo persona and its bearer token. */
export const personaSchema = documented(
  z.object({
    id: objectIdSchema,
    fullName: z.string(),
    username: z.string(),
    token: z.string(),
    orgName: z.string(),
    description: documented(z.string(), { description: 'What the persona shows.' }),
  }),
  { id: 'Persona' },
);
export type Persona = z.infer<typeof personaSchema>;

/** `GET /demo/personas`. */
export const personaListSchema = documented(z.object({ count: z.int(), data: z.array(personaSchema) }), {
  id: 'PersonaList',
});
export type PersonaList = z.infer<typeof personaListSchema>;

/** `POST /demo/faults`: one of status, delay or network error, for the next `times` matching requests. */
export const faultSpecSchema = documented(
  z.object({
    path: documented(z.string().check(z.minLength(1)), {
      description: 'Matched against the end of the request path; `*` matches one path segment.',
      examples: ['/sharedRoles', '/datasets/*/sharedRoles'],
    }),
    method: documented(z.optional(z.string()), { description: 'Any method when omitted.' }),
    status: z.optional(z.int().check(z.minimum(400), z.maximum(599))),
    delayMs: z.optional(z.int().check(z.minimum(0), z.maximum(120_000))),
    networkError: z.optional(z.boolean()),
    times: documented(z.optional(z.int().check(z.minimum(1))), {
      description: 'How many requests; unlimited when omitted.',
    }),
  }),
  { id: 'FaultSpec' },
);
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** An injected fault as stored, with the requests it still applies to. */
export const faultSchema = documented(
  z.object({
    id: z.string(),
    path: z.string(),
    method: z.nullable(z.string()),
    status: z.nullable(z.int()),
    delayMs: z.nullable(z.int()),
    networkError: z.boolean(),
    remaining: documented(z.nullable(z.int()), { description: 'Null = unlimited.' }),
  }),
  { id: 'Fault' },
);
export type Fault = z.infer<typeof faultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Demo clock (SPEC §9)

/** `POST /demo/clock`: move the backend's clock to an instant, or some days on (or back, with a negative number). */
export const demoClockUpdateSchema = documented(
  z
    .object({
      now: documented(z.optional(z.string()), {
        description: 'The instant the clock moves to (RFC 3339); it keeps running from there.',
        examples: ['2025-07-20T09:00:00Z'],
      }),
      advanceDays: documented(z.optional(z.number().check(z.minimum(-3650), z.maximum(3650))), {
        description: 'Days to move the clock by; negative moves it back.',
        examples: [3],
      }),
    })
    .check(
      z.refine((body) => (body.now === undefined) !== (body.advanceDays === undefined), {
        message: 'Send either now or advanceDays.',
        path: ['now'],
      }),
      z.refine((body) => body.now === undefined || !Number.isNaN(instantOf(body.now)), {
        message: 'now must be an RFC 3339 date-time.',
        path: ['now'],
      }),
    ),
  { id: 'DemoClockUpdate' },
);
export type DemoClockUpdate = z.infer<typeof demoClockUpdateSchema>;

/** The backend's clock. */
export const demoClockSchema = documented(
  z.object({
    now: documented(z.string(), { description: 'What time it is for the backend (RFC 3339, UTC).' }),
    offsetMs: documented(z.number(), { description: 'How far the clock is from real time; 0 = real time.' }),
  }),
  { id: 'DemoClock' },
);
export type DemoClock = z.infer<typeof demoClockSchema>;
