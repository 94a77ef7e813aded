package dev.herald.callback;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.herald.support.SecretBox;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Wires the callback task into db-scheduler with one shared HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallbackProperties.class)
class CallbackConfiguration {

  @Bean
  CallbackWorker callbackWorker(
      CallbackPayloads payloads,
      CallbackRepository repository,
      SecretBox secrets,
      ObjectMapper json,
      CallbackProperties properties,
      Clock clock) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    CallbackSender sender = new CallbackSender(client, properties.timeout());
    return new CallbackWorker(payloads, repository, sender, secrets, json, properties, clock);
  }

  @Bean
  Task<CallbackRetry> sendCallbackTask(CallbackWorker worker) {
    return Tasks.custom(ServiceCallbacks.TASK_NAME, CallbackRetry.class).execute(worker::execute);
  }
}
