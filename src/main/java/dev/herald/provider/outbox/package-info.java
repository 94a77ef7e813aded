/**
 * The outbox: the default provider, which keeps messages for people to look at instead of sending.
 */
package dev.herald.provider.outbox;
