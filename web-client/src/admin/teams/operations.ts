import { graphql } from '../../gql';

export const AdminTeamsQuery = graphql(`
  query AdminTeams {
    me {
      id
      roles {
        role
        scope {
          __typename
          id
          ... on Community {
            name
            grids { id code name }
            administrators { id displayName }
            teams {
              id name memberCount
              grids { id code name }
              captains { id displayName }
              members { id displayName }
            }
          }
        }
      }
    }
  }
`);

export const TeamCreateMutation = graphql(`
  mutation AdminTeamCreate($input: TeamCreateInput!) {
    teamCreate(input: $input) { team { id name } userErrors { code message field } }
  }
`);

export const TeamRenameMutation = graphql(`
  mutation AdminTeamUpdate($input: TeamUpdateInput!) {
    teamUpdate(input: $input) { team { id name grids { id } } userErrors { code message field } }
  }
`);

export const CaptainAppointMutation = graphql(`
  mutation AdminCaptainAppoint($input: TeamCaptainAppointInput!) {
    teamCaptainAppoint(input: $input) { team { id captains { id } } userErrors { code message field } }
  }
`);

export const CaptainRemoveMutation = graphql(`
  mutation AdminCaptainRemove($input: TeamCaptainRemoveInput!) {
    teamCaptainRemove(input: $input) { team { id captains { id } } userErrors { code message field } }
  }
`);

export const AdministratorAppointMutation = graphql(`
  mutation AdminAdministratorAppoint($input: CommunityAdministratorAppointInput!) {
    communityAdministratorAppoint(input: $input) { community { id administrators { id } } userErrors { code message field } }
  }
`);

export const AdministratorRemoveMutation = graphql(`
  mutation AdminAdministratorRemove($input: CommunityAdministratorRemoveInput!) {
    communityAdministratorRemove(input: $input) { community { id administrators { id } } userErrors { code message field } }
  }
`);
