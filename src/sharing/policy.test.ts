import { describe, expect, it } from 'vitest';
import { createInMemoryDirectory } from './directory.ts';
import { summarizeViolations } from './errors.ts';
import {
  accessImpact,
  applyChanges,
  checkReshareWithinOwnLevel,
  checkVersion,
  type EntryCheck,
  IMPACT_ENTRY_LIMIT,
  isNoteWithinLimit,
  previewChanges,
  resolveRecipient,
  validateChanges,
} from './policy.ts';
import {
  acme,
  assetType,
  changeFor,
  connie,
  contextFor,
  dataScience,
  directory,
  eddie,
  globex,
  globexGroup,
  grantTo,
  gus,
  hexId,
  ivan,
  marketing,
  mlopsAdmin,
  nora,
  olivia,
  requestOf,
  rita,
  seedGrants,
  standingOf,
  TEST_NOW,
  una,
  users,
  victor,
  wendy,
} from './test-fixtures.ts';
import type {
  AssetTypeConfig,
  ChangeRequest,
  Grant,
  LinkedInput,
  PolicyContext,
  Principal,
} from './types.ts';

const useCase = assetType('useCase');
const application = assetType('application');
const deployment = assetType('deployment');
const dataset = assetType('dataset');
const dataConnection = assetType('dataConnection');
const project = assetType('project');
const workload = assetType('workload');
const governedModel = assetType('governedModel');
const everyType = [
  useCase,
  application,
  deployment,
  dataset,
  dataConnection,
  project,
  workload,
  governedModel,
];

function codes(context: PolicyContext, request: ChangeRequest): string[] {
  return validateChanges(context, request).map((found) => found.code);
}

function roleOf(config: AssetTypeConfig, level: 1 | 2 | 3): string {
  return config.roles.find((role) => role.level === level)?.name as string;
}

describe('resolveRecipient', () => {
  it('finds a recipient by id, and by name per type (usernames case-insensitive)', () => {
    expect(resolveRecipient(directory, { type: 'user', id: eddie.id }, acme.id)).toBe(eddie);
    expect(resolveRecipient(directory, { type: 'user', name: 'EDDIE@acme.test' }, acme.id)).toBe(eddie);
    expect(resolveRecipient(directory, { type: 'group', name: 'Data Science' }, acme.id)).toBe(dataScience);
  });

  it('falls back to the name when the id is unknown', () => {
    expect(resolveRecipient(directory, { type: 'user', id: 'f'.repeat(24), name: eddie.name }, acme.id)).toBe(
      eddie,
    );
  });

  it('does not find a principal of another type than the request says', () => {
    expect(resolveRecipient(directory, { type: 'group', id: eddie.id }, acme.id)).toBeUndefined();
    expect(resolveRecipient(directory, { type: 'user' }, acme.id)).toBeUndefined();
  });

  it('resolves group, organization and role names within the actor’s organization only', () => {
    const sameName: Principal = {
      ...globexGroup,
      id: hexId(0x90, 40),
      name: 'Data Science',
      displayName: 'Data Science',
    };
    const both = createInMemoryDirectory([...users, dataScience, sameName, acme, globex]);
    expect(resolveRecipient(both, { type: 'group', name: 'data science' }, acme.id)).toBe(dataScience);
    expect(resolveRecipient(both, { type: 'group', name: 'Data Science' }, globex.id)).toBe(sameName);
    expect(resolveRecipient(both, { type: 'group', name: 'Globex Analysts' }, acme.id)).toBeUndefined();
    expect(resolveRecipient(both, { type: 'organization', name: 'Globex' }, acme.id)).toBeUndefined();
    // A username is unique everywhere: found, for R2 to refuse in the request's own words.
    expect(resolveRecipient(both, { type: 'user', name: gus.name }, acme.id)).toBe(gus);
  });
});

describe('the SPEC §5 error example', () => {
  it('reports every violation, each with its entry, recipient and message', () => {
    const request = requestOf(changeFor(ivan, 'EDITOR'), changeFor(una, 'EDITOR'), changeFor(rita, 'EDITOR'));
    const violations = validateChanges(contextFor(dataset, olivia), request);
    expect(violations).toEqual([
      {
        rule: 'R1',
        code: 'RECIPIENT_INACTIVE',
        index: 0,
        recipient: 'ivan@acme.test',
        message: "Ivan Ingram's account is inactive. You can only share with active accounts.",
      },
      {
        rule: 'R8',
        code: 'ROLE_ABOVE_RECIPIENT_CEILING',
        index: 2,
        recipient: 'rita@acme.test',
        message: 'Rita Reyes can hold at most Consumer. Try a more restrictive role.',
      },
    ]);
    expect(summarizeViolations(violations)).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: '2 changes could not be applied; nothing was changed.',
    });
  });

  it('reports every rule an entry breaks, not only the first', () => {
    const request = requestOf(changeFor(ivan, 'OWNER', { canUseData: true }));
    expect(codes(contextFor(deployment, olivia), request)).toEqual([
      'RECIPIENT_INACTIVE',
      'OPTION_NOT_SUPPORTED',
    ]);
  });
});

describe('precedence: an entry the actor may not make is refused for that alone', () => {
  it('an editor downgrading the sole owner gets 403 TARGET_ABOVE_OWN_LEVEL, not LAST_OWNER too', () => {
    const violations = validateChanges(contextFor(deployment, eddie), requestOf(changeFor(olivia, 'USER')));
    expect(violations.map((found) => found.code)).toEqual(['TARGET_ABOVE_OWN_LEVEL']);
    expect(summarizeViolations(violations)).toMatchObject({ status: 403, code: 'TARGET_ABOVE_OWN_LEVEL' });
  });

  it('an editor removing the sole owner too', () => {
    expect(codes(contextFor(deployment, eddie), requestOf(changeFor(olivia, null)))).toEqual([
      'TARGET_ABOVE_OWN_LEVEL',
    ]);
  });

  it('says nothing else of the entry: not its recipient’s state, not the options', () => {
    const request = requestOf(changeFor(ivan, 'OWNER', { canUseData: true }));
    expect(codes(contextFor(deployment, connie), request)).toEqual(['ROLE_ABOVE_OWN_LEVEL']);
    expect(codes(contextFor(dataset, nora), requestOf(changeFor(rita, 'EDITOR')))).toEqual([
      'SHARING_NOT_ALLOWED',
    ]);
  });

  it('judges R9 and R10 over the entries the actor may make only', () => {
    const grants = [...seedGrants(dataset), grantTo(dataset, una, 2, { canShare: true })];
    // Eddie may remove Una; he may not demote Olivia. Without Olivia's entry, a user who can share remains.
    const request = requestOf(changeFor(una, null), changeFor(olivia, 'EDITOR', { canShare: false }));
    expect(
      validateChanges(contextFor(dataset, eddie, grants), request).map((found) => [found.index, found.code]),
    ).toEqual([[1, 'TARGET_ABOVE_OWN_LEVEL']]);
  });

  it('still reports the other entries of the request with every rule they break', () => {
    const request = requestOf(changeFor(olivia, 'USER'), changeFor(ivan, 'CONSUMER'));
    expect(
      validateChanges(contextFor(deployment, eddie), request).map((found) => [found.index, found.code]),
    ).toEqual([
      [0, 'TARGET_ABOVE_OWN_LEVEL'],
      [1, 'RECIPIENT_INACTIVE'],
    ]);
  });
});

