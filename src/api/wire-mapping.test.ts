import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assetTypes } from '../sharing/asset-types.ts';
import { ruleOfCode } from '../sharing/errors.ts';
import type { ChangeSet } from '../sharing/history.ts';
import type { AccessImpact } from '../sharing/policy.ts';
import type {
  AssetTypeConfig,
  ChangeRequest,
  Grant,
  GrantChange,
  Principal,
  RecipientType,
  RuleCode,
  Violation,
} from '../sharing/types.ts';
import {
  type AccessImpact as AccessImpactBody,
  type AccessRequestBody,
  accessRequestSchema,
  errorEntrySchema,
  ruleCodes,
  type SharedRole,
  type SharedRolesUpdateBody,
  type SharedRoleUpdate,
  sharedRoleSchema,
  sharedRolesUpdateBodySchema,
} from './contract.ts';
import { changeSetSchema } from './history-contract.ts';
import {
  accessImpactBodyOf,
  accessImpactOf,
  accessRequestBodyOf,
  accessRequestOf,
  changeRequestOf,
  changeRequestToBody,
  changeSetBodyOf,
  changeSetOfBody,
  displayNameOf,
  errorEntryOf,
  grantOf,
  sharedRoleOf,
} from './wire-mapping.ts';

/** Records as plain objects, as the mappings write them (`toStrictEqual` compares prototypes). */
const plain = { noNullPrototype: true };
const recipientType = fc.constantFrom<RecipientType>('user', 'group', 'organization', 'role');
const objectId = fc.stringMatching(/^[0-9a-f]{24}$/);
const name = fc.string({ minLength: 1, maxLength: 30 });
const role = fc.option(fc.constantFrom('OWNER', 'EDITOR', 'consumer', 'NO_ROLE', 'Read'), { nil: null });
const upperCaseRole = fc.constantFrom('OWNER', 'EDITOR', 'CONSUMER', 'USER', 'WRITE', 'READ');
const assetType = fc.constantFrom(...assetTypes.all());
/** An instant as the backend answers it (UTC, milliseconds), in 2020–2040. */
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
/** An end as a request sends it: an instant, or `null` to make the grant permanent. */
const requestedEnd = fc.option(instant, { nil: null });

/** A change as the dialog writes one: its recipient named by id or by name, never both. */
const grantChange: fc.Arbitrary<GrantChange> = fc
  .record(
    {
      type: recipientType,
      by: fc.oneof(
        objectId.map((id) => ({ id })),
        name.map((recipientName) => ({ name: recipientName })),
      ),
      role,
      canShare: fc.boolean(),
      canUseData: fc.boolean(),
      expiresAt: requestedEnd,
    },
    { ...plain, requiredKeys: ['type', 'by', 'role'] },
  )
  .map(({ type, by, ...rest }) => ({ recipient: { type, ...by }, ...rest }));

/** A request as the dialog writes one: an empty note is no note. */
const changeRequest: fc.Arbitrary<ChangeRequest> = fc.record(
  {
    changes: fc.array(grantChange, { maxLength: 5 }),
    note: name,
    sendNotification: fc.boolean(),
    shareWithLineage: fc.boolean(),
    approvesRequests: fc.array(objectId, { minLength: 1, maxLength: 3 }),
  },
  { ...plain, requiredKeys: ['changes'] },
);

/** An entry as DataRobot names recipients: users by id or `username`, anything else by id or `name`. */
const roleUpdate: fc.Arbitrary<SharedRoleUpdate> = fc
  .record(
    {
      shareRecipientType: recipientType,
      byId: objectId,
      byName: name,
      namedById: fc.boolean(),
      role,
      canShare: fc.boolean(),
      canUseData: fc.boolean(),
      expiresAt: requestedEnd,
    },
    { ...plain, requiredKeys: ['shareRecipientType', 'byId', 'byName', 'namedById', 'role'] },
  )
  .map(({ byId, byName, namedById, ...entry }) => {
    if (namedById) return { id: byId, ...entry };
    return entry.shareRecipientType === 'user' ? { username: byName, ...entry } : { name: byName, ...entry };
  });

