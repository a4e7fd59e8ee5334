import { graphql } from '../../gql';

/** Ends this phone's token on the server, or with `everywhere` every token of the account. */
export const AccountSignOutMutation = graphql(`
  mutation AccountSignOut($input: AccountSignOutInput!) {
    accountSignOut(input: $input) {
      signedOut
      userErrors {
        code
        message
      }
    }
  }
`);

/** Changes the password given the current one; the server ends every other session and hands back a new token. */
export const AccountPasswordChangeMutation = graphql(`
  mutation AccountPasswordChange($input: AccountPasswordChangeInput!) {
    accountPasswordChange(input: $input) {
      token
      expiresAt
      userErrors {
        code
        message
        field
      }
    }
  }
`);
