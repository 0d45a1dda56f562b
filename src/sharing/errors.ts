import type { RuleCode, Violation } from './types.ts';

/** The HTTP status each rule answers with (SPEC §4). */
export const ruleHttpStatus: Record<RuleCode, number> = {
  RECIPIENT_INACTIVE: 422,
  RECIPIENT_OUTSIDE_ORGANIZATION: 422,
  RECIPIENT_NOT_FOUND: 422,
  RECIPIENT_TYPE_NOT_ALLOWED: 422,
  ROLE_ABOVE_OWN_LEVEL: 403,
  TARGET_ABOVE_OWN_LEVEL: 403,
  SHARING_NOT_ALLOWED: 403,
  ROLE_ABOVE_RECIPIENT_CEILING: 422,
  LAST_OWNER: 409,
  LAST_SHARER: 409,
  INVALID_ROLE: 422,
  OPTION_NOT_SUPPORTED: 422,
  TOO_MANY_ENTRIES: 422,
  DUPLICATE_RECIPIENT: 422,
  NOTE_TOO_LONG: 422,
  VERSION_CONFLICT: 412,
  LINEAGE_INPUT_NOT_SHAREABLE: 409,
  DATA_USE_NOT_HELD: 403,
  REQUEST_NOT_NEEDED: 422,
  REQUEST_PENDING: 409,
  REQUEST_NOT_PENDING: 422,
  INVALID_EXPIRY: 422,
};

/** The rule (SPEC §4) each error code belongs to. */
export const ruleOfCode: Record<RuleCode, `R${number}`> = {
  RECIPIENT_INACTIVE: 'R1',
  RECIPIENT_OUTSIDE_ORGANIZATION: 'R2',
  RECIPIENT_NOT_FOUND: 'R3',
  RECIPIENT_TYPE_NOT_ALLOWED: 'R4',
  ROLE_ABOVE_OWN_LEVEL: 'R5',
  TARGET_ABOVE_OWN_LEVEL: 'R6',
  SHARING_NOT_ALLOWED: 'R7',
  ROLE_ABOVE_RECIPIENT_CEILING: 'R8',
  LAST_OWNER: 'R9',
  LAST_SHARER: 'R10',
  INVALID_ROLE: 'R11',
  OPTION_NOT_SUPPORTED: 'R12',
  TOO_MANY_ENTRIES: 'R13',
  DUPLICATE_RECIPIENT: 'R13',
  NOTE_TOO_LONG: 'R14',
  VERSION_CONFLICT: 'R15',
  LINEAGE_INPUT_NOT_SHAREABLE: 'R16',
  DATA_USE_NOT_HELD: 'R18',
  REQUEST_NOT_NEEDED: 'R20',
  REQUEST_PENDING: 'R20',
  REQUEST_NOT_PENDING: 'R20',
  INVALID_EXPIRY: 'R19',
};

/** The rules about who may do what (R5, R6, R7, R18): an entry that breaks one is reported with those alone. */
export const authorizationCodes: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'ROLE_ABOVE_OWN_LEVEL',
  'TARGET_ABOVE_OWN_LEVEL',
  'SHARING_NOT_ALLOWED',
  'DATA_USE_NOT_HELD',
]);

/** The code of a response that carries violations of different rules. */
const VALIDATION_FAILED = 'VALIDATION_FAILED';

/** The status, code and message of a refused request, from all of its violations (SPEC §4). */
export interface ViolationSummary {
  status: number;
  code: RuleCode | typeof VALIDATION_FAILED;
  message: string;
}

function shared<T>(values: readonly T[]): T | undefined {
  const [first] = values;
  return values.every((value) => value === first) ? first : undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summaryMessage(violations: readonly Violation[]): string {
  const [only] = violations;
  if (violations.length === 1 && only) return only.message;
  const entries = new Set(violations.map((violation) => violation.index));
  if (!entries.has(null)) {
    return `${plural(entries.size, 'change')} could not be applied; nothing was changed.`;
  }
  return `${plural(violations.length, 'problem')} stopped this save; nothing was changed.`;
}

/**
 * Sums up a refused request: the status its violations share (else 422), the code they share (else
 * `VALIDATION_FAILED`), and one sentence. A single violation speaks for itself; several are counted by entry.
 */
export function summarizeViolations(violations: readonly Violation[]): ViolationSummary {
  const status = shared(violations.map((violation) => ruleHttpStatus[violation.code])) ?? 422;
  const code = violations.length > 0 ? shared(violations.map((violation) => violation.code)) : undefined;
  return { status, code: code ?? VALIDATION_FAILED, message: summaryMessage(violations) };
}