const updateBody: fc.Arbitrary<SharedRolesUpdateBody> = fc.record(
  {
    operation: fc.constant('updateRoles' as const),
    roles: fc.array(roleUpdate, { maxLength: 5 }),
    note: name,
    sendNotification: fc.boolean(),
    applyGrantToLinkedObjects: fc.boolean(),
    approvesRequests: fc.array(objectId, { minLength: 1, maxLength: 3 }),
  },
  { ...plain, requiredKeys: ['operation', 'roles'] },
);

describe('changeRequestToBody ⇄ changeRequestOf', () => {
  it('writes the PATCH body of SPEC §5, entry for entry', () => {
    const body = changeRequestToBody({
      changes: [
        { recipient: { type: 'user', name: 'eddie@acme.test' }, role: 'EDITOR', canShare: true },
        { recipient: { type: 'group', id: '6a2b3c4d5e6f7a8b9c0d1e2f' }, role: null },
        { recipient: { type: 'group', name: 'Risk' }, role: 'CONSUMER', canUseData: false },
        {
          recipient: { type: 'user', name: 'una@acme.test' },
          role: 'EDITOR',
          expiresAt: '2025-07-08T12:00:00Z',
        },
        { recipient: { type: 'user', id: '5f1a2b3c4d5e6f7a8b9c0d1e' }, role: 'EDITOR', expiresAt: null },
      ],
      note: 'Please review.',
      sendNotification: true,
      shareWithLineage: false,
    });
    expect(body).toEqual({
      operation: 'updateRoles',
      roles: [
        { username: 'eddie@acme.test', shareRecipientType: 'user', role: 'EDITOR', canShare: true },
        { id: '6a2b3c4d5e6f7a8b9c0d1e2f', shareRecipientType: 'group', role: null },
        { name: 'Risk', shareRecipientType: 'group', role: 'CONSUMER', canUseData: false },
        {
          username: 'una@acme.test',
          shareRecipientType: 'user',
          role: 'EDITOR',
          expiresAt: '2025-07-08T12:00:00Z',
        },
        { id: '5f1a2b3c4d5e6f7a8b9c0d1e', shareRecipientType: 'user', role: 'EDITOR', expiresAt: null },
      ],
      note: 'Please review.',
      sendNotification: true,
      applyGrantToLinkedObjects: false,
    });
    expect(sharedRolesUpdateBodySchema.parse(body)).toEqual(body);
  });

  it('leaves out an empty note', () => {
    const body = changeRequestToBody({ changes: [], note: '' });
    expect(body).toEqual({ operation: 'updateRoles', roles: [] });
  });

  it('reads back every request it writes, and writes what the contract accepts', () => {
    fc.assert(
      fc.property(changeRequest, (request) => {
        const body = changeRequestToBody(request);
        expect(sharedRolesUpdateBodySchema.parse(body)).toStrictEqual(body);
        expect(changeRequestOf(body)).toStrictEqual(request);
      }),
    );
  });

  it('writes back every body it reads', () => {
    fc.assert(
      fc.property(updateBody, (body) => {
        expect(changeRequestToBody(changeRequestOf(body))).toStrictEqual(body);
      }),
    );
  });

  it('reads a user named by `name` as by `username`', () => {
    const body: SharedRolesUpdateBody = {
      operation: 'updateRoles',
      roles: [{ name: 'eddie@acme.test', shareRecipientType: 'user', role: 'EDITOR' }],
    };
    expect(changeRequestOf(body).changes).toEqual([
      { recipient: { type: 'user', name: 'eddie@acme.test' }, role: 'EDITOR' },
    ]);
  });
});