describe('R1 RECIPIENT_INACTIVE', () => {
  it('R1 refuses sharing with an inactive account', () => {
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(ivan, 'USER')))).toEqual([
      'RECIPIENT_INACTIVE',
    ]);
  });

  it('R1 allows revoking an inactive account’s access', () => {
    const grants = [...seedGrants(deployment), grantTo(deployment, ivan, 1)];
    expect(validateChanges(contextFor(deployment, olivia, grants), requestOf(changeFor(ivan, null)))).toEqual(
      [],
    );
  });

  it('R1 allows sharing with an active account', () => {
    expect(validateChanges(contextFor(deployment, olivia), requestOf(changeFor(una, 'USER')))).toEqual([]);
  });
});

describe('R2 RECIPIENT_OUTSIDE_ORGANIZATION', () => {
  it('R2 refuses a user of another organization, repeating only what the request said', () => {
    const violations = validateChanges(contextFor(deployment, olivia), requestOf(changeFor(gus, 'CONSUMER')));
    expect(violations).toEqual([
      expect.objectContaining({
        code: 'RECIPIENT_OUTSIDE_ORGANIZATION',
        recipient: 'gus@globex.test',
        message: 'gus@globex.test is outside your organization. You can only share within your organization.',
      }),
    ]);
    const byId = validateChanges(
      contextFor(deployment, olivia),
      requestOf({ recipient: { type: 'user', id: gus.id }, role: 'CONSUMER' }),
    );
    expect(byId.map((found) => found.message)).toEqual([
      `${gus.id} is outside your organization. You can only share within your organization.`,
    ]);
  });

  it('R2 alone speaks of someone of another organization: not their account’s state, not their ceiling', () => {
    const inactive: Principal = {
      ...gus,
      id: hexId(0x50, 70),
      name: 'gone@globex.test',
      active: false,
      rbacCeiling: 1,
    };
    const withInactive = createInMemoryDirectory([...users, inactive, acme, globex]);
    const context = { ...contextFor(deployment, olivia), directory: withInactive };
    const violations = validateChanges(context, requestOf(changeFor(inactive, 'OWNER')));
    expect(violations.map((found) => found.code)).toEqual(['RECIPIENT_OUTSIDE_ORGANIZATION']);
    expect(JSON.stringify(violations)).not.toContain('Gus Garcia');
  });

  it('R2 refuses a group of another organization named by id; by name it is no one (R3)', () => {
    const byId = requestOf({ recipient: { type: 'group', id: globexGroup.id }, role: 'CONSUMER' });
    expect(codes(contextFor(deployment, olivia), byId)).toEqual(['RECIPIENT_OUTSIDE_ORGANIZATION']);
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(globexGroup, 'CONSUMER')))).toEqual([
      'RECIPIENT_NOT_FOUND',
    ]);
  });

  it('R2 allows the actor’s own organization', () => {
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(acme, 'CONSUMER')))).toEqual([]);
  });
});

describe('R3 RECIPIENT_NOT_FOUND', () => {
  it('R3 refuses a recipient nobody knows, naming it as the request did', () => {
    const request = requestOf({ recipient: { type: 'user', name: 'zed@acme.test' }, role: 'USER' });
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([
      {
        rule: 'R3',
        code: 'RECIPIENT_NOT_FOUND',
        index: 0,
        recipient: 'zed@acme.test',
        message: 'No user named “zed@acme.test” was found.',
      },
    ]);
  });

  it('R3 allows revoking a grant whose principal has gone, by id', () => {
    const goneId = hexId(0x50, 999);
    const grants = [...seedGrants(deployment), { ...grantTo(deployment, una, 1), principalId: goneId }];
    const request = requestOf({ recipient: { type: 'user', id: goneId }, role: null });
    const result = applyChanges(contextFor(deployment, olivia, grants), request);
    expect(result.ok && result.grants.map((grant) => grant.principalId)).not.toContain(goneId);
  });

  it('R3 a revocation must name the grant by its own type: another type matches nothing', () => {
    const grants = [
      ...seedGrants(workload),
      grantTo(workload, mlopsAdmin, 2),
      grantTo(workload, dataScience, 1),
    ];
    for (const type of ['user', 'group', 'organization'] as const) {
      const request = requestOf({ recipient: { type, id: mlopsAdmin.id }, role: null });
      const result = applyChanges(contextFor(workload, olivia, grants), request);
      expect(result.ok ? 'applied' : result.violations.map((found) => found.code)).toEqual([
        'RECIPIENT_NOT_FOUND',
      ]);
    }
    const gone = { ...grantTo(workload, una, 1), principalId: hexId(0x50, 998) };
    const misnamed = requestOf({ recipient: { type: 'group', id: gone.principalId }, role: null });
    expect(codes(contextFor(workload, olivia, [...grants, gone]), misnamed)).toEqual(['RECIPIENT_NOT_FOUND']);
    const right = requestOf({ recipient: { type: 'role', id: mlopsAdmin.id }, role: null });
    expect(applyChanges(contextFor(workload, olivia, grants), right).ok).toBe(true);
  });

  it('R3 refuses granting by an id nobody knows', () => {
    const request = requestOf({ recipient: { type: 'user', id: hexId(0x50, 999) }, role: 'USER' });
    expect(codes(contextFor(deployment, olivia), request)).toEqual(['RECIPIENT_NOT_FOUND']);
  });
});

