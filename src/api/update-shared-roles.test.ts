import { describe, expect, it } from 'vitest';
import { sharedRolesUpdateBodySchema } from './contract.ts';
import { changeRequestToBody } from './update-shared-roles.ts';

describe('changeRequestToBody', () => {
  it('writes the PATCH body of SPEC §5, entry for entry', () => {
    const body = changeRequestToBody({
      changes: [
        { recipient: { type: 'user', name: 'eddie@acme.test' }, role: 'EDITOR', canShare: true },
        { recipient: { type: 'group', id: '6a2b3c4d5e6f7a8b9c0d1e2f' }, role: null },
        { recipient: { type: 'group', name: 'Risk' }, role: 'CONSUMER', canUseData: false },
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
});
