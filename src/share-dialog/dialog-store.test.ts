import { describe, expect, it, vi } from 'vitest';
import type { Grant } from '../sharing/types.ts';
import { createDialogStore } from './dialog-store.ts';

const connie: Grant = {
  principalId: 'c',
  principalType: 'user',
  role: 'CONSUMER',
  canShare: false,
  canUseData: true,
};
const eddie: Grant = {
  principalId: 'e',
  principalType: 'user',
  role: 'USER',
  canShare: false,
  canUseData: true,
};

describe('createDialogStore', () => {
  it('applies draft actions and tells subscribers', () => {
    const store = createDialogStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'setGrantRole', grant: connie, role: 'USER' });
    expect(store.getState().draft.edits.c?.role).toBe('USER');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps untouched rows’ edits as the same objects, so their rows need not re-render', () => {
    const store = createDialogStore();
    store.dispatch({ type: 'setGrantRole', grant: eddie, role: 'CONSUMER' });
    const eddieEdit = store.getState().draft.edits.e;
    store.dispatch({ type: 'setGrantRole', grant: connie, role: 'USER' });
    expect(store.getState().draft.edits.e).toBe(eddieEdit);
  });

  it('drops a recipient’s save error once its entry changes, and all of them on reset', () => {
    const store = createDialogStore();
    store.setSaveErrors({ c: 'Refused.', e: 'Also refused.' });
    store.dispatch({ type: 'setGrantRole', grant: connie, role: 'USER' });
    expect(store.getState().saveErrors).toEqual({ e: 'Also refused.' });
    store.dispatch({ type: 'reset' });
    expect(store.getState().saveErrors).toEqual({});
  });

  it('does not notify when messages are set to what they already are', () => {
    const store = createDialogStore();
    store.setPreviewErrors({ c: 'Will fail.' });
    const listener = vi.fn();
    store.subscribe(listener);
    store.setPreviewErrors({ c: 'Will fail.' });
    expect(listener).not.toHaveBeenCalled();
  });
});
