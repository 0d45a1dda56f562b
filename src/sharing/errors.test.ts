import { describe, expect, it } from 'vitest';
import { ruleHttpStatus, ruleOfCode, summarizeViolations } from './errors.ts';
import type { RuleCode, Violation } from './types.ts';

function violationOf(code: RuleCode, index: number | null, message = `${code} message`): Violation {
  return { rule: ruleOfCode[code], code, index, message };
}

describe('ruleHttpStatus', () => {
  it.each([
    ['RECIPIENT_INACTIVE', 422],
    ['RECIPIENT_OUTSIDE_ORGANIZATION', 422],
    ['RECIPIENT_NOT_FOUND', 422],
    ['RECIPIENT_TYPE_NOT_ALLOWED', 422],
    ['ROLE_ABOVE_OWN_LEVEL', 403],
    ['TARGET_ABOVE_OWN_LEVEL', 403],
    ['SHARING_NOT_ALLOWED', 403],
    ['ROLE_ABOVE_RECIPIENT_CEILING', 422],
    ['LAST_OWNER', 409],
    ['LAST_SHARER', 409],
    ['INVALID_ROLE', 422],
    ['OPTION_NOT_SUPPORTED', 422],
    ['TOO_MANY_ENTRIES', 422],
    ['DUPLICATE_RECIPIENT', 422],
    ['NOTE_TOO_LONG', 422],
    ['VERSION_CONFLICT', 412],
    ['LINEAGE_INPUT_NOT_SHAREABLE', 409],
  ] as const)('%s answers %i (SPEC §4)', (code, status) => {
    expect(ruleHttpStatus[code]).toBe(status);
  });

  it('numbers each code with its rule', () => {
    expect(ruleOfCode.DUPLICATE_RECIPIENT).toBe('R13');
    expect(ruleOfCode.TOO_MANY_ENTRIES).toBe('R13');
    expect(ruleOfCode.LINEAGE_INPUT_NOT_SHAREABLE).toBe('R16');
  });
});

describe('summarizeViolations', () => {
  it('answers 422 VALIDATION_FAILED for violations of different rules, as in the SPEC example', () => {
    const summary = summarizeViolations([
      violationOf('RECIPIENT_INACTIVE', 0),
      violationOf('ROLE_ABOVE_RECIPIENT_CEILING', 2),
    ]);
    expect(summary).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: '2 changes could not be applied; nothing was changed.',
    });
  });

  it('answers the status and code the violations share', () => {
    const summary = summarizeViolations([
      violationOf('ROLE_ABOVE_OWN_LEVEL', 0),
      violationOf('ROLE_ABOVE_OWN_LEVEL', 1),
    ]);
    expect(summary).toMatchObject({ status: 403, code: 'ROLE_ABOVE_OWN_LEVEL' });
  });

  it('answers a shared status with VALIDATION_FAILED when only the status is shared', () => {
    const summary = summarizeViolations([
      violationOf('SHARING_NOT_ALLOWED', 0),
      violationOf('ROLE_ABOVE_OWN_LEVEL', 1),
    ]);
    expect(summary).toMatchObject({ status: 403, code: 'VALIDATION_FAILED' });
  });

  it('falls back to 422 when the statuses differ', () => {
    const summary = summarizeViolations([
      violationOf('LAST_OWNER', 0),
      violationOf('SHARING_NOT_ALLOWED', 1),
    ]);
    expect(summary.status).toBe(422);
  });

  it('lets a single violation speak for itself', () => {
    const summary = summarizeViolations([violationOf('LAST_OWNER', 0, 'You are the last Owner.')]);
    expect(summary).toEqual({ status: 409, code: 'LAST_OWNER', message: 'You are the last Owner.' });
  });

  it('counts changes, not violations, when one entry breaks two rules', () => {
    const summary = summarizeViolations([
      violationOf('SHARING_NOT_ALLOWED', 0),
      violationOf('ROLE_ABOVE_OWN_LEVEL', 0),
    ]);
    expect(summary.message).toBe('1 change could not be applied; nothing was changed.');
  });

  it('counts problems when some concern the request as a whole', () => {
    const summary = summarizeViolations([violationOf('NOTE_TOO_LONG', null), violationOf('INVALID_ROLE', 0)]);
    expect(summary.message).toBe('2 problems stopped this save; nothing was changed.');
  });

  it('copes with no violations at all', () => {
    expect(summarizeViolations([])).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });
});
