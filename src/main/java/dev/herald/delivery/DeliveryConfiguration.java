package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.Receipts;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery tasks on db-scheduler: {@code deliver} (one per notification, retried with capped
 * exponential backoff, technical-failure after the last attempt) and {@code simulated-receipt}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

  /**
   * A hand-over removes its task in its own transaction ({@link HandOver}); only when it did not
   * (nothing to send, given up) does db-scheduler remove it on completion.
   */
  @Bean
  CustomTask<Void> deliverTask(
      Deliverer deliverer,
      HandOver handOver,
      DeliveryRepository repository,
      DeliveryProperties properties) {
    DeadExecutionHandler<Void> revive = new ReviveDeadExecution<>();
    return Tasks.custom("deliver", Void.class)
        .onDeadExecution(
            (complete, operations) -> {
              // The run that held it has missed its heartbeats for a minute (its instance died):
              // its claim on the notification goes with it, so the revived run need not wait for
              // the claim to expire.
              repository.release(UUID.fromString(complete.getExecution().taskInstance.getId()));
              revive.deadExecution(complete, operations);
            })
        .onFailure(
            (complete, operations) -> {
              if (complete.getCause().orElse(null) instanceof ClaimedElsewhere) {
                operations.reschedule(
                    complete, complete.getTimeDone().plus(Deliverer.CLAIM.dividedBy(4)));
                return;
              }
              UUID id = UUID.fromString(complete.getExecution().taskInstance.getId());
              int failures = complete.getExecution().consecutiveFailures + 1;
              if (failures >= properties.maxAttempts()) {
                handOver.giveUp(id, "no provider took it in " + failures + " attempts");
                operations.remove();
                return;
              }
              operations.reschedule(
                  complete,
                  complete
                      .getTimeDone()
                      .plus(
                          Backoff.after(
                              failures, properties.initialBackoff(), properties.maxBackoff())));
            })
        .execute(
            (instance, context) -> {
              boolean removed;
              try {
                removed =
                    deliverer.deliver(
                        UUID.fromString(instance.getId()), context.getExecution().version);
              } catch (ProviderException e) {
                throw new RetryLater(e);
              }
              return removed ? (complete, operations) -> {} : new OnCompleteRemove<>();
            });
  }

  @Bean
  OneTimeTask<Void> simulatedReceiptTask(Receipts receipts, Clock clock) {
    return Tasks.oneTime(SimulatedReceipts.TASK)
        .execute(
            (instance, context) -> {
              String[] parts = instance.getId().split("\\|", 3);
              NotificationStatus status = NotificationStatus.of(parts[2]).orElseThrow();
              receipts.apply(new ProviderReceipt(parts[0], parts[1], status, clock.instant()));
            });
  }

  @Bean
  RecurringTask<Void> applyEarlyReceiptsTask(Receipts receipts) {
    return Tasks.recurring("apply-early-receipts", Schedules.fixedDelay(Duration.ofSeconds(30)))
        .execute((instance, context) -> receipts.sweepEarly());
  }

  /** A retryable hand-over failure, for the queue to try again later. */
  static final class RetryLater extends RuntimeException {
    RetryLater(ProviderException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
