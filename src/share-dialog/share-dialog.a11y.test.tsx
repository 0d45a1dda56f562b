// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { type DemoAssetKey, type PersonaKey, renderDialog, startMockBackend } from './test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 30_000 });

startMockBackend();

/** Serious and critical axe violations inside the dialog (colour contrast needs a real layout: e2e checks it). */
async function seriousViolations(root: Element) {
  const results = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

const cases: { assetType: string; asset: DemoAssetKey; as: PersonaKey }[] = [
  { assetType: 'useCase', asset: 'useCase', as: 'olivia' },
  { assetType: 'application', asset: 'application', as: 'olivia' },
  { assetType: 'deployment', asset: 'deployment', as: 'connie' },
  { assetType: 'dataset', asset: 'dataset', as: 'nora' },
  { assetType: 'dataConnection', asset: 'dataConnection', as: 'eddie' },
  { assetType: 'project', asset: 'project', as: 'olivia' },
  { assetType: 'workload', asset: 'workload', as: 'olivia' },
  { assetType: 'governedModel', asset: 'governedModel', as: 'connie' },
];

describe('accessibility', () => {
  it.each(cases)(
    'axe finds no serious or critical violation on a $assetType as $as',
    async ({ assetType, asset, as }) => {
      const { dialog } = await renderDialog({ as, asset, assetType });
      await screen.findAllByRole('listitem');
      expect(await seriousViolations(dialog)).toEqual([]);
    },
  );

  it('has none with pending changes, a preview and an error summary either', async () => {
    const { dialog, user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.type(screen.getByRole('combobox', { name: 'Share with' }), 'rita');
    await user.click(await screen.findByRole('option', { name: /Rita Reyes/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Remove access for Connie Cole' }));
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('alert');
    expect(await seriousViolations(dialog)).toEqual([]);
  });
});
