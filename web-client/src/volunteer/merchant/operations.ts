import { graphql } from '../../gql';

export const VolunteerOffersQuery = graphql(`
  query VolunteerOffers {
    passbook {
      available
      community {
        id
        offers {
          ...VolunteerOffer
        }
      }
    }
  }
`);

export const VolunteerOfferFragment = graphql(`
  fragment VolunteerOffer on Offer {
    id
    title
    description
    discount
    priceMinutes
    stockLeft
    dailyLimit
    monthlyLimit
    validUntil
    merchant {
      id
      name
      address
    }
  }
`);

export const OffersNearQuery = graphql(`
  query OffersNear($near: GeoPointInput!, $radiusMetres: Int) {
    offersNear(near: $near, radiusMetres: $radiusMetres) {
      distanceMetres
      offer {
        ...VolunteerOffer
      }
    }
  }
`);

export const RedemptionCodeRequestMutation = graphql(`
  mutation RedemptionCodeRequest($input: RedemptionCodeRequestInput!) {
    redemptionCodeRequest(input: $input) {
      redemption {
        ...VolunteerCode
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const RedemptionCodeCancelMutation = graphql(`
  mutation RedemptionCodeCancel($input: RedemptionCodeCancelInput!) {
    redemptionCodeCancel(input: $input) {
      redemption {
        ...VolunteerCode
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const MyRedemptionsQuery = graphql(`
  query MyRedemptions($first: Int) {
    myRedemptions(first: $first) {
      ...VolunteerCode
    }
  }
`);

export const VolunteerCodeFragment = graphql(`
  fragment VolunteerCode on Redemption {
    id
    code
    qrPayload
    status
    minutes
    expiresAt
    settledAt
    offer {
      id
      title
      discount
    }
    merchant {
      id
      name
    }
  }
`);
