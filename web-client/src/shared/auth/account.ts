import { createContext, useContext } from 'react';
import { graphql } from '../../gql';
import type { AccountSessionFragment } from '../../gql/graphql';

/** What the app needs to know about the signed-in person, both after signing in and on each page load. */
export const AccountSession = graphql(`
  fragment AccountSession on Account {
    id
    displayName
    locale
    roles {
      role
      scopeName
      scope {
        id
        __typename
      }
    }
  }
`);

/** Keeps the person's language with their account, so that it follows them to another phone. */
export const AccountLocaleSetMutation = graphql(`
  mutation AccountLocaleSet($input: AccountLocaleSetInput!) {
    accountLocaleSet(input: $input) {
      account {
        id
        locale
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export type Account = AccountSessionFragment;
export type RoleAssignment = Account['roles'][number];

export const AccountContext = createContext<Account | null>(null);

/** The signed-in account; only inside the screens that RequireAccount guards. */
export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount outside <RequireAccount>');
  return account;
}
