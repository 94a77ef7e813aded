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
 * The delivery tasks on db-scheduler: {@code simulated-receipt} and {@code apply-early-receipts}.
 * Hand-overs themselves go through the delivery queue ({@link DeliveryQueue}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

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
}
