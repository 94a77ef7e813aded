/** Per-minute rate limits and daily send limits, shared by every instance through the database. */
package dev.herald.limit;
