/**
 * The one list of things a person is told: a cancelled shift, a review decision, credited
 * minutes, a gift, a shop's standing. Other modules write to it through {@link org.qibao.notification.Notices}
 * inside their own transactions, so a notice exists exactly when the change it tells of committed;
 * this module depends on no business module, so every module may call it without a cycle.
 */
package org.qibao.notification;
