import { graphql } from '../../gql';

graphql(`
  fragment EditableGrid on Grid {
    id
    code
    name
    boundary
    center { longitude latitude }
    workers { id displayName phone }
  }
`);

export const CommunityGridsQuery = graphql(`
  query CommunityGridsEdit($communityId: ID!) {
    node(id: $communityId) {
      ... on Community { id name timeZone grids { ...EditableGrid } }
    }
  }
`);

export const GridCreateMutation = graphql(`
  mutation GridEditorCreate($input: GridCreateInput!) {
    gridCreate(input: $input) { grid { ...EditableGrid } userErrors { code message field } }
  }
`);

export const GridUpdateMutation = graphql(`
  mutation GridEditorUpdate($input: GridUpdateInput!) {
    gridUpdate(input: $input) { grid { ...EditableGrid } userErrors { code message field } }
  }
`);

export const GridWorkerAssignMutation = graphql(`
  mutation GridEditorWorkerAssign($input: GridWorkerAssignInput!) {
    gridWorkerAssign(input: $input) { grid { ...EditableGrid } userErrors { code message field } }
  }
`);

export const GridWorkerUnassignMutation = graphql(`
  mutation GridEditorWorkerUnassign($input: GridWorkerUnassignInput!) {
    gridWorkerUnassign(input: $input) { grid { ...EditableGrid } userErrors { code message field } }
  }
`);

export const CommunityUpdateMutation = graphql(`
  mutation CommunitySettingsUpdate($input: CommunityUpdateInput!) {
    communityUpdate(input: $input) { community { id name timeZone } userErrors { code message field } }
  }
`);

export const CityPlacesQuery = graphql(`
  query CityPlaces {
    cities { id name districts { id name streets { id name communities { id name timeZone administrators { id displayName } } } } }
  }
`);

export const DistrictCreateMutation = graphql(`
  mutation CityDistrictCreate($input: DistrictCreateInput!) {
    districtCreate(input: $input) { district { id name } userErrors { code message field } }
  }
`);

export const DistrictRenameMutation = graphql(`
  mutation CityDistrictRename($input: DistrictRenameInput!) {
    districtRename(input: $input) { district { id name } userErrors { code message field } }
  }
`);

export const StreetCreateMutation = graphql(`
  mutation CityStreetCreate($input: StreetCreateInput!) {
    streetCreate(input: $input) { street { id name } userErrors { code message field } }
  }
`);

export const StreetRenameMutation = graphql(`
  mutation CityStreetRename($input: StreetRenameInput!) {
    streetRename(input: $input) { street { id name } userErrors { code message field } }
  }
`);

export const CommunityCreateMutation = graphql(`
  mutation CityCommunityCreate($input: CommunityCreateInput!) {
    communityCreate(input: $input) { community { id name timeZone } userErrors { code message field } }
  }
`);
