import { graphql } from '../../gql';

/** A captain or administrator issues a one-time code for a member to set a new password with. */
export const AccountResetCodeIssueMutation = graphql(`
  mutation AccountResetCodeIssue($input: AccountResetCodeIssueInput!) {
    accountResetCodeIssue(input: $input) {
      code
      expiresAt
      account {
        id
        displayName
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** The member sets a new password with the code, and is signed in. */
export const AccountResetCodeUseMutation = graphql(`
  mutation AccountResetCodeUse($input: AccountResetCodeUseInput!) {
    accountResetCodeUse(input: $input) {
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
