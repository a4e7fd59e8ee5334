/**
 * The administrator's community statistics: figures that the owning modules (patrol, time bank,
 * merchant) each answer through a small read API, composed here into one GraphQL object and one
 * CSV export. The module keeps no tables of its own.
 */
package org.qibao.statistics;
