// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { sharedRolesPageSchema } from '../../api/contract.ts';
import { backend } from '../../mock-backend/backend.ts';
import {
  addScaleProjects,
  demoProjectId,
  scaleProjectId,
  scaleProjectName,
} from '../../mock-backend/project-seed.ts';
import { groupId } from '../../mock-backend/seed.ts';
import { ShareDialog, type ShareDialogAssetRef, ShareDialogProvider } from '../index.ts';
import {
  callAs,
  demoAssetId,
  type PersonaKey,
  personaIds,
  personaToken,
  startMockBackend,
  testApi,
} from '../test-support.tsx';

configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 60_000 });

const server = startMockBackend();

const mixed: ShareDialogAssetRef[] = [
  { assetType: 'dataset', assetId: demoAssetId('dataset') },
  { assetType: 'useCase', assetId: demoAssetId('useCase') },
  { assetType: 'deployment', assetId: demoAssetId('deployment') },
];
const oliviasProjects: ShareDialogAssetRef[] = [
  { assetType: 'project', assetId: demoAssetId('project') },
  { assetType: 'project', assetId: demoProjectId('demandForecast') },
  { assetType: 'project', assetId: demoProjectId('priceElasticity') },
];

/** Renders the multi-asset dialog open as a persona; `fetch` can be the test's own, e.g. to count requests. */
function renderMulti(
  assets: readonly ShareDialogAssetRef[],
  options: { as?: PersonaKey; fetch?: typeof fetch } = {},
) {
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ShareDialogProvider
      baseUrl={testApi}
      headers={() => ({ Authorization: `Bearer ${personaToken(options.as ?? 'olivia')}` })}
      queryClient={queryClient}
      {...(options.fetch ? { fetch: options.fetch } : {})}
    >
      <ShareDialog assets={assets} defaultOpen />
    </ShareDialogProvider>,
  );
  return { user };
}

async function editorLoaded(count: number) {
  const dialog = await screen.findByRole('dialog', { name: `Share ${count} assets` });
  await within(dialog).findByRole('combobox', { name: 'Share with' });
  return dialog;
}

function rowOf(assetName: string): HTMLElement {
  const table = screen.getByRole('table');
  const row = within(table)
    .getByRole('rowheader', { name: new RegExp(assetName) })
    .closest('tr');
  if (!row) throw new Error(`No row for ${assetName}`);
  return row;
}

async function addRecipient(user: UserEvent, search: string, option: RegExp, label = 'Share with') {
  await user.type(screen.getByRole('combobox', { name: label }), search);
  await user.click(await screen.findByRole('option', { name: option }));
}

