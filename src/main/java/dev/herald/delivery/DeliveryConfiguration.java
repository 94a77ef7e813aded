package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.notification.NotificationStatus;
import dev.herald.receipt.ProviderReceipt;
import dev.herald.receipt.Receipts;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery tasks on db-scheduler: {@code apply-early-receipts}, and {@code simulated-receipt}
 * for receipts that a release before the hand-over applied them itself left queued. Hand-overs go
 * through the delivery queue ({@link DeliveryQueue}), and apply simulated receipts in their own
 * transaction ({@link HandOver}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

  /** Instance {@code provider|reference|status}; Herald itself queues none now. */
  static final String SIMULATED_RECEIPT = "simulated-receipt";

  @Bean
  OneTimeTask<Void> simulatedReceiptTask(Receipts receipts, Clock clock) {
    return Tasks.oneTime(SIMULATED_RECEIPT)
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
}
