/** Delivery: the work queue, the workers, retries, and the provider contracts and choice. */
package dev.herald.delivery;
