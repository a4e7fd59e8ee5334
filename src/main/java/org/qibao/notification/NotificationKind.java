package org.qibao.notification;

/** What a notification is about; each has a message {@code notification.KIND} in messages_*.properties. */
public enum NotificationKind {

	SHIFT_CANCELLED, SIGNUP_PROMOTED, JOIN_APPROVED, JOIN_DECLINED, TEAM_INVITATION,

	ATTENDANCE_APPROVED, ATTENDANCE_REJECTED, PATROL_MINUTES_CREDITED, GIFT_RECEIVED,

	MERCHANT_APPROVED, MERCHANT_REJECTED, MERCHANT_SUSPENDED, MERCHANT_REINSTATED

}
