package dev.herald.provider.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may see the outbox ({@code /outbox}, {@code /outbox.json}) and the metrics.
 *
 * @param allowLoopback let requests from the loopback address in without the admin token.
 */
@ConfigurationProperties("herald.outbox")
record OutboxProperties(@DefaultValue("true") boolean allowLoopback) {}
