/**
 * Nightly duties on notifications: retention of personal data and of test-key notifications, and
 * timing out those stuck in flight.
 */
package dev.herald.retention;
