package dev.herald.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How delivery runs and retries.
 *
 * @param maxAttempts hand-over attempts before a notification becomes technical-failure.
 * @param initialBackoff wait after the first failed attempt; doubled after each further one.
 * @param maxBackoff the longest wait between two attempts.
 * @param smsSender sender of text messages when the service has none of its own.
 * @param threads deliveries one instance runs at once; each holds its thread for the whole provider
 *     call, so one instance hands over at most threads / (provider latency + its own time per run)
 *     messages a second.
 * @param batch queue rows claimed at most by one statement.
 * @param claimers threads of one instance that claim rows, each one statement at a time: a claim is
 *     a round trip and a commit, so one thread alone caps what an instance can start.
 * @param pollInterval how often the queue is read when nothing woke it: work committed by this
 *     instance wakes it at once; work of other instances, retries and lapsed leases wait for this.
 * @param lease how long a claim holds a queue row without a heartbeat.
 * @param heartbeat how often the leases of running deliveries are renewed.
 * @param bulkThreadsWhileStoring the bulk lane's deliveries one instance runs at once while a job's
 *     rows are being stored (on any instance); API sends are not held back. Storing a row costs the
 *     database a tenth of delivering it, so that a job is stored first, then sent at full speed.
 */
@ConfigurationProperties("herald.delivery")
public record DeliveryProperties(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    String smsSender,
    int threads,
    int batch,
    int claimers,
    Duration pollInterval,
    Duration lease,
    Duration heartbeat,
    int bulkThreadsWhileStoring) {

  public DeliveryProperties {
    maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
    smsSender = smsSender == null || smsSender.isBlank() ? "Herald" : smsSender;
    threads = threads <= 0 ? 512 : threads;
    batch = batch <= 0 ? 100 : batch;
    claimers = claimers <= 0 ? 2 : claimers;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    lease = lease == null ? Duration.ofSeconds(60) : lease;
    heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
    bulkThreadsWhileStoring = bulkThreadsWhileStoring <= 0 ? 2 : bulkThreadsWhileStoring;
    if (!heartbeat.multipliedBy(2).minus(lease).isNegative()) {
      throw new IllegalArgumentException(
          "herald.delivery.heartbeat must be under half of herald.delivery.lease");
    }
  }
}
