/** The few pieces every feature shares: the clock, ids, the database and the data directory. */
package dev.herald.support;
