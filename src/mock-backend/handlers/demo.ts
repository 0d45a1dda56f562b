import { HttpResponse, http } from 'msw';
import {
  type DemoClock,
  demoClockUpdateSchema,
  faultSpecSchema,
  type PersonaList,
} from '../../api/demo-contract.ts';
import { instantOf } from '../../sharing/expiry.ts';
import { backend } from '../backend.ts';
import { moveDemoClock } from '../expiry-settlement.ts';
import { errorResponse, parseBody } from '../http.ts';
import { personaDefinitions, personaId, personaToken } from '../personas.ts';
import { apiPath } from '../routes.ts';
import { organizations } from '../seed.ts';

/** The demo personas with their bearer tokens. */
export function personaList(): PersonaList {
  const data = personaDefinitions.map((persona) => ({
    id: personaId(persona.key),
    fullName: persona.fullName,
    username: persona.email,
    token: personaToken(persona.key),
    orgName: organizations[persona.org].name,
    description: persona.description,
  }));
  return { count: data.length, data };
}

function clockBody(): DemoClock {
  const { clock } = backend.db;
  return { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs };
}

/** Demo-only endpoints: personas, reset, fault injection, the clock. They need no token and are never faulted. */
export const demoHandlers = [
  http.get(apiPath('/demo/personas'), () => HttpResponse.json(personaList())),
  http.post(apiPath('/demo/reset'), () => {
    backend.reset();
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(apiPath('/demo/faults'), async ({ request }) => {
    const spec = await parseBody(request, faultSpecSchema);
    if (spec instanceof Response) return spec;
    if (spec.status === undefined && spec.delayMs === undefined && !spec.networkError) {
      return errorResponse(400, {
        message: 'A fault needs a status, a delayMs or networkError: true.',
        code: 'INVALID_REQUEST',
        errors: [{ index: null, code: 'INVALID_REQUEST', message: 'Nothing to inject.', path: ['status'] }],
      });
    }
    return HttpResponse.json(backend.faults.add(spec), { status: 201 });
  }),
  http.delete(apiPath('/demo/faults'), () => {
    backend.faults.clear();
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(apiPath('/demo/clock'), () => HttpResponse.json(clockBody())),
  http.post(apiPath('/demo/clock'), async ({ request }) => {
    const body = await parseBody(request, demoClockUpdateSchema);
    if (body instanceof Response) return body;
    moveDemoClock(
      backend.db,
      body.now !== undefined ? { to: instantOf(body.now) } : { advanceDays: body.advanceDays ?? 0 },
    );
    backend.save();
    return HttpResponse.json(clockBody());
  }),
  http.delete(apiPath('/demo/clock'), () => {
    moveDemoClock(backend.db, { realTime: true });
    backend.save();
    return new HttpResponse(null, { status: 204 });
  }),
];