describe('R4 RECIPIENT_TYPE_NOT_ALLOWED', () => {
  it('R4 refuses a group on a Use Case', () => {
    const violations = validateChanges(
      contextFor(useCase, olivia),
      requestOf(changeFor(dataScience, 'CONSUMER')),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        code: 'RECIPIENT_TYPE_NOT_ALLOWED',
        message: 'Use Cases can be shared with users and organizations only, not with groups.',
      }),
    ]);
  });

  it('R4 allows an organization on a Use Case and a group on an application', () => {
    expect(codes(contextFor(useCase, olivia), requestOf(changeFor(acme, 'CONSUMER')))).toEqual([]);
    expect(codes(contextFor(application, olivia), requestOf(changeFor(dataScience, 'CONSUMER')))).toEqual([]);
  });

  it('R4 allows roles on workloads and governed models only', () => {
    expect(codes(contextFor(workload, olivia), requestOf(changeFor(mlopsAdmin, 'USER')))).toEqual([]);
    expect(codes(contextFor(governedModel, olivia), requestOf(changeFor(mlopsAdmin, 'READ')))).toEqual([]);
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(mlopsAdmin, 'USER')))).toEqual([
      'RECIPIENT_TYPE_NOT_ALLOWED',
    ]);
    expect(codes(contextFor(governedModel, olivia), requestOf(changeFor(dataScience, 'READ')))).toEqual([
      'RECIPIENT_TYPE_NOT_ALLOWED',
    ]);
  });
});

describe('R5 ROLE_ABOVE_OWN_LEVEL', () => {
  it.each(everyType.filter((config) => config.whoMayShare.kind !== 'minimumLevel'))(
    'R5 refuses a consumer granting a read-write role on $id',
    (config) => {
      const grants = seedGrants(config).map((grant) =>
        grant.principalId === connie.id ? { ...grant, canShare: true } : grant,
      );
      const violations = validateChanges(
        contextFor(config, connie, grants),
        requestOf(changeFor(una, roleOf(config, 2))),
      );
      expect(violations.map((found) => found.code)).toEqual(['ROLE_ABOVE_OWN_LEVEL']);
    },
  );

  it('R5 says what the actor can grant at most', () => {
    const violations = validateChanges(contextFor(deployment, eddie), requestOf(changeFor(una, 'OWNER')));
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'R5', message: 'You can grant at most User, your own role.' }),
    ]);
  });

  it('R5 allows granting the actor’s own level', () => {
    expect(codes(contextFor(deployment, eddie), requestOf(changeFor(una, 'USER')))).toEqual([]);
  });
});

describe('R6 TARGET_ABOVE_OWN_LEVEL', () => {
  it('R6 refuses an editor changing or removing the owner', () => {
    const context = contextFor(deployment, eddie);
    // Taking the only owner away would break R9 too; an entry the actor may not make is refused for that alone.
    expect(codes(context, requestOf(changeFor(olivia, 'CONSUMER')))).toEqual(['TARGET_ABOVE_OWN_LEVEL']);
    expect(codes(context, requestOf(changeFor(olivia, null)))).toEqual(['TARGET_ABOVE_OWN_LEVEL']);
    const withSecondOwner = contextFor(deployment, eddie, [
      ...seedGrants(deployment),
      grantTo(deployment, una, 3),
    ]);
    expect(codes(withSecondOwner, requestOf(changeFor(olivia, null)))).toEqual(['TARGET_ABOVE_OWN_LEVEL']);
  });

  it('R6 allows an editor changing a consumer', () => {
    expect(codes(contextFor(deployment, eddie), requestOf(changeFor(connie, 'USER')))).toEqual([]);
  });

  it('R6 lets an entry that changes nothing through', () => {
    expect(codes(contextFor(deployment, eddie), requestOf(changeFor(olivia, 'owner')))).toEqual([]);
  });

  it('R6 lets a grant above its holder’s capped level leave', () => {
    const grants = [...seedGrants(deployment), grantTo(deployment, rita, 2)];
    expect(codes(contextFor(deployment, rita, grants), requestOf(changeFor(rita, null)))).toEqual([]);
    expect(codes(contextFor(deployment, rita, grants), requestOf(changeFor(rita, 'CONSUMER')))).toEqual([
      'TARGET_ABOVE_OWN_LEVEL',
    ]);
  });
});

describe('R7 SHARING_NOT_ALLOWED, per sharing model', () => {
  it('R7 anyCollaborator: a consumer may share a deployment at their level', () => {
    expect(codes(contextFor(deployment, connie), requestOf(changeFor(una, 'CONSUMER')))).toEqual([]);
  });

  it('R7 anyCollaborator: someone without access may not share', () => {
    expect(codes(contextFor(project, una), requestOf(changeFor(victor, 'CONSUMER')))).toContain(
      'SHARING_NOT_ALLOWED',
    );
  });

  it('R7 canShareFlag: an editor without "Allow sharing" may not share a dataset or a data connection', () => {
    for (const config of [dataset, dataConnection]) {
      const violations = validateChanges(contextFor(config, nora), requestOf(changeFor(una, 'CONSUMER')));
      expect(violations).toEqual([
        expect.objectContaining({
          rule: 'R7',
          message: `You need “Allow sharing” on this ${config.label.toLowerCase()} to share it.`,
        }),
      ]);
    }
  });

  it('R7 canShareFlag: an editor with "Allow sharing" may', () => {
    expect(codes(contextFor(dataset, eddie), requestOf(changeFor(una, 'CONSUMER')))).toEqual([]);
  });

  it('R7 minimumLevel: Read may not share a governed model, Write may', () => {
    expect(codes(contextFor(governedModel, connie), requestOf(changeFor(una, 'READ')))).toEqual([
      'SHARING_NOT_ALLOWED',
    ]);
    expect(codes(contextFor(governedModel, eddie), requestOf(changeFor(una, 'READ')))).toEqual([]);
  });

  it('R7 a grant without "Allow sharing" may still remove itself', () => {
    expect(codes(contextFor(dataset, nora), requestOf(changeFor(nora, null)))).toEqual([]);
  });

  it('R7 but may not change its own role', () => {
    expect(codes(contextFor(dataset, nora), requestOf(changeFor(nora, 'CONSUMER')))).toEqual([
      'SHARING_NOT_ALLOWED',
    ]);
  });
});

