package dev.herald.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Herald calls services back.
 *
 * @param timeout how long one POST may take, connecting included, before it counts as failed.
 * @param initialBackoff the wait before the first retry; each later retry waits twice as long.
 * @param maxBackoff the longest wait between two attempts.
 * @param giveUpAfter how long after the first attempt Herald stops retrying.
 */
@ConfigurationProperties("herald.callbacks")
record CallbackProperties(
    Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

  CallbackProperties {
    timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
    giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
  }

  RetryPolicy retryPolicy() {
    return new RetryPolicy(initialBackoff, maxBackoff, giveUpAfter);
  }
}
