// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { initialInviteSettings } from '../sharing/draft.ts';
import { assetType } from '../sharing/test-fixtures.ts';
import { createInviteForm } from './invite-form.ts';

const initial = initialInviteSettings(assetType('deployment'), 'USER');

function input(type: 'checkbox' | 'text'): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  document.body.append(element);
  return element;
}

const atMostThree = (note: string) => note.length <= 3 || 'too long';

describe('the invite form', () => {
  it('shows its values in the inputs it binds, and takes theirs as the person edits', () => {
    const form = createInviteForm(initial);
    const notify = input('checkbox');
    const note = input('text');
    form.register('sendNotification').ref(notify);
    const noteField = form.register('note');
    noteField.ref(note);
    expect(notify.checked).toBe(true);

    const listener = vi.fn();
    form.subscribe(listener);
    note.value = 'Hi';
    noteField.onChange({ target: note });
    expect(form.getValues().note).toBe('Hi');
    expect(listener).toHaveBeenCalledTimes(1);

    form.setValue('sendNotification', false);
    expect(notify.checked).toBe(false);
    form.reset(initial);
    expect(notify.checked).toBe(true);
    expect(note.value).toBe('');
  });

  it('checks a field as it changes and before a submit, which focuses the failing field and does not run', async () => {
    const form = createInviteForm(initial);
    const note = input('text');
    const noteField = form.register('note', { validate: atMostThree });
    noteField.ref(note);
    note.value = 'Hello';
    noteField.onChange({ target: note });
    expect(form.getState().errors.note).toBe('too long');

    const onValid = vi.fn();
    await form.handleSubmit(onValid)();
    expect(onValid).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(note);

    note.value = 'Hey';
    noteField.onChange({ target: note });
    expect(form.getState().errors.note).toBeUndefined();
    await form.handleSubmit(onValid)();
    expect(onValid).toHaveBeenCalledWith({ ...initial, note: 'Hey' });
  });

  it('runs a field’s own change handler with the new value', () => {
    const form = createInviteForm(initial);
    const select = document.createElement('select');
    select.append(new Option('User', 'USER'), new Option('Owner', 'OWNER'));
    const onChange = vi.fn();
    const role = form.register('newRole', { onChange });
    role.ref(select);
    select.value = 'OWNER';
    role.onChange({ target: select });
    expect(onChange).toHaveBeenCalledWith('OWNER');
    expect(form.getValues().newRole).toBe('OWNER');
  });
});