describe('R8 ROLE_ABOVE_RECIPIENT_CEILING', () => {
  it('R8 refuses a role above the recipient’s RBAC ceiling on every asset type', () => {
    for (const config of everyType) {
      expect(codes(contextFor(config, olivia), requestOf(changeFor(rita, roleOf(config, 2))))).toEqual([
        'ROLE_ABOVE_RECIPIENT_CEILING',
      ]);
    }
  });

  it('R8 names the ceiling role of the asset type', () => {
    const violations = validateChanges(
      contextFor(governedModel, olivia),
      requestOf(changeFor(wendy, 'OWNER')),
    );
    expect(violations[0]?.message).toBe('Wendy Wu can hold at most Write. Try a more restrictive role.');
  });

  it('R8 allows a role within the ceiling', () => {
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(rita, 'CONSUMER')))).toEqual([]);
  });
});

describe('R9 LAST_OWNER', () => {
  it.each(everyType)('R9 refuses the last user owner removing themselves on $id', (config) => {
    const violations = validateChanges(contextFor(config, olivia), requestOf(changeFor(olivia, null)));
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'R9',
        code: 'LAST_OWNER',
        index: 0,
        message: `You are the last Owner of this ${config.label.toLowerCase()}. Make someone else Owner first.`,
      }),
    ]);
  });

  it('R9 refuses the last user owner stepping down', () => {
    expect(codes(contextFor(deployment, olivia), requestOf(changeFor(olivia, 'USER')))).toEqual([
      'LAST_OWNER',
    ]);
  });

  it('R9 allows handing ownership on and leaving in one request', () => {
    const request = requestOf(changeFor(olivia, null), changeFor(una, 'OWNER'));
    const result = applyChanges(contextFor(deployment, olivia), request);
    expect(result.ok).toBe(true);
  });

  it('R9 does not count a group that owns', () => {
    const request = requestOf(changeFor(olivia, null), changeFor(dataScience, 'OWNER'));
    expect(codes(contextFor(deployment, olivia), request)).toEqual(['LAST_OWNER']);
  });

  it('R9 names an owner removed by someone else', () => {
    const grants = [...seedGrants(deployment), grantTo(deployment, una, 3)];
    const request = requestOf(changeFor(olivia, null), changeFor(una, null));
    const violations = validateChanges(contextFor(deployment, una, grants), request);
    expect(violations.map((found) => found.message)).toEqual([
      'Olivia Owens is the last Owner of this deployment. Make someone else Owner first.',
      'You are the last Owner of this deployment. Make someone else Owner first.',
    ]);
  });

  it('R9 does not count an inactive owner, nor one whose RBAC ceiling is below owner', () => {
    for (const holder of [ivan, rita, wendy]) {
      const grants = [...seedGrants(deployment), grantTo(deployment, holder, 3)];
      const violations = validateChanges(
        contextFor(deployment, olivia, grants),
        requestOf(changeFor(olivia, null)),
      );
      expect(violations.map((found) => [found.index, found.code])).toEqual([[0, 'LAST_OWNER']]);
    }
  });

  it('R9 lets an inactive or capped owner be removed while an owner who can act stays', () => {
    const grants = [...seedGrants(deployment), grantTo(deployment, ivan, 3), grantTo(deployment, rita, 3)];
    const request = requestOf(changeFor(ivan, null), changeFor(rita, null));
    expect(codes(contextFor(deployment, olivia, grants), request)).toEqual([]);
  });

  it('R9 allows another owner to leave while one user owner stays', () => {
    const grants = [...seedGrants(deployment), grantTo(deployment, una, 3)];
    expect(codes(contextFor(deployment, una, grants), requestOf(changeFor(una, null)))).toEqual([]);
  });
});

describe('R10 LAST_SHARER', () => {
  it.each([dataset, dataConnection])('R10 refuses leaving $id without a user who can share', (config) => {
    const request = requestOf(
      changeFor(eddie, 'EDITOR', { canShare: false }),
      changeFor(olivia, 'OWNER', { canShare: false }),
    );
    const violations = validateChanges(contextFor(config, olivia), request);
    expect(violations.map((found) => [found.code, found.index])).toEqual([
      ['LAST_SHARER', 0],
      ['LAST_SHARER', 1],
    ]);
  });

  it('R10 allows it while another user can share', () => {
    const request = requestOf(changeFor(olivia, 'OWNER', { canShare: false }));
    expect(codes(contextFor(dataset, olivia), request)).toEqual([]);
  });

  it('R10 does not count a group that can share', () => {
    const request = requestOf(
      changeFor(eddie, null),
      changeFor(olivia, 'OWNER', { canShare: false }),
      changeFor(dataScience, 'CONSUMER', { canShare: true }),
    );
    expect(codes(contextFor(dataset, olivia), request)).toEqual(['LAST_SHARER', 'LAST_SHARER']);
  });

  it('R10 does not count an inactive user who can share', () => {
    const grants = [grantTo(dataset, olivia, 3), grantTo(dataset, ivan, 2, { canShare: true })];
    const request = requestOf(changeFor(olivia, 'OWNER', { canShare: false }));
    expect(codes(contextFor(dataset, olivia, grants), request)).toEqual(['LAST_SHARER']);
  });

  it('R10 holds only on datasets and data connections', () => {
    const grants = seedGrants(deployment);
    expect(grants.every((grant) => !grant.canShare)).toBe(true);
    expect(codes(contextFor(deployment, olivia, grants), requestOf(changeFor(eddie, null)))).toEqual([]);
  });
});

describe('R11 INVALID_ROLE', () => {
  it('R11 refuses a role the asset type does not have', () => {
    const violations = validateChanges(contextFor(deployment, olivia), requestOf(changeFor(una, 'EDITOR')));
    expect(violations).toEqual([
      expect.objectContaining({
        code: 'INVALID_ROLE',
        message: '“EDITOR” is not a role of a deployment. Choose Owner, User or Consumer.',
      }),
    ]);
  });

  it('R11 matches roles case-insensitively and stores them upper case', () => {
    const result = applyChanges(contextFor(workload, olivia), requestOf(changeFor(una, 'consumer')));
    expect(result.ok && result.grants.at(-1)).toMatchObject({ principalId: una.id, role: 'CONSUMER' });
  });

  it.each([null, 'NO_ROLE', 'no_role'])('R11 takes %s as a revocation', (role) => {
    const result = applyChanges(contextFor(deployment, olivia), requestOf(changeFor(connie, role)));
    expect(result.ok && result.grants.map((grant) => grant.principalId)).toEqual([olivia.id, eddie.id]);
  });
});

