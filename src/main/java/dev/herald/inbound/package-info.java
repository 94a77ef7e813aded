/** Text messages received on services' inbound numbers, and the v2 API that lists them. */
package dev.herald.inbound;
