package dev.herald.stats;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fact fan-outs, once per cluster at Notify's times (UTC), and the work they queue. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

  @Bean
  RecurringTask<Void> createNightlyBillingTask(FactFanOut fanOut) {
    return Tasks.recurring("create-nightly-billing", Schedules.cron("0 15 0 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> fanOut.nightlyBilling());
  }

  /** After {@code timeout-sending-notifications} (00:05), so the timeouts are counted. */
  @Bean
  RecurringTask<Void> createNightlyNotificationStatusTask(FactFanOut fanOut) {
    return Tasks.recurring(
            "create-nightly-notification-status", Schedules.cron("0 30 0 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> fanOut.nightlyStatus());
  }

  @Bean
  RecurringTask<Void> updateFtBillingForTodayTask(FactFanOut fanOut) {
    return Tasks.recurring(
            "update-ft-billing-for-today", Schedules.cron("0 0 * * * *", ZoneOffset.UTC))
        .execute((instance, context) -> fanOut.billingForToday());
  }

  @Bean
  OneTimeTask<Void> createFactsForServiceAndDayTask(
      NotificationStatusFacts status, BillingFacts billing) {
    return Tasks.oneTime(FactCombination.TASK)
        .execute(
            (instance, context) -> {
              FactCombination c = FactCombination.parse(instance.getId());
              switch (c.kind()) {
                case STATUS -> status.rebuild(c.day(), c.type(), c.serviceId());
                case BILLING -> billing.rebuild(c.day(), c.type(), c.serviceId());
              }
            });
  }
}
