import { graphql } from '../../gql';

export const RosterImportQuery = graphql(`
  query RosterImport($id: ID!) {
    rosterImport(id: $id) {
      id
      fileName
      validRowCount
      expiresAt
      appliedAt
      community { id name }
      rows {
        row
        name
        phone
        team
        errors { code message }
      }
    }
  }
`);

export const RosterImportApplyMutation = graphql(`
  mutation RosterImportApply($input: RosterImportApplyInput!) {
    rosterImportApply(input: $input) {
      rosterImport { id appliedAt }
      invitations {
        code
        invitation { id displayName phone team { name } }
      }
      userErrors { code message field }
    }
  }
`);