/** An access-list entry as the backend answers one, and the principal it was written from (none when gone). */
const answeredEntry: fc.Arbitrary<{ entry: SharedRole; holder: Principal | undefined }> = fc
  .record({
    id: objectId,
    type: recipientType,
    known: fc.boolean(),
    name,
    fullName: name,
    role: upperCaseRole,
    canShare: fc.boolean(),
    canUseData: fc.boolean(),
    expiresAt: fc.option(instant, { nil: null }),
    memberCount: fc.nat({ max: 100_000 }),
  })
  .map(
    ({ id, type, known, name: holderName, fullName, role, canShare, canUseData, expiresAt, memberCount }) => {
      const entry: SharedRole = {
        id,
        name: known ? holderName : id,
        shareRecipientType: type,
        role,
        canShare,
        canUseData,
        expiresAt,
      };
      if (known && type === 'user') entry.userFullName = fullName;
      if (known && type !== 'user') entry.memberCount = memberCount;
      const holder: Principal | undefined = known
        ? {
            id,
            type,
            name: holderName,
            displayName: type === 'user' ? fullName : holderName,
            orgId: id,
            active: true,
          }
        : undefined;
      return { entry, holder };
    },
  );

const grant: fc.Arbitrary<Grant> = fc.record(
  {
    principalId: objectId,
    principalType: recipientType,
    role: upperCaseRole,
    canShare: fc.boolean(),
    canUseData: fc.boolean(),
    expiresAt: instant,
  },
  { ...plain, requiredKeys: ['principalId', 'principalType', 'role', 'canShare', 'canUseData'] },
);

