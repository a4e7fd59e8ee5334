import { graphql } from '../../gql';

export const CaptainMembersQuery = graphql(`
  query CaptainMembers {
    me {
      id
      roles {
        role
        scope {
          __typename
          id
          ... on Team {
            name
            memberships { status joinedAt account { id displayName } }
            joinRequests { id kind createdAt account { id displayName } }
          }
        }
      }
    }
  }
`);

export const CaptainRosterQuery = graphql(`
  query CaptainRoster {
    me {
      id
      roles {
        role
        scope {
          __typename
          id
          ... on Team {
            name
            community { timeZone grids { id code name } }
            grids { id name }
            schedules {
              id version weekdays startTime endTime minPatrollers maxPatrollers grids { id name }
              checkpoints { id name code position { longitude latitude } }
            }
            upcomingShifts {
              id startsAt endsAt status cancelReason minPatrollers maxPatrollers confirmedCount waitlistCount atRisk
              signups { id status volunteer { id displayName } checkIn { id checkedOutAt reportedBy { id } } }
              checkpoints { name code }
            }
          }
        }
      }
    }
  }
`);

export const CaptainReviewQuery = graphql(`
  query CaptainReview {
    reviewQueue {
      id reviewReason checkedInMinutes coveredMinutes viewerCanReview
      volunteer { displayName }
      checkIn { reportedBy { displayName } }
      shift { startsAt endsAt team { name community { timeZone } } }
    }
    noShows {
      id clearedAt clearReason
      volunteer { displayName }
      shift { startsAt endsAt team { name community { timeZone } } }
    }
  }
`);

export const DecideMutation = graphql(`
  mutation CaptainJoinDecide($input: JoinRequestDecideInput!) {
    joinRequestDecide(input: $input) { joinRequest { id status } userErrors { code message } }
  }
`);

export const InviteMutation = graphql(`
  mutation CaptainInvite($input: TeamInviteInput!) {
    teamInvite(input: $input) { joinRequest { id } userErrors { code message } }
  }
`);

export const MemberStatusMutation = graphql(`
  mutation CaptainMemberStatus($input: TeamMemberStatusSetInput!) {
    teamMemberStatusSet(input: $input) { team { id } userErrors { code message } }
  }
`);

export const ScheduleCreateMutation = graphql(`
  mutation CaptainScheduleCreate($input: ShiftScheduleCreateInput!) {
    shiftScheduleCreate(input: $input) { schedule { id } userErrors { code message field } }
  }
`);

export const ScheduleEndMutation = graphql(`
  mutation CaptainScheduleEnd($input: ShiftScheduleEndInput!) {
    shiftScheduleEnd(input: $input) { schedule { id } userErrors { code message } }
  }
`);

export const ShiftCancelMutation = graphql(`
  mutation CaptainShiftCancel($input: ShiftCancelInput!) {
    shiftCancel(input: $input) { shift { id status } userErrors { code message } }
  }
`);

export const ApproveMutation = graphql(`
  mutation CaptainApprove($input: AttendanceApproveInput!) {
    attendanceApprove(input: $input) { attendance { id status verifiedMinutes } userErrors { code message } }
  }
`);

export const RejectMutation = graphql(`
  mutation CaptainReject($input: AttendanceRejectInput!) {
    attendanceReject(input: $input) { attendance { id status } userErrors { code message } }
  }
`);

export const NoShowClearMutation = graphql(`
  mutation CaptainNoShowClear($input: NoShowClearInput!) {
    noShowClear(input: $input) { noShow { id clearedAt } userErrors { code message } }
  }
`);

export const ActForCheckInMutation = graphql(`
  mutation CaptainCheckInFor($input: ShiftCheckInInput!) {
    shiftCheckIn(input: $input) { checkIn { id } userErrors { code message } }
  }
`);

export const ActForCheckOutMutation = graphql(`
  mutation CaptainCheckOutFor($input: ShiftCheckInInput!) {
    shiftCheckOut(input: $input) { checkIn { id } userErrors { code message } }
  }
`);

export const ShiftCreateMutation = graphql(`
  mutation CaptainShiftCreate($input: ShiftCreateInput!) {
    shiftCreate(input: $input) { shift { id } userErrors { code message field } }
  }
`);

export const ScheduleUpdateMutation = graphql(`
  mutation CaptainScheduleUpdate($input: ShiftScheduleUpdateInput!) {
    shiftScheduleUpdate(input: $input) { schedule { id version } userErrors { code message field } }
  }
`);

export const TeamGridsSetMutation = graphql(`
  mutation CaptainTeamGridsSet($input: TeamUpdateInput!) {
    teamUpdate(input: $input) { team { id grids { id } } userErrors { code message field } }
  }
`);

export const ScheduleCheckpointsSetMutation = graphql(`
  mutation CaptainScheduleCheckpointsSet($input: ScheduleCheckpointsSetInput!) {
    scheduleCheckpointsSet(input: $input) { schedule { id checkpoints { id } } userErrors { code message field } }
  }
`);
