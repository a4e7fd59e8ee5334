import { graphql } from '../../gql';

export const ShiftFields = graphql(`
  fragment VolunteerShiftFields on Shift {
    id
    startsAt
    endsAt
    status
    cancelReason
    minPatrollers
    maxPatrollers
    confirmedCount
    waitlistCount
    team { id name community { timeZone } }
    grids { id name }
    mySignup { id status checkIn { id checkedOutAt } }
  }
`);

export const MyPatrolQuery = graphql(`
  query MyPatrol {
    myTeams {
      id
      name
      upcomingShifts { ...VolunteerShiftFields }
    }
    myShifts { id status shift { ...VolunteerShiftFields } }
    myOpenCheckIn { id checkedInAt visitedCheckpoints shift { ...VolunteerShiftFields } }
    myInvitations { id team { name } }
  }
`);

export const JoinableTeamsQuery = graphql(`
  query JoinableTeams {
    communities(first: 50) {
      nodes { id name teams { id name isMember myJoinRequest { id kind status } } }
    }
  }
`);

export const NotificationsQuery = graphql(`
  query MyNotifications {
    myNotifications(first: 10) { nodes { id kind message createdAt } }
    myCalendarUrl
  }
`);

export const AttendanceHistoryQuery = graphql(`
  query AttendanceHistory($after: String) {
    myAttendance(first: 10, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        status
        reviewReason
        verifiedMinutes
        checkedInMinutes
        rejectionReason
        shift { id startsAt endsAt team { name community { timeZone } } }
      }
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation ShiftSignUp($input: ShiftSignUpInput!) {
    shiftSignUp(input: $input) { signup { id status } userErrors { code message } }
  }
`);

export const SignupCancelMutation = graphql(`
  mutation ShiftSignupCancel($input: ShiftSignupCancelInput!) {
    shiftSignupCancel(input: $input) { signup { id status } userErrors { code message } }
  }
`);

export const CheckInMutation = graphql(`
  mutation ShiftCheckIn($input: ShiftCheckInInput!) {
    shiftCheckIn(input: $input) { checkIn { id checkedInAt } userErrors { code message } }
  }
`);

export const CheckOutMutation = graphql(`
  mutation ShiftCheckOut($input: ShiftCheckInInput!) {
    shiftCheckOut(input: $input) {
      checkIn { id checkedOutAt attendance { id status verifiedMinutes reviewReason } }
      userErrors { code message }
    }
  }
`);

export const CheckpointScanMutation = graphql(`
  mutation CheckpointScan($input: CheckpointScanInput!) {
    checkpointScan(input: $input) { checkpoint { name } userErrors { code message } }
  }
`);

export const JoinRequestMutation = graphql(`
  mutation TeamJoinRequest($input: TeamJoinRequestInput!) {
    teamJoinRequest(input: $input) { joinRequest { id status } userErrors { code message } }
  }
`);

export const JoinDecideMutation = graphql(`
  mutation JoinRequestDecide($input: JoinRequestDecideInput!) {
    joinRequestDecide(input: $input) { joinRequest { id status } userErrors { code message } }
  }
`);