describe('R12 OPTION_NOT_SUPPORTED', () => {
  it('R12 refuses "Can use data" on a deployment and a data connection', () => {
    for (const config of [deployment, dataConnection]) {
      const request = requestOf(changeFor(una, roleOf(config, 1), { canUseData: true }));
      expect(codes(contextFor(config, olivia), request)).toEqual(['OPTION_NOT_SUPPORTED']);
    }
  });

  it('R12 refuses any explicit "Allow sharing" where there is none, even false', () => {
    const violations = validateChanges(
      contextFor(deployment, olivia),
      requestOf(changeFor(una, 'USER', { canShare: false })),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        code: 'OPTION_NOT_SUPPORTED',
        message: 'Deployments have no “Allow sharing” option.',
      }),
    ]);
  });

  it('R12 allows "Allow sharing" and "Can use data" on a dataset', () => {
    const request = requestOf(changeFor(una, 'CONSUMER', { canShare: true, canUseData: false }));
    expect(codes(contextFor(dataset, olivia), request)).toEqual([]);
  });

  it('R12 refuses an owner without "Can use data"', () => {
    const request = requestOf(changeFor(una, 'OWNER', { canUseData: false }));
    expect(codes(contextFor(dataset, olivia), request)).toEqual(['OPTION_NOT_SUPPORTED']);
  });

  it('R12 refuses lineage where the asset type has none, and allows it where it has', () => {
    const request: ChangeRequest = { ...requestOf(changeFor(una, 'USER')), shareWithLineage: true };
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([
      expect.objectContaining({
        rule: 'R12',
        index: null,
        message: 'Deployments have no “Share with lineage” option.',
      }),
    ]);
    const onModel: ChangeRequest = { ...requestOf(changeFor(una, 'READ')), shareWithLineage: true };
    expect(codes(contextFor(governedModel, olivia), onModel)).toEqual([]);
  });
});

describe('R13 TOO_MANY_ENTRIES and DUPLICATE_RECIPIENT', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, n) => ({
      recipient: { type: 'user' as const, id: users[n % users.length]?.id ?? '' },
      role: null,
    }));

  it('R13 refuses an empty request', () => {
    expect(validateChanges(contextFor(deployment, olivia), { changes: [] })).toEqual([
      expect.objectContaining({
        code: 'TOO_MANY_ENTRIES',
        index: null,
        message: 'A save needs at least one change.',
      }),
    ]);
  });

  it('R13 refuses 101 entries and allows 100', () => {
    const tooMany = validateChanges(contextFor(deployment, olivia), { changes: many(101) });
    expect(tooMany.filter((found) => found.code === 'TOO_MANY_ENTRIES')).toHaveLength(1);
    const hundred = validateChanges(contextFor(deployment, olivia), { changes: many(100) });
    expect(hundred.filter((found) => found.code === 'TOO_MANY_ENTRIES')).toHaveLength(0);
  });

  it('R13 refuses naming a recipient twice, by name in any case or by id', () => {
    const request = requestOf(
      changeFor(una, 'USER'),
      { recipient: { type: 'user', name: 'UNA@acme.test' }, role: 'CONSUMER' },
      { recipient: { type: 'user', id: una.id }, role: 'CONSUMER' },
    );
    const violations = validateChanges(contextFor(deployment, olivia), request);
    expect(violations.map((found) => [found.code, found.index])).toEqual([
      ['DUPLICATE_RECIPIENT', 1],
      ['DUPLICATE_RECIPIENT', 2],
    ]);
    expect(violations[0]?.message).toBe('Una Udall is named more than once. Name each recipient once.');
  });

  it('R13 also catches an unknown recipient named twice', () => {
    const ghost = { recipient: { type: 'user' as const, name: 'ghost@acme.test' }, role: 'USER' };
    expect(codes(contextFor(deployment, olivia), requestOf(ghost, ghost))).toEqual([
      'RECIPIENT_NOT_FOUND',
      'RECIPIENT_NOT_FOUND',
      'DUPLICATE_RECIPIENT',
    ]);
  });
});

describe('R14 NOTE_TOO_LONG', () => {
  it('R14 refuses a note of 1,001 characters', () => {
    const request = { ...requestOf(changeFor(una, 'USER')), note: 'x'.repeat(1001) };
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([
      expect.objectContaining({
        code: 'NOTE_TOO_LONG',
        index: null,
        message: 'A note holds at most 1,000 characters; this one has 1,001.',
      }),
    ]);
  });

  it('R14: isNoteWithinLimit draws the line at 1,000 characters', () => {
    expect(isNoteWithinLimit('x'.repeat(1000))).toBe(true);
    expect(isNoteWithinLimit('x'.repeat(1001))).toBe(false);
    expect(isNoteWithinLimit('')).toBe(true);
  });

  it('R14 allows 1,000 characters', () => {
    const request = { ...requestOf(changeFor(una, 'USER')), note: 'x'.repeat(1000) };
    expect(codes(contextFor(deployment, olivia), request)).toEqual([]);
  });
});

