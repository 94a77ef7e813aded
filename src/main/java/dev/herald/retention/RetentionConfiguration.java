package dev.herald.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The nightly tasks, once per cluster, at Notify's times (UTC). */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  @Bean
  RecurringTask<Void> timeoutSendingNotificationsTask(TimeoutSendingNotifications timeouts) {
    return Tasks.recurring(
            "timeout-sending-notifications", Schedules.cron("0 5 0 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> timeouts.run());
  }
}
