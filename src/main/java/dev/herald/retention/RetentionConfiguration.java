package dev.herald.retention;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.files.ObjectStore;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The nightly tasks, once per cluster, at Notify's times (UTC). */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  @Bean
  RecurringTask<Void> timeoutSendingNotificationsTask(TimeoutSendingNotifications timeouts) {
    return Tasks.recurring(
            "timeout-sending-notifications", Schedules.cron("0 5 0 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> timeouts.run());
  }

  @Bean
  ExpiredPartitions expiredPartitions(JdbcClient jdbc, ObjectStore files, TransactionTemplate tx) {
    return new ExpiredPartitions(
        jdbc,
        files,
        tx,
        ExpiredPartitions.LOCK_TIMEOUT,
        ExpiredPartitions.FIRST_PAUSE,
        ExpiredPartitions.ATTEMPTS);
  }

  @Bean
  RecurringTask<Void> deleteNotificationsOlderThanRetentionTask(PersonalDataRetention retention) {
    return Tasks.recurring(
            "delete-notifications-older-than-retention",
            Schedules.cron("0 0 3 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> retention.run());
  }

  /** Re-dates a batch; runs again shortly after (leaving room for other work) until done. */
  @Bean
  CustomTask<Void> redateRetentionTask(RetentionRedating redating) {
    return Tasks.custom(RetentionRedating.TASK, Void.class)
        .execute(
            (instance, context) -> {
              String[] parts = instance.getId().split(":", 2);
              boolean more =
                  redating.batch(UUID.fromString(parts[0]), parts[1]) == RetentionRedating.BATCH;
              return (complete, operations) -> {
                if (more) {
                  operations.reschedule(complete, complete.getTimeDone().plusMillis(100));
                } else {
                  operations.remove();
                }
              };
            });
  }

  @Bean
  RecurringTask<Void> deleteInboundSmsTask(PersonalDataRetention retention) {
    return Tasks.recurring("delete-inbound-sms", Schedules.cron("0 40 1 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> retention.runInbound());
  }
}
