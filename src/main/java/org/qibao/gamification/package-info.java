/**
 * Recognition for verified activity only: a points ledger with levels, badges defined as data,
 * weekly streaks, leaderboards in Redis, community goals and the volunteer's service record. The
 * module only listens to other modules' events and keeps its own copy of the facts it needs.
 */
package org.qibao.gamification;
