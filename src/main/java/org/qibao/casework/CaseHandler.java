package org.qibao.casework;

import org.qibao.identity.Account;

/** Who handles a dispatched case: one account, or a department. */
record CaseHandler(Account account, Department department) {
}