/** Waits until every asset's preview has answered: the primary button is enabled. */
async function previewsDone(name: 'Share' | 'Save') {
  const button = screen.getByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

async function accessListOf(collection: string, assetId: string, as: PersonaKey = 'olivia') {
  const response = await callAs(as, 'GET', `/${collection}/${assetId}/sharedRoles?limit=1000`);
  return sharedRolesPageSchema.parse(await response.json()).data;
}

describe('sharing several assets at once', () => {
  it('leaves a group out of the Use Case, says so before saving, and shares it with the other two', async () => {
    const { user } = renderMulti(mixed);
    await editorLoaded(3);
    await addRecipient(user, 'Data Science', /Data Science/);

    expect(
      within(rowOf('Customer churn reduction')).getByText(
        'Data Science is not added to Customer churn reduction: a Use Case takes users and organizations only',
      ),
    ).toBeVisible();
    const share = await previewsDone('Share');
    // The preview of each asset that gets the group: who changes, at which of its own roles.
    expect(within(rowOf('Customer transactions 2024')).getByText(/New recipients get Editor/)).toBeVisible();
    expect(within(rowOf('Churn predictor · production')).getByText(/New recipients get User/)).toBeVisible();
    expect(within(rowOf('Customer transactions 2024')).getByText(/change/)).toBeVisible();

    await user.click(share);
    expect(await screen.findByText('2 changed · 0 refused · 0 failed')).toBeVisible();
    expect(within(rowOf('Customer transactions 2024')).getByText('Changed')).toBeVisible();
    expect(within(rowOf('Churn predictor · production')).getByText('Changed')).toBeVisible();
    expect(within(rowOf('Customer churn reduction')).getByText('Refused')).toBeVisible();

    const datasetGroup = (await accessListOf('datasets', demoAssetId('dataset'))).find(
      (entry) => entry.id === groupId('dataScience'),
    );
    const deploymentGroup = (await accessListOf('deployments', demoAssetId('deployment'))).find(
      (entry) => entry.id === groupId('dataScience'),
    );
    expect([datasetGroup?.role, deploymentGroup?.role]).toEqual(['EDITOR', 'USER']);
    expect(
      (await accessListOf('useCases', demoAssetId('useCase'))).some(
        (entry) => entry.shareRecipientType === 'group',
      ),
    ).toBe(false);
  });

  it('names each entry the backend would refuse, per asset, with the rule’s message', async () => {
    const { user } = renderMulti(mixed);
    await editorLoaded(3);
    await addRecipient(user, 'rita', /Rita Reyes/);
    await waitFor(() =>
      expect(
        within(rowOf('Customer transactions 2024')).getByText(/Rita Reyes can hold at most Consumer/),
      ).toBeVisible(),
    );
    expect(
      within(rowOf('Churn predictor · production')).getByText(/Rita Reyes can hold at most Consumer/),
    ).toBeVisible();
  });

  it('leaves an asset whose save fails with a 500 as failed, and Retry failed resends only that one', async () => {
    const deploymentPath = `*/api/v2/deployments/${demoAssetId('deployment')}/sharedRoles`;
    let failNext = true;
    const patched: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') patched.push(new URL(request.url).pathname.split('/')[3] ?? '');
    });
    server.use(
      http.patch(deploymentPath, () => {
        if (!failNext) return undefined;
        failNext = false;
        return HttpResponse.json({ message: 'Injected', code: 'INTERNAL_ERROR' }, { status: 500 });
      }),
    );
    const { user } = renderMulti(mixed);
    await editorLoaded(3);
    await addRecipient(user, 'Amélie', /Amélie Fontaine/);
    await user.click(await previewsDone('Share'));

    expect(await screen.findByText('2 changed · 0 refused · 1 failed')).toBeVisible();
    const deploymentRow = rowOf('Churn predictor · production');
    expect(within(deploymentRow).getByText('Failed')).toBeVisible();
    expect(within(deploymentRow).getByText(/nothing was changed/)).toBeVisible();
    expect(patched).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('3 changed · 0 refused · 0 failed')).toBeVisible();
    expect(within(rowOf('Churn predictor · production')).getByText('Changed')).toBeVisible();
    expect(patched).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Retry failed' })).toBeNull();
  });

  it('on a 412 re-reads that asset, checks it again and overwrites nothing; a retry then applies', async () => {
    const { user } = renderMulti(mixed);
    await editorLoaded(3);
    await addRecipient(user, 'Amélie', /Amélie Fontaine/);
    const share = await previewsDone('Share');
    // Someone else changes the dataset's sharing after the dialog read it.
    await callAs('olivia', 'PATCH', `/datasets/${demoAssetId('dataset')}/sharedRoles`, {
      operation: 'updateRoles',
      roles: [{ id: personaIds.connie, shareRecipientType: 'user', role: 'EDITOR', canShare: false }],
    });
    await user.click(share);

    expect(await screen.findByText('2 changed · 0 refused · 1 failed')).toBeVisible();
    const datasetRow = rowOf('Customer transactions 2024');
    expect(
      within(datasetRow).getByText(/Someone else changed sharing of this asset meanwhile/),
    ).toBeVisible();
    const connie = (await accessListOf('datasets', demoAssetId('dataset'))).find(
      (entry) => entry.id === personaIds.connie,
    );
    expect(connie?.role).toBe('EDITOR');
    expect(
      (await accessListOf('datasets', demoAssetId('dataset'))).some(
        (entry) => entry.userFullName === 'Amélie Fontaine',
      ),
    ).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('3 changed · 0 refused · 0 failed')).toBeVisible();
    const after = await accessListOf('datasets', demoAssetId('dataset'));
    expect(after.find((entry) => entry.id === personaIds.connie)?.role).toBe('EDITOR');
    expect(after.some((entry) => entry.userFullName === 'Amélie Fontaine')).toBe(true);
  });

  it('transfers three projects to Eddie and removes Olivia: Eddie owns each, Olivia has no access', async () => {
    const { user } = renderMulti(oliviasProjects);
    await editorLoaded(3);
    await user.click(screen.getByText('Transfer ownership'));
    await addRecipient(user, 'eddie', /Eddie Evans/, 'Transfer every selected asset to');
    await user.click(screen.getByRole('checkbox', { name: 'and remove my access' }));
    await user.click(await previewsDone('Save'));

    expect(await screen.findByText('3 changed · 0 refused · 0 failed')).toBeVisible();
    for (const { assetId } of oliviasProjects) {
      const list = await accessListOf('projects', assetId, 'eddie');
      expect(list.find((entry) => entry.id === personaIds.eddie)?.role).toBe('OWNER');
      expect(list.some((entry) => entry.id === personaIds.olivia)).toBe(false);
      expect((await callAs('olivia', 'GET', `/projects/${assetId}`)).status).toBe(404);
    }
  });

  it('keeps read-write for the actor unless asked to remove it', async () => {
    const { user } = renderMulti(oliviasProjects.slice(0, 1));
    await editorLoaded(1);
    await user.click(screen.getByText('Transfer ownership'));
    await addRecipient(user, 'eddie', /Eddie Evans/, 'Transfer every selected asset to');
    await user.click(await previewsDone('Save'));
    expect(await screen.findByText('1 changed · 0 refused · 0 failed')).toBeVisible();
    const list = await accessListOf('projects', demoAssetId('project'));
    expect(list.find((entry) => entry.id === personaIds.olivia)?.role).toBe('USER');
    expect(list.find((entry) => entry.id === personaIds.eddie)?.role).toBe('OWNER');
  });

  it('saves 100 projects with never more than 4 requests in flight', async () => {
    // The scale seed's 100 projects, without its 100,000-person directory, which this test does not need.
    addScaleProjects(backend.db);
    let inFlight = 0;
    let mostInFlight = 0;
    const counted = new Map<string, number>();
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const method = init?.method ?? 'GET';
      counted.set(method, (counted.get(method) ?? 0) + 1);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const projects = Array.from({ length: 100 }, (_, index) => ({
      assetType: 'project',
      assetId: scaleProjectId(index + 1),
    }));
    const { user } = renderMulti(projects, { fetch: countingFetch });
    await editorLoaded(100);
    expect(within(rowOf(scaleProjectName(100))).getByText(scaleProjectName(100))).toBeVisible();
    await addRecipient(user, 'Amélie', /Amélie Fontaine/);
    await user.click(await previewsDone('Share'));

    await waitFor(() => expect(screen.getByText('100 changed · 0 refused · 0 failed')).toBeVisible(), {
      timeout: 30_000,
    });
    expect(counted.get('PATCH')).toBe(100);
    expect(counted.get('POST')).toBeGreaterThanOrEqual(100);
    expect(mostInFlight).toBeGreaterThan(1);
    // SPEC §11: no more than 4 in flight.
    expect(mostInFlight).toBeLessThanOrEqual(4);
  }, 120_000);
});
