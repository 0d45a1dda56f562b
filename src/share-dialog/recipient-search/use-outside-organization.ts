import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { accountQueryOptions } from '../../api/get-account.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { isAddressOutsideOrganization } from './recipient-list.ts';
import type { OutsideOrganizationTest } from './resolve-pasted-recipients.ts';

/**
 * Whether an address the search did not find lies outside the actor's organization. The search answers nobody of
 * another organization, so the actor's own address is what tells such an address apart from a mistyped one.
 */
export function useOutsideOrganizationTest(): OutsideOrganizationTest {
  const { client, queryClient } = useShareDialogConfig();
  const actorUsername = useQuery(accountQueryOptions(client), queryClient).data?.username;
  return useCallback(
    (address: string) => isAddressOutsideOrganization(address, actorUsername),
    [actorUsername],
  );
}
