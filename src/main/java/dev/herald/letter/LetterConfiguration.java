package dev.herald.letter;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.herald.antivirus.ScannerUnavailableException;
import dev.herald.delivery.Backoff;
import dev.herald.files.ObjectStoreException;
import dev.herald.support.RedactedThrowable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value LetterPdfs#TASK} task. A letter whose file store or virus scanner is out of reach
 * waits for it, however long (a retry every ten minutes at most); one whose PDF cannot be made for
 * any other reason is tried {@value #ATTEMPTS} times over about 35 minutes, then becomes a
 * technical failure.
 */
@Configuration(proxyBeanMethods = false)
class LetterConfiguration {

  static final int ATTEMPTS = 8;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(LetterConfiguration.class);

  @Bean
  OneTimeTask<Void> letterPdfTask(LetterPdfs pdfs) {
    return Tasks.oneTime(LetterPdfs.TASK)
        .onFailure(retry(pdfs))
        .execute((instance, context) -> redacted(() -> pdfs.make(instance.getId())));
  }

  /**
   * Runs {@code work}; a failure other than the store's loses its message, which may quote text.
   */
  private static void redacted(Runnable work) {
    try {
      work.run();
    } catch (ObjectStoreException | ScannerUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw (RuntimeException) RedactedThrowable.of(e);
    }
  }

  private static FailureHandler<Void> retry(LetterPdfs pdfs) {
    return (ExecutionComplete complete, ExecutionOperations<Void> operations) -> {
      int failures = complete.getExecution().consecutiveFailures + 1;
      Throwable cause = complete.getCause().orElse(null);
      boolean storeDown =
          cause instanceof ObjectStoreException || cause instanceof ScannerUnavailableException;
      String instance = complete.getExecution().taskInstance.getId();
      if (!storeDown && failures >= ATTEMPTS) {
        log.error(
            "letter PDF {} failed {} times, the letter is a technical failure: {}",
            instance,
            failures,
            cause == null ? "no cause" : RedactedThrowable.summary(cause));
        pdfs.gaveUp(instance);
        operations.stop();
        return;
      }
      log.warn(
          "letter PDF {} failed (attempt {}), retrying: {}",
          instance,
          failures,
          cause == null ? "no cause" : RedactedThrowable.summary(cause));
      operations.reschedule(
          complete,
          complete.getTimeDone().plus(Backoff.after(failures, FIRST_RETRY, LONGEST_WAIT)));
    };
  }
}