describe('sharedRoleOf ⇄ grantOf', () => {
  it('reads back every grant it writes, whoever holds it', () => {
    const holder = fc.option(
      fc.record(
        {
          id: objectId,
          type: recipientType,
          name,
          displayName: name,
          orgId: objectId,
          active: fc.boolean(),
        },
        plain,
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(grant, holder, fc.option(fc.nat(), { nil: undefined }), (granted, principal, count) => {
        const entry = sharedRoleOf(granted, principal, count);
        expect(sharedRoleSchema.parse(entry)).toStrictEqual(entry);
        expect(grantOf(entry)).toStrictEqual(granted);
      }),
    );
  });

  it('writes back every entry it reads, given the principal the entry names', () => {
    fc.assert(
      fc.property(answeredEntry, ({ entry, holder }) => {
        expect(sharedRoleOf(grantOf(entry), holder, entry.memberCount)).toStrictEqual(entry);
        expect(displayNameOf(entry)).toBe(holder?.displayName ?? entry.id);
      }),
    );
  });

  it('reads a role in any case as the upper-case wire name', () => {
    const entry: SharedRole = {
      id: '6a2b3c4d5e6f7a8b9c0d1e2f',
      name: 'Risk',
      shareRecipientType: 'group',
      role: 'consumer',
      canShare: false,
      canUseData: true,
    };
    expect(grantOf(entry).role).toBe('CONSUMER');
  });

  it('reads an entry without `expiresAt` (a backend of DataRobot’s shape) as a grant that does not end', () => {
    const entry: SharedRole = {
      id: '6a2b3c4d5e6f7a8b9c0d1e2f',
      name: 'Risk',
      shareRecipientType: 'group',
      role: 'CONSUMER',
      canShare: false,
      canUseData: true,
    };
    expect(grantOf(entry)).not.toHaveProperty('expiresAt');
    expect(sharedRoleOf(grantOf(entry), undefined).expiresAt).toBeNull();
  });
});

/** Who gains, changes or loses access, with entries of either side's shape. */
function impactLists<Entry>(entry: fc.Arbitrary<Entry>) {
  const entries = fc.array(entry, { maxLength: 4 });
  const counts = fc.record(
    { gains: fc.nat(), changes: fc.nat(), loses: fc.nat(), expiries: fc.nat() },
    plain,
  );
  return fc.record({ gains: entries, changes: entries, loses: entries, expiries: entries, counts }, plain);
}

function impact(type: AssetTypeConfig): fc.Arbitrary<AccessImpact> {
  const level = fc.constantFrom(0 as const, ...type.roles.map((known) => known.level));
  const principal = fc.record({ id: objectId, name, displayName: name }, plain);
  const afterExpiresAt = fc.option(instant, { nil: null });
  return impactLists(fc.record({ principal, beforeLevel: level, afterLevel: level, afterExpiresAt }, plain));
}

function impactBody(type: AssetTypeConfig): fc.Arbitrary<AccessImpactBody> {
  const roleName = fc.option(fc.constantFrom(...type.roles.map((known) => known.name)), { nil: null });
  return impactLists(
    fc.record(
      {
        id: objectId,
        name,
        displayName: name,
        beforeRole: roleName,
        afterRole: roleName,
        afterExpiresAt: fc.option(instant, { nil: null }),
      },
      plain,
    ),
  );
}

/** An asset type, and a value made for it. */
function withAssetType<T>(valueFor: (type: AssetTypeConfig) => fc.Arbitrary<T>) {
  return assetType.chain((type) => fc.tuple(fc.constant(type), valueFor(type)));
}

describe('accessImpactBodyOf ⇄ accessImpactOf', () => {
  it('reads back every impact it writes, levels as the asset type’s role names', () => {
    fc.assert(
      fc.property(withAssetType(impact), ([type, written]) => {
        expect(accessImpactOf(type, accessImpactBodyOf(type, written))).toStrictEqual(written);
      }),
    );
  });

  it('writes back every impact it reads', () => {
    fc.assert(
      fc.property(withAssetType(impactBody), ([type, body]) => {
        expect(accessImpactBodyOf(type, accessImpactOf(type, body))).toStrictEqual(body);
      }),
    );
  });

  it('names no role for no access', () => {
    const [type] = assetTypes.all() as [AssetTypeConfig];
    const body = accessImpactBodyOf(type, {
      gains: [
        {
          principal: { id: 'u', name: 'una@acme.test', displayName: 'Una' },
          beforeLevel: 0,
          afterLevel: 1,
          afterExpiresAt: null,
        },
      ],
      changes: [],
      loses: [],
      expiries: [],
      counts: { gains: 1, changes: 0, loses: 0, expiries: 0 },
    });
    expect(body.gains[0]).toMatchObject({ beforeRole: null, afterRole: type.roles[2]?.name });
  });
});

const violation: fc.Arbitrary<Violation> = fc
  .record(
    {
      code: fc.constantFrom(...ruleCodes),
      index: fc.option(fc.nat({ max: 99 }), { nil: null }),
      recipient: name,
      message: name,
    },
    { ...plain, requiredKeys: ['code', 'index', 'message'] },
  )
  .map((found) => ({ rule: ruleOfCode[found.code], ...found }));

describe('errorEntryOf', () => {
  it('writes every violation as the contract’s error entry, the rule known again by its code', () => {
    fc.assert(
      fc.property(violation, (found) => {
        const entry = errorEntrySchema.parse(errorEntryOf(found));
        expect({ rule: ruleOfCode[entry.code as RuleCode], ...entry }).toStrictEqual(found);
      }),
    );
  });
});

/** An access request as the backend answers one. */
const accessRequestBody: fc.Arbitrary<AccessRequestBody> = fc.record(
  {
    id: objectId,
    requester: fc.record({ id: objectId, fullName: name, username: name }, plain),
    role: upperCaseRole,
    message: fc.string({ maxLength: 40 }),
    status: fc.constantFrom('pending', 'approved', 'declined', 'granted'),
    createdAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    decidedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    declineMessage: name,
  },
  { ...plain, requiredKeys: ['id', 'requester', 'role', 'message', 'status', 'createdAt'] },
);

describe('accessRequestBodyOf ⇄ accessRequestOf', () => {
  it('writes back every access request it reads, as the contract accepts it', () => {
    fc.assert(
      fc.property(accessRequestBody, (body) => {
        const { request, requester } = accessRequestOf(body);
        const written = accessRequestBodyOf(request, requester);
        expect(written).toStrictEqual(body);
        expect(accessRequestSchema.parse(written)).toStrictEqual(body);
      }),
    );
  });

  it('reads the role upper case and the requester by id', () => {
    const { request, requester } = accessRequestOf({
      id: 'a'.repeat(24),
      requester: { id: 'b'.repeat(24), fullName: 'Connie Cole', username: 'connie@acme.test' },
      role: 'editor',
      message: 'Please',
      status: 'pending',
      createdAt: '2025-03-01T10:00:00.000Z',
    });
    expect(request).toEqual({
      id: 'a'.repeat(24),
      requesterId: 'b'.repeat(24),
      role: 'EDITOR',
      message: 'Please',
      status: 'pending',
      createdAt: '2025-03-01T10:00:00.000Z',
    });
    expect(requester.fullName).toBe('Connie Cole');
  });
});

describe('changeSetBodyOf ⇄ changeSetOfBody', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{24}$/);
  const grantState = fc.record({
    role: fc.constantFrom('OWNER', 'EDITOR', 'CONSUMER'),
    canShare: fc.boolean(),
    canUseData: fc.boolean(),
    expiresAt: fc.option(fc.constant('2025-09-01T00:00:00.000Z'), { nil: null }),
  });
  const principal = fc.oneof(
    fc.record({
      id: hex,
      type: fc.constant<RecipientType>('user'),
      name: fc.constant('eddie@acme.test'),
      displayName: fc.constant('Eddie Evans'),
    }),
    fc
      .record({
        id: hex,
        type: fc.constantFrom<RecipientType>('group', 'organization', 'role'),
        name: fc.string(),
      })
      .map((container) => ({ ...container, displayName: container.name })),
  );
  const changeSet: fc.Arbitrary<ChangeSet> = fc.record({
    id: hex,
    at: fc.constant('2025-06-01T09:00:00.000Z'),
    actor: fc.option(fc.record({ id: hex, fullName: fc.string() }), { nil: null }),
    note: fc.option(fc.string(), { nil: null }),
    cause: fc.constantFrom('share', 'expiry', 'lineage', 'request'),
    changes: fc.array(
      fc.record({
        principal,
        before: fc.option(grantState, { nil: null }),
        after: fc.option(grantState, { nil: null }),
      }),
    ),
  });

  it('reads back every change set it writes, and writes what the contract accepts', () => {
    fc.assert(
      fc.property(changeSet, (written) => {
        const body = changeSetBodyOf(written);
        expect(changeSetSchema.safeParse(body).success).toBe(true);
        expect(changeSetOfBody(body)).toEqual(written);
      }),
    );
  });

  it('names a user by username and full name, a group by its name alone', () => {
    const body = changeSetBodyOf({
      id: 'a'.repeat(24),
      at: '2025-06-01T09:00:00.000Z',
      actor: null,
      note: null,
      cause: 'expiry',
      changes: [
        {
          principal: {
            id: 'b'.repeat(24),
            type: 'user',
            name: 'eddie@acme.test',
            displayName: 'Eddie Evans',
          },
          before: {
            role: 'EDITOR',
            canShare: false,
            canUseData: true,
            expiresAt: '2025-06-01T09:00:00.000Z',
          },
          after: null,
        },
        {
          principal: { id: 'c'.repeat(24), type: 'group', name: 'Risk', displayName: 'Risk' },
          before: null,
          after: { role: 'CONSUMER', canShare: false, canUseData: false, expiresAt: null },
        },
      ],
    });
    expect(body.changes.map((change) => change.principal)).toEqual([
      {
        id: 'b'.repeat(24),
        name: 'eddie@acme.test',
        userFullName: 'Eddie Evans',
        shareRecipientType: 'user',
      },
      { id: 'c'.repeat(24), name: 'Risk', shareRecipientType: 'group' },
    ]);
  });
});
