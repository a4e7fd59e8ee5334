import { graphql } from '../../gql';

/** Where the signed-in person may invite to: their teams (as captain), their grids' communities, their communities. */
export const InvitationPlacesQuery = graphql(`
  query InvitationPlaces {
    me {
      id
      roles {
        role
        scopeName
        scope {
          id
          __typename
          ... on Team { community { id name } }
          ... on Grid { community { id name } }
        }
      }
    }
  }
`);

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation {
    id
    displayName
    phone
    status
    expiresAt
    createdAt
    community { id name }
    team { id name }
  }
`);

export const InvitationCreateMutation = graphql(`
  mutation InvitationCreate($input: InvitationCreateInput!) {
    invitationCreate(input: $input) {
      code
      invitation { ...InvitationFields }
      userErrors { code message field }
    }
  }
`);

export const InvitationsSentQuery = graphql(`
  query InvitationsSent($first: Int, $after: String) {
    invitationsSent(first: $first, after: $after) {
      totalCount
      nodes { ...InvitationFields }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const InvitationRevokeMutation = graphql(`
  mutation InvitationRevoke($input: InvitationRevokeInput!) {
    invitationRevoke(input: $input) {
      invitation { ...InvitationFields }
      userErrors { code message field }
    }
  }
`);

export const InvitationToJoinQuery = graphql(`
  query InvitationToJoin($code: String!) {
    invitationToJoin(code: $code) {
      displayName
      maskedPhone
      inviterName
      communityName
      teamName
      expiresAt
      status
      hasAccount
    }
  }
`);

export const InvitationAcceptMutation = graphql(`
  mutation InvitationAccept($input: InvitationAcceptInput!) {
    invitationAccept(input: $input) {
      token
      expiresAt
      account { ...AccountSession }
      userErrors { code message field }
    }
  }
`);
