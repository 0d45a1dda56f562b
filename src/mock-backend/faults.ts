import type { Fault, FaultSpec } from '../api/demo-contract.ts';

/** What a matching fault does to a request. */
export type FaultEffect =
  | { kind: 'status'; status: number; delayMs: number }
  | { kind: 'networkError'; delayMs: number }
  | { kind: 'delay'; delayMs: number };

function segmentsOf(path: string): string[] {
  return path
    .replace(/^(…|\.\.\.)/, '')
    .split('/')
    .filter((segment) => segment !== '');
}

/** Whether a request path ends with a fault's path; `*` matches any one segment. */
export function faultPathMatches(pattern: string, pathname: string): boolean {
  const wanted = segmentsOf(pattern);
  const actual = segmentsOf(pathname);
  if (wanted.length === 0 || wanted.length > actual.length) return false;
  const tail = actual.slice(actual.length - wanted.length);
  return wanted.every((segment, index) => segment === '*' || segment === tail[index]);
}

/** Faults injected for demos and tests: each applies to the next `times` matching requests. */
export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;

  add(spec: FaultSpec): Fault {
    this.counter += 1;
    const fault: Fault = {
      id: `fault-${this.counter}`,
      path: spec.path,
      method: spec.method ? spec.method.toUpperCase() : null,
      status: spec.status ?? null,
      delayMs: spec.delayMs ?? null,
      networkError: spec.networkError ?? false,
      remaining: spec.times ?? null,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** The effect of the first fault matching a request, counting it as used; undefined when none matches. */
  take(method: string, pathname: string): FaultEffect | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.method === null || candidate.method === method.toUpperCase()) &&
        faultPathMatches(candidate.path, pathname),
    );
    if (!fault) return undefined;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    const delayMs = fault.delayMs ?? 0;
    if (fault.networkError) return { kind: 'networkError', delayMs };
    if (fault.status !== null) return { kind: 'status', status: fault.status, delayMs };
    return { kind: 'delay', delayMs };
  }
}

/**
 * A fault written in a URL, `?fault=METHOD:path:effect[:times]`, where effect is a status (`500`), a delay
 * (`delay3000`) or `network`; method `*` matches any. E.g. `?fault=PATCH:/sharedRoles:500:1`.
 */
export function parseFaultParam(value: string): FaultSpec | null {
  const [method, path, effect, times] = value.split(':');
  if (!method || !path || !effect) return null;
  const spec: FaultSpec = { path };
  if (method !== '*') spec.method = method.toUpperCase();
  if (/^\d{3}$/.test(effect)) spec.status = Number(effect);
  else if (/^delay\d+$/.test(effect)) spec.delayMs = Number(effect.slice(5));
  else if (effect === 'network') spec.networkError = true;
  else return null;
  if (times !== undefined) {
    if (!/^\d+$/.test(times) || Number(times) < 1) return null;
    spec.times = Number(times);
  }
  return spec;
}
