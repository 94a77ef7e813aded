package dev.herald.print;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.delivery.Backoff;
import dev.herald.files.ObjectStoreException;
import dev.herald.support.RedactedThrowable;
import dev.herald.support.Timestamps;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The print run, at 17:30 London every day (a day that is no working day makes none), run once
 * whichever instance takes it and, if Herald was down then, once when it is back; and the {@value
 * PrintBatches#TASK} tasks that hand its batches over. A batch the provider cannot take now (it is
 * down, refuses for a while, the file store is out of reach) is tried again, every ten minutes at
 * most, however long; one the provider refuses for good frees its letters for the next run.
 */
@Configuration(proxyBeanMethods = false)
class PrintConfiguration {

  static final String RUN_TASK = "print-run";
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(PrintConfiguration.class);

  @Bean
  PrintProviders printProviders(List<PrintProvider> all) {
    PrintProviders providers = new PrintProviders(all);
    log.info("Letters are printed by {}", providers.current().name());
    return providers;
  }

  /** The run of the London day the execution was due on (not of the day it ran, if late). */
  @Bean
  RecurringTask<Void> printRunTask(PrintRuns runs) {
    return Tasks.recurring(RUN_TASK, Schedules.cron("0 30 17 * * *", Timestamps.LONDON))
        .execute(
            (instance, context) ->
                runs.run(Timestamps.londonDate(context.getExecution().executionTime)));
  }

  @Bean
  OneTimeTask<Void> printBatchTask(PrintBatches batches) {
    return Tasks.oneTime(PrintBatches.TASK)
        .onFailure(retry(batches))
        .execute(
            (instance, context) -> {
              try {
                batches.handOver(UUID.fromString(instance.getId()));
              } catch (PrintException e) {
                throw new PrintFailure(e);
              } catch (ObjectStoreException e) {
                throw e;
              } catch (RuntimeException e) {
                // Its message may quote a letter's address.
                throw (RuntimeException) RedactedThrowable.of(e);
              }
            });
  }

  /** A provider's failure, carried out of the task to its failure handler. */
  static final class PrintFailure extends RuntimeException {
    PrintFailure(PrintException cause) {
      super(cause.getMessage(), cause);
    }

    boolean retryable() {
      return ((PrintException) getCause()).retryable();
    }
  }

  private static FailureHandler<Void> retry(PrintBatches batches) {
    return (ExecutionComplete complete, ExecutionOperations<Void> operations) -> {
      int failures = complete.getExecution().consecutiveFailures + 1;
      Throwable cause = complete.getCause().orElse(null);
      String batch = complete.getExecution().taskInstance.getId();
      String summary = cause == null ? "no cause" : RedactedThrowable.summary(cause);
      if (cause instanceof PrintFailure failure && !failure.retryable()) {
        log.error(
            "Print batch {} refused for good, its letters wait for the next run: {}",
            batch,
            summary);
        batches.refused(UUID.fromString(batch));
        operations.stop();
        return;
      }
      log.warn(
          "Print batch {} not handed over (attempt {}), retrying: {}", batch, failures, summary);
      operations.reschedule(
          complete,
          complete.getTimeDone().plus(Backoff.after(failures, FIRST_RETRY, LONGEST_WAIT)));
    };
  }
}
