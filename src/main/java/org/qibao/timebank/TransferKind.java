package org.qibao.timebank;

/** What caused a transfer of minutes. */
public enum TransferKind {

	PATROL_EARNING, SCHOOL_ENROLMENT, GIFT, MERCHANT_REDEMPTION, REVERSAL, ADJUSTMENT

}
