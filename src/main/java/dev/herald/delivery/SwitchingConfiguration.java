package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The provider-switching tasks, once per cluster: slow delivery every minute, tending back every 5.
 */
@Configuration(proxyBeanMethods = false)
class SwitchingConfiguration {

  @Bean
  RecurringTask<Void> switchOnSlowDeliveryTask(ProviderSwitching switching) {
    return Tasks.recurring(
            "switch-sms-provider-on-slow-delivery", Schedules.fixedDelay(Duration.ofMinutes(1)))
        .execute((instance, context) -> switching.switchOnSlowDelivery());
  }

  @Bean
  RecurringTask<Void> tendProvidersBackTask(ProviderSwitching switching) {
    return Tasks.recurring(
            "tend-providers-back-to-middle", Schedules.fixedDelay(Duration.ofMinutes(5)))
        .execute((instance, context) -> switching.tendBack());
  }
}
