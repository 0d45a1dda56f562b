import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInAssetTypes } from './asset-types.ts';
import {
  createDraft,
  type Draft,
  draftReducer,
  type InviteSettings,
  initialInviteSettings,
  type RecipientSummary,
} from './draft.ts';
import {
  assetsWithoutOption,
  genericRoles,
  leftOutMessage,
  planAssetRequest,
  type SelectedAsset,
  selectionAssetType,
  withArticle,
} from './multi-asset.ts';
import { validateChanges } from './policy.ts';
import {
  acme,
  assetType,
  contextFor,
  dataScience,
  eddie,
  mlopsAdmin,
  olivia,
  TEST_NOW,
  una,
} from './test-fixtures.ts';
import type { Principal } from './types.ts';

function summaryOf(principal: Principal): RecipientSummary {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

const useCase: SelectedAsset = {
  id: 'a1',
  name: 'Customer churn reduction',
  assetType: assetType('useCase'),
};
const dataset: SelectedAsset = {
  id: 'a2',
  name: 'Customer transactions 2024',
  assetType: assetType('dataset'),
};
const deployment: SelectedAsset = {
  id: 'a3',
  name: 'Churn predictor · production',
  assetType: assetType('deployment'),
};
const selection = [useCase, dataset, deployment];

function draftAdding(recipients: readonly Principal[]): Draft {
  return draftReducer(createDraft(), { type: 'addRecipients', recipients: recipients.map(summaryOf) });
}

/** The selection's invite at a generic level, as the multi-asset dialog's form starts it. */
function selectionInvite(level = 'READ_WRITE', types = selection.map((asset) => asset.assetType)) {
  return initialInviteSettings(selectionAssetType(types), level);
}

describe('selectionAssetType', () => {
  it('takes the recipient types any selected type takes, at the generic levels, with the options any supports', () => {
    const type = selectionAssetType([assetType('useCase'), assetType('governedModel')]);
    expect(type.recipientTypes).toEqual(['user', 'organization', 'role']);
    expect(type.roles.map((role) => role.label)).toEqual(['Owner', 'Read-write', 'Read-only']);
    expect(type.defaultRole).toBe('READ_WRITE');
    expect(type.options).toMatchObject({
      allowSharing: false,
      canUseData: false,
      shareWithLineage: false,
      expiry: true,
      note: true,
    });
    expect(selectionAssetType([assetType('dataset')]).options.allowSharing).toBe(true);
  });
});

describe('planAssetRequest', () => {
  it('leaves a group out of a Use Case, saying so by name, and sends it to the types that take groups', () => {
    const draft = draftAdding([dataScience]);
    const plans = selection.map((asset) => planAssetRequest(draft, selectionInvite(), asset, TEST_NOW));
    const [useCasePlan, datasetPlan, deploymentPlan] = plans;

    expect(useCasePlan?.request).toBeNull();
    expect(useCasePlan?.leftOut.map((entry) => entry.message)).toEqual([
      'Data Science is not added to Customer churn reduction: a Use Case takes users and organizations only',
    ]);
    expect(datasetPlan?.leftOut).toEqual([]);
    expect(datasetPlan?.request?.changes).toEqual([
      {
        recipient: { type: 'group', id: dataScience.id, name: dataScience.name },
        role: 'EDITOR',
        canShare: false,
        canUseData: true,
      },
    ]);
    expect(deploymentPlan?.request?.changes).toEqual([
      { recipient: { type: 'group', id: dataScience.id, name: dataScience.name }, role: 'USER' },
    ]);
  });

  it('sends each generic level as every type’s own role name', () => {
    const model: SelectedAsset = {
      id: 'a4',
      name: 'Credit risk model v3',
      assetType: assetType('governedModel'),
    };
    for (const [level, expected] of [
      ['OWNER', ['OWNER', 'OWNER', 'OWNER']],
      ['READ_WRITE', ['EDITOR', 'USER', 'WRITE']],
      ['READ_ONLY', ['CONSUMER', 'CONSUMER', 'READ']],
    ] as const) {
      const draft = draftAdding([una]);
      const invite = selectionInvite(level);
      expect(
        [dataset, deployment, model].map(
          (asset) => planAssetRequest(draft, invite, asset, TEST_NOW).request?.changes[0]?.role,
        ),
      ).toEqual(expected);
    }
  });

  it('keeps the note and notification where the type supports them', () => {
    const invite: InviteSettings = {
      ...selectionInvite(),
      note: 'For the quarterly review.',
      sendNotification: false,
    };
    expect(planAssetRequest(draftAdding([una]), invite, deployment, TEST_NOW).request).toMatchObject({
      note: 'For the quarterly review.',
      sendNotification: false,
    });
  });

  it('appends the hand-over and does not add the new owner twice', () => {
    const plan = planAssetRequest(draftAdding([eddie, una]), selectionInvite(), deployment, TEST_NOW, {
      newOwner: summaryOf(eddie),
      actorId: olivia.id,
      afterwards: 'remove',
    });
    expect(plan.request?.changes.map((change) => [change.recipient.id, change.role])).toEqual([
      [una.id, 'USER'],
      [eddie.id, 'OWNER'],
      [olivia.id, null],
    ]);
  });

  it('never sends an entry or an option the asset type refuses by config (R4, R12)', () => {
    const recipients = [olivia, eddie, una, dataScience, acme, mlopsAdmin];
    fc.assert(
      fc.property(
        fc.subarray([...builtInAssetTypes], { minLength: 1 }),
        fc.subarray(
          recipients.filter((recipient) => recipient !== olivia),
          { minLength: 1 },
        ),
        fc.constantFrom(...genericRoles.map((role) => role.name)),
        fc.boolean(),
        fc.boolean(),
        (types, chosen, level, allowSharing, canUseData) => {
          const assets = types.map((type, index) => ({
            id: `asset-${index}`,
            name: type.label,
            assetType: type,
          }));
          const draft = draftAdding(chosen);
          const invite: InviteSettings = {
            ...selectionInvite(level, types),
            canShare: allowSharing,
            canUseData,
          };
          for (const asset of assets) {
            const plan = planAssetRequest(draft, invite, asset, TEST_NOW);
            const sent = plan.request?.changes.length ?? 0;
            expect(sent + plan.leftOut.length).toBe(chosen.length);
            if (!plan.request) continue;
            const configCodes = validateChanges(contextFor(asset.assetType, olivia), plan.request)
              .map((violation) => violation.code)
              .filter((code) => code === 'RECIPIENT_TYPE_NOT_ALLOWED' || code === 'OPTION_NOT_SUPPORTED');
            expect(configCodes).toEqual([]);
          }
        },
      ),
    );
  });
});

describe('messages', () => {
  it('names the asset, the type with its article, and what the type takes', () => {
    const application: SelectedAsset = {
      id: 'a5',
      name: 'Churn insights portal',
      assetType: assetType('application'),
    };
    expect(withArticle(application.assetType)).toBe('an application');
    expect(withArticle(assetType('dataConnection'))).toBe('a data connection');
    expect(leftOutMessage(summaryOf(mlopsAdmin), dataset)).toBe(
      'MLOps Admin is not added to Customer transactions 2024: a dataset takes users, groups and organizations only',
    );
  });

  it('lists the assets whose type lacks an option', () => {
    expect(assetsWithoutOption(selection, 'allowSharing')).toEqual([useCase, deployment]);
    expect(assetsWithoutOption(selection, 'note')).toEqual([]);
  });
});
