/** Fact tables per London day, rebuilt nightly, and the statistics read from them. */
package dev.herald.stats;