describe('R15 VERSION_CONFLICT', () => {
  it('R15 refuses a stale If-Match', () => {
    expect(checkVersion('"v1"', '"v2"')).toMatchObject({
      rule: 'R15',
      code: 'VERSION_CONFLICT',
      index: null,
    });
  });

  it('R15 compares strongly: a weak tag never matches, not even the current version', () => {
    expect(checkVersion('W/"v2"', '"v2"')).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(checkVersion('W/"v1", W/"v2"', '"v2"')).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(checkVersion('"v2"', 'W/"v2"')).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('R15 allows the current version, one of several, or no condition at all', () => {
    expect(checkVersion('"v2"', '"v2"')).toBeNull();
    expect(checkVersion(' "v2" ', '"v2"')).toBeNull();
    expect(checkVersion('"v1", "v2"', '"v2"')).toBeNull();
    expect(checkVersion('*', '"v2"')).toBeNull();
    expect(checkVersion(undefined, '"v2"')).toBeNull();
  });
});

describe('R16 LINEAGE_INPUT_NOT_SHAREABLE', () => {
  const input = (name: string, grants: Grant[]): LinkedInput => ({
    assetId: name,
    assetName: name,
    assetType: dataset,
    grants,
  });
  const lineage = (recipient: Principal, role: string): ChangeRequest => ({
    ...requestOf(changeFor(recipient, role)),
    shareWithLineage: true,
  });

  it('R16 allows a lineage share when the actor may share every input', () => {
    const inputs = [input('Loans 2024', seedGrants(dataset))];
    const result = applyChanges(
      contextFor(governedModel, olivia, seedGrants(governedModel), inputs),
      lineage(una, 'READ'),
    );
    expect(result.ok && result.linkedInputs[0]?.added).toEqual([
      { principalId: una.id, principalType: 'user', role: 'CONSUMER', canShare: false, canUseData: true },
    ]);
  });

  it('R16 refuses when an input is neither shareable by the actor nor shared with the recipient', () => {
    const inputs = [
      input('Loans 2024', seedGrants(dataset)),
      input('Bureau scores', [grantTo(dataset, nora, 3, { canShare: true }), grantTo(dataset, eddie, 1)]),
    ];
    const violations = validateChanges(
      contextFor(governedModel, eddie, seedGrants(governedModel), inputs),
      lineage(una, 'READ'),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'R16',
        code: 'LINEAGE_INPUT_NOT_SHAREABLE',
        message:
          'You cannot share the linked input “Bureau scores” with Una Udall, and it is not shared with them yet. Share without lineage, or ask an owner of the input.',
      }),
    ]);
  });

  it('R16 allows an input the actor cannot share when it is already shared with the recipient', () => {
    const inputs = [
      input('Bureau scores', [grantTo(dataset, nora, 3, { canShare: true }), grantTo(dataset, marketing, 1)]),
    ];
    const result = applyChanges(
      contextFor(governedModel, eddie, seedGrants(governedModel), inputs),
      lineage(una, 'READ'),
    );
    expect(result.ok && result.linkedInputs[0]?.added).toEqual([]);
  });

  it('R16 refuses an input the actor may share only below the requested level', () => {
    const inputs = [input('Loans 2024', [grantTo(dataset, eddie, 1, { canShare: true })])];
    const violations = validateChanges(
      contextFor(governedModel, eddie, seedGrants(governedModel), inputs),
      lineage(una, 'WRITE'),
    );
    expect(violations.map((found) => found.code)).toEqual(['LINEAGE_INPUT_NOT_SHAREABLE']);
  });

  it('R16 applies each input’s own asset-type rules: a role recipient on a dataset (R4) stops the share', () => {
    const inputs = [input('Loans 2024', seedGrants(dataset))];
    const violations = validateChanges(
      contextFor(governedModel, olivia, seedGrants(governedModel), inputs),
      lineage(mlopsAdmin, 'READ'),
    );
    expect(violations.map((found) => [found.code, found.recipient])).toEqual([
      ['LINEAGE_INPUT_NOT_SHAREABLE', 'MLOps Admin'],
    ]);
    expect(summarizeViolations(violations).status).toBe(409);
  });

  it('R16 applies the input’s R18: an actor without data use on an input gives none there', () => {
    const inputs = [
      input('Loans 2024', [
        grantTo(dataset, olivia, 3),
        grantTo(dataset, eddie, 2, { canShare: true, canUseData: false }),
      ]),
    ];
    const result = applyChanges(
      contextFor(governedModel, eddie, seedGrants(governedModel), inputs),
      lineage(una, 'WRITE'),
    );
    expect(result.ok && result.linkedInputs[0]?.added).toEqual([
      { principalId: una.id, principalType: 'user', role: 'EDITOR', canShare: false, canUseData: false },
    ]);
  });

  it('R16 counts the blocked inputs the actor cannot open, and never names them', () => {
    const hidden = input('Secret bureau feed', [grantTo(dataset, olivia, 3)]);
    const alsoHidden = input('Sealed ledger', [grantTo(dataset, olivia, 3)]);
    const seen = input('Bureau scores', [grantTo(dataset, olivia, 3), grantTo(dataset, eddie, 1)]);
    const context = contextFor(governedModel, eddie, seedGrants(governedModel), [hidden, seen, alsoHidden]);
    const [refusal] = validateChanges(context, lineage(una, 'READ'));
    expect(refusal?.message).toBe(
      'You cannot share the linked inputs “Bureau scores” and 2 more you cannot open with Una Udall, and they are not shared with them yet. Share without lineage, or ask an owner of the inputs.',
    );
    const onlyHidden = contextFor(governedModel, eddie, seedGrants(governedModel), [hidden]);
    expect(validateChanges(onlyHidden, lineage(una, 'READ'))[0]?.message).toBe(
      'You cannot share a linked input you cannot open with Una Udall, and it is not shared with them yet. Share without lineage, or ask an owner of the input.',
    );
  });

  it('R16 is not judged for an entry the actor may not make at all (precedence)', () => {
    const inputs = [input('Bureau scores', [grantTo(dataset, olivia, 3)])];
    const context = contextFor(governedModel, connie, seedGrants(governedModel), inputs);
    expect(codes(context, lineage(una, 'READ'))).toEqual(['SHARING_NOT_ALLOWED']);
  });

  it('R16 judges nothing without lineage', () => {
    const inputs = [input('Bureau scores', [grantTo(dataset, nora, 3, { canShare: true })])];
    const request = requestOf(changeFor(una, 'READ'));
    const result = applyChanges(contextFor(governedModel, eddie, seedGrants(governedModel), inputs), request);
    expect(result.ok && result.linkedInputs).toEqual([]);
  });
});

