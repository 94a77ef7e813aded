/** Notifications: the send endpoints, statuses and their allowed transitions, and the v2 reads. */
package dev.herald.notification;
