package dev.herald.job;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.delivery.Backoff;
import dev.herald.support.RedactedThrowable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value JobProcessor#TASK} task, one per job, due when the job is: db-scheduler runs it on
 * one instance. A run that fails (the database or the file store out of reach) is tried again,
 * every five minutes at most, however long: it resumes where the job got to. After a few failed
 * runs in a row the job is marked {@code error} meanwhile ({@link JobProcessor#failed}). The
 * {@value JobStatistics#TASK} task counts jobs' notifications by status; the nightly removal of
 * expired upload files runs once per cluster at Notify's 04:00 (UTC).
 */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

  /** How often the statistics of jobs still changing are counted again. */
  static final Duration STATISTICS_EVERY = Duration.ofSeconds(10);

  private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(JobConfiguration.class);

  @Bean
  RecurringTask<Void> jobStatisticsTask(JobStatistics statistics) {
    return Tasks.recurring(JobStatistics.TASK, Schedules.fixedDelay(STATISTICS_EVERY))
        .execute((instance, context) -> statistics.refresh());
  }

  @Bean
  OneTimeTask<Void> processJobTask(JobProcessor processor) {
    return Tasks.oneTime(JobProcessor.TASK)
        .onFailure(
            (complete, operations) -> {
              Throwable cause = complete.getCause().orElse(null);
              if (cause instanceof JobProcessor.NotYet notYet) {
                // The scheduler's clock said due, this instance's says not yet: again at the job's
                // time, and in a second at the soonest.
                Instant soonest = complete.getTimeDone().plusSeconds(1);
                operations.reschedule(complete, notYet.due.isAfter(soonest) ? notYet.due : soonest);
                return;
              }
              int failures = complete.getExecution().consecutiveFailures + 1;
              processor.failed(
                  UUID.fromString(complete.getExecution().taskInstance.getId()), failures);
              log.warn(
                  "Job {} not processed (attempt {}), retrying: {}",
                  complete.getExecution().taskInstance.getId(),
                  failures,
                  cause == null ? "no cause" : RedactedThrowable.summary(cause));
              operations.reschedule(
                  complete,
                  complete.getTimeDone().plus(Backoff.after(failures, FIRST_RETRY, LONGEST_WAIT)));
            })
        .execute(
            (instance, context) -> {
              try {
                processor.process(UUID.fromString(instance.getId()));
              } catch (JobProcessor.NotYet e) {
                throw e;
              } catch (RuntimeException e) {
                // Its message may quote a row of the file.
                throw (RuntimeException) RedactedThrowable.of(e);
              }
            });
  }

  @Bean
  RecurringTask<Void> removeExpiredUploadsTask(ExpiredUploads expired) {
    return Tasks.recurring("remove-expired-uploads", Schedules.cron("0 0 4 * * *", ZoneOffset.UTC))
        .execute((instance, context) -> expired.run());
  }
}