describe('R18 DATA_USE_NOT_HELD', () => {
  const withoutData = [
    grantTo(dataset, olivia, 3),
    grantTo(dataset, eddie, 2, { canShare: true, canUseData: false }),
    grantTo(dataset, connie, 1, { canUseData: false }),
  ];

  it('R18 refuses "Can use data" from an actor who does not hold it, on any grant, their own included', () => {
    const context = contextFor(dataset, eddie, withoutData);
    const violations = validateChanges(context, requestOf(changeFor(una, 'EDITOR', { canUseData: true })));
    expect(violations).toEqual([
      {
        rule: 'R18',
        code: 'DATA_USE_NOT_HELD',
        index: 0,
        recipient: una.name,
        message: 'You do not have “Can use data” on this dataset yourself, so you cannot give it to anyone.',
      },
    ]);
    expect(summarizeViolations(violations).status).toBe(403);
    expect(codes(context, requestOf(changeFor(connie, 'CONSUMER', { canUseData: true })))).toEqual([
      'DATA_USE_NOT_HELD',
    ]);
    expect(codes(context, requestOf(changeFor(eddie, 'EDITOR', { canUseData: true })))).toEqual([
      'DATA_USE_NOT_HELD',
    ]);
  });

  it('R18 gives a new grant from such an actor no data use by default', () => {
    const result = applyChanges(
      contextFor(dataset, eddie, withoutData),
      requestOf(changeFor(una, 'CONSUMER')),
    );
    expect(result.ok && result.changes[0]?.after?.canUseData).toBe(false);
  });

  it('R18 lets such an actor take data use away, or keep a grant that already has it', () => {
    const grants = [...withoutData, grantTo(dataset, una, 1, { canUseData: true })];
    const context = contextFor(dataset, eddie, grants);
    expect(codes(context, requestOf(changeFor(una, 'CONSUMER', { canUseData: false })))).toEqual([]);
    expect(codes(context, requestOf(changeFor(una, 'EDITOR', { canUseData: true })))).toEqual([]);
  });

  it('R18 lets an actor who holds data use pass it on; owners always hold it', () => {
    expect(
      codes(contextFor(dataset, eddie), requestOf(changeFor(una, 'EDITOR', { canUseData: true }))),
    ).toEqual([]);
    expect(
      codes(
        contextFor(dataset, olivia, withoutData),
        requestOf(changeFor(connie, 'CONSUMER', { canUseData: true })),
      ),
    ).toEqual([]);
  });
});

describe('R17 re-sharing within one’s own level', () => {
  function entry(actor: Principal, grants: Grant[], role: string): EntryCheck {
    const context = contextFor(dataset, actor, grants);
    const change = changeFor(una, role);
    return {
      context,
      request: requestOf(change),
      actor: standingOf(dataset, actor, grants),
      index: 0,
      change,
      nameInRequest: una.name,
      recipient: una,
      outsideOrganization: false,
      role: dataset.roles.find((known) => known.name === role),
      current: undefined,
      next: grantTo(dataset, una, 1),
      changesSomething: true,
      duplicateOf: null,
    };
  }

  it('R17 a consumer with "Allow sharing" re-shares as Consumer', () => {
    const grants = [grantTo(dataset, olivia, 3), grantTo(dataset, connie, 1, { canShare: true })];
    expect(checkReshareWithinOwnLevel(entry(connie, grants, 'CONSUMER'))).toEqual([]);
    expect(codes(contextFor(dataset, connie, grants), requestOf(changeFor(una, 'CONSUMER')))).toEqual([]);
  });

  it('R17 a consumer with "Allow sharing" cannot re-share as Editor', () => {
    const grants = [grantTo(dataset, olivia, 3), grantTo(dataset, connie, 1, { canShare: true })];
    expect(checkReshareWithinOwnLevel(entry(connie, grants, 'EDITOR')).map((found) => found.rule)).toEqual([
      'R5',
    ]);
    expect(codes(contextFor(dataset, connie, grants), requestOf(changeFor(una, 'EDITOR')))).toEqual([
      'ROLE_ABOVE_OWN_LEVEL',
    ]);
  });

  it('R17 an editor without "Allow sharing" cannot re-share at all', () => {
    expect(
      checkReshareWithinOwnLevel(entry(nora, seedGrants(dataset), 'CONSUMER')).map((found) => found.rule),
    ).toEqual(['R7']);
  });
});

describe('applyChanges', () => {
  it('gives a new dataset grant the defaults: no sharing, data use on', () => {
    const result = applyChanges(contextFor(dataset, olivia), requestOf(changeFor(una, 'editor')));
    expect(result.ok && result.changes).toEqual([
      {
        principal: una,
        before: undefined,
        after: {
          principalId: una.id,
          principalType: 'user',
          role: 'EDITOR',
          canShare: false,
          canUseData: true,
        },
      },
    ]);
  });

  it('gives a new dataset owner "Allow sharing" and data use', () => {
    const result = applyChanges(contextFor(dataset, olivia), requestOf(changeFor(una, 'OWNER')));
    expect(result.ok && result.grants.at(-1)).toMatchObject({
      role: 'OWNER',
      canShare: true,
      canUseData: true,
    });
  });

  it('takes the flags the request gives', () => {
    const result = applyChanges(
      contextFor(dataset, olivia),
      requestOf(changeFor(una, 'CONSUMER', { canShare: true, canUseData: false })),
    );
    expect(result.ok && result.grants.at(-1)).toMatchObject({ canShare: true, canUseData: false });
  });

  it('stores no flags on a type without options, except an owner’s data use', () => {
    const result = applyChanges(
      contextFor(deployment, olivia),
      requestOf(changeFor(una, 'USER'), changeFor(victor, 'OWNER')),
    );
    expect(result.ok && result.grants.slice(-2)).toEqual([
      { principalId: una.id, principalType: 'user', role: 'USER', canShare: false, canUseData: false },
      { principalId: victor.id, principalType: 'user', role: 'OWNER', canShare: false, canUseData: true },
    ]);
  });

  it('keeps the flags a change does not mention, and the order of the list', () => {
    const grants = [...seedGrants(dataset), grantTo(dataset, una, 1, { canShare: true, canUseData: false })];
    const result = applyChanges(contextFor(dataset, olivia, grants), requestOf(changeFor(una, 'EDITOR')));
    expect(result.ok && result.grants.map((grant) => grant.principalId)).toEqual(
      grants.map((grant) => grant.principalId),
    );
    expect(result.ok && result.grants.at(-1)).toMatchObject({
      role: 'EDITOR',
      canShare: true,
      canUseData: false,
    });
  });

  it('applies whole or not at all', () => {
    const grants = seedGrants(deployment);
    const context = contextFor(deployment, olivia, grants);
    const result = applyChanges(context, requestOf(changeFor(una, 'USER'), changeFor(ivan, 'USER')));
    expect(result).toEqual({
      ok: false,
      violations: [expect.objectContaining({ code: 'RECIPIENT_INACTIVE' })],
    });
    expect(context.grants).toEqual(seedGrants(deployment));
  });

  it('reports no change for an entry that changes nothing', () => {
    const result = applyChanges(
      contextFor(deployment, olivia),
      requestOf(changeFor(eddie, 'USER'), changeFor(una, null)),
    );
    expect(result.ok && result.changes).toEqual([]);
  });
});

