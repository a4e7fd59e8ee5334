/**
 * The audit log: every administrative action and role change that a module publishes as an
 * {@link org.qibao.shared.AdministrativeAction}, kept in the publisher's own transaction, so that a
 * change and its record commit together or not at all; read by the community's administrators.
 * The module only listens: no other module calls it.
 */
package org.qibao.audit;
