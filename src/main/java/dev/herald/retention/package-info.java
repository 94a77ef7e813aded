/** Nightly duties on notifications: timing out those stuck in flight, and (next) retention. */
package dev.herald.retention;
