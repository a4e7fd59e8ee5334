package org.qibao.identity;

/**
 * A resident accepted an invitation: their account (new or existing) is now a volunteer of the
 * community. Published in the transaction of the acceptance and heard synchronously, so that a
 * team's listener makes the membership before the acceptance answers, or the whole acceptance
 * is undone.
 *
 * @param teamId the team the invitation was for, or null for the community alone
 */
public record InvitationAccepted(long invitationId, long accountId, long communityId, Long teamId) {
}
