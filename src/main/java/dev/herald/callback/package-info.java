/** Service callbacks: the webhooks that tell a service's own systems about its messages. */
package dev.herald.callback;
