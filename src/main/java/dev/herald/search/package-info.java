/** Finding a service's notifications by recipient or reference, for the admin API. */
package dev.herald.search;