describe('accessImpact', () => {
  it('counts a group’s members who gain access', () => {
    const before = seedGrants(deployment);
    const after = [...before, grantTo(deployment, marketing, 1)];
    const impact = accessImpact(deployment, directory, before, after, [marketing], TEST_NOW);
    expect(impact.counts).toEqual({ gains: 2, changes: 0, loses: 0, expiries: 0 });
    expect(impact.gains.map((entry) => entry.principal.name).sort()).toEqual([una.name, victor.name]);
  });

  it('tells changes and losses apart, and leaves out members whose level stays', () => {
    const before = [...seedGrants(deployment), grantTo(deployment, dataScience, 1)];
    const after = [
      ...seedGrants(deployment).filter((grant) => grant.principalId !== connie.id),
      grantTo(deployment, dataScience, 2),
    ];
    const impact = accessImpact(deployment, directory, before, after, [dataScience, connie], TEST_NOW);
    expect(
      impact.changes.map((entry) => [entry.principal.name, entry.beforeLevel, entry.afterLevel]),
    ).toEqual([
      [connie.name, 1, 2],
      [nora.name, 1, 2],
    ]);
    expect(impact.counts).toEqual({ gains: 0, changes: 2, loses: 0, expiries: 0 });
  });

  it('counts a removed user who loses access', () => {
    const before = seedGrants(deployment);
    const after = before.filter((grant) => grant.principalId !== connie.id);
    expect(accessImpact(deployment, directory, before, after, [connie], TEST_NOW)).toMatchObject({
      counts: { gains: 0, changes: 0, loses: 1, expiries: 0 },
      loses: [{ principal: connie, beforeLevel: 1, afterLevel: 0 }],
    });
  });

  it('counts every member of an organization of 100,000 and lists the first few', () => {
    const orgId = acme.id;
    const members = Array.from(
      { length: 100_000 },
      (_, n): Principal => ({
        id: hexId(0x60, n),
        type: 'user',
        name: `member${n}@acme.test`,
        displayName: `Member ${n}`,
        orgId,
        active: n % 10 !== 0,
        groupIds: n % 4 === 0 ? [dataScience.id] : [],
      }),
    );
    const big = createInMemoryDirectory([acme, dataScience, ...members]);
    const before = [grantTo(deployment, olivia, 3), grantTo(deployment, dataScience, 2)];
    const after = [...before, grantTo(deployment, acme, 1)];
    const impact = accessImpact(deployment, big, before, after, [acme], TEST_NOW);
    // Active members outside Data Science gain; inactive ones (every tenth) and Data Science keep their level.
    const expectedGains = members.filter((member) => member.active && member.groupIds?.length === 0).length;
    expect(impact.counts).toEqual({ gains: expectedGains, changes: 0, loses: 0, expiries: 0 });
    expect(impact.gains).toHaveLength(IMPACT_ENTRY_LIMIT);
  }, 30_000); // 100,000 principals are built first: generous on a busy machine
});

describe('previewChanges', () => {
  it('answers the violations, and the impact of the entries that break nothing', () => {
    const request = requestOf(
      changeFor(ivan, 'USER'),
      changeFor(marketing, 'CONSUMER'),
      changeFor(connie, null),
    );
    const preview = previewChanges(contextFor(deployment, olivia), request);
    expect(preview.violations.map((found) => found.code)).toEqual(['RECIPIENT_INACTIVE']);
    // Ivan's entry breaks R1: it is left out, and would give him no access anyway.
    expect(preview.impact.counts).toEqual({ gains: 2, changes: 0, loses: 1, expiries: 0 });
  });

  it('leaves out of the impact an entry that would give access but breaks a rule', () => {
    const request = requestOf(changeFor(una, 'OWNER'), changeFor(marketing, 'CONSUMER'));
    const preview = previewChanges(contextFor(deployment, eddie), request);
    expect(preview.violations.map((found) => [found.index, found.code])).toEqual([
      [0, 'ROLE_ABOVE_OWN_LEVEL'],
    ]);
    // Una belongs to Marketing: she gains as a member, at the group's level, not as an owner.
    expect(preview.impact.gains.map((entry) => [entry.principal.name, entry.afterLevel]).sort()).toEqual([
      [una.name, 1],
      [victor.name, 1],
    ]);
    expect(preview.impact.counts).toEqual({ gains: 2, changes: 0, loses: 0, expiries: 0 });
  });

  it('answers no impact when the entries that break nothing break a rule on their own', () => {
    // Handing ownership to Ivan fails (R1), and an inactive owner is no owner: Olivia stepping down leaves none
    // (R9), with Ivan's entry or without it.
    const request = requestOf(changeFor(ivan, 'OWNER'), changeFor(olivia, null));
    const preview = previewChanges(contextFor(deployment, olivia), request);
    expect(preview.violations.map((found) => found.code)).toEqual(['RECIPIENT_INACTIVE', 'LAST_OWNER']);
    expect(preview.impact).toEqual({
      gains: [],
      changes: [],
      loses: [],
      expiries: [],
      counts: { gains: 0, changes: 0, loses: 0, expiries: 0 },
    });
  });

  it('answers the impact of the whole request when it breaks nothing', () => {
    const context = contextFor(deployment, olivia);
    const request = requestOf(changeFor(marketing, 'USER'), changeFor(connie, 'USER'));
    const preview = previewChanges(context, request);
    expect(preview.violations).toEqual([]);
    const result = applyChanges(context, request);
    if (!result.ok) throw new Error('the request should apply');
    expect(preview.impact).toEqual(
      accessImpact(
        deployment,
        directory,
        context.grants,
        result.grants,
        result.changes.map((change) => change.principal),
        context.now,
      ),
    );
    expect(preview.impact.counts).toEqual({ gains: 2, changes: 1, loses: 0, expiries: 0 });
  });
});
