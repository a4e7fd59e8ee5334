package org.qibao.identity;

/** One role held by an account, as shown in GraphQL. */
record RoleAssignment(Role role, long scopeId) {
}
