import { graphql } from '../../gql';

export const PassbookQuery = graphql(`
  query Passbook($first: Int, $after: String) {
    passbook {
      balance
      available
      heldMinutes
      honourMinutes
      owner {
        displayName
      }
      community {
        id
        name
        timeBankPolicy {
          giftMaxMinutes
          giftMonthlyMinutes
        }
        school {
          id
          name
        }
      }
      entries(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          at
          kind
          minutes
          balanceAfter
          counterparty
          reason
        }
      }
    }
  }
`);

export const SchoolCoursesQuery = graphql(`
  query SchoolCourses($schoolId: ID!) {
    node(id: $schoolId) {
      ... on School {
        id
        name
        courses {
          id
          title
          startsAt
          seats
          seatsLeft
          priceMinutes
          myEnrolment {
            cancellable
          }
        }
      }
    }
  }
`);

export const CourseEnrollMutation = graphql(`
  mutation CourseEnroll($input: CourseEnrollInput!) {
    courseEnroll(input: $input) {
      enrolment {
        course {
          id
          seatsLeft
          myEnrolment {
            cancellable
          }
        }
      }
      passbook {
        balance
        available
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const CourseEnrolmentCancelMutation = graphql(`
  mutation CourseEnrolmentCancel($input: CourseEnrolmentCancelInput!) {
    courseEnrolmentCancel(input: $input) {
      enrolment {
        cancelledAt
        course {
          id
          seatsLeft
          myEnrolment {
            cancellable
          }
        }
      }
      passbook {
        balance
        available
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const GiftSendMutation = graphql(`
  mutation GiftSend($input: GiftSendInput!) {
    giftSend(input: $input) {
      gift {
        minutes
        recipient {
          displayName
        }
      }
      passbook {
        balance
        available
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
