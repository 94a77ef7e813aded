package dev.herald.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's task executor when work was committed here, so a new notification is picked
 * up at once rather than at the next poll.
 */
@Component
public class WorkSignal {

  private final ObjectProvider<Scheduler> provider;
  private volatile Scheduler scheduler;

  WorkSignal(ObjectProvider<Scheduler> provider) {
    this.provider = provider;
  }

  /** Wakes the executor once the current transaction commits (at once outside one). */
  public void newWorkAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      newWork();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            newWork();
          }
        });
  }

  public void newWork() {
    Scheduler s = scheduler();
    if (s != null) {
      s.triggerCheckForDueExecutions();
    }
  }

  // Resolving the bean is a dependency resolution each time (~1 % of Herald's CPU in the pipeline
  // benchmark, once per batch of inserts), so the scheduler is kept once it exists.
  private Scheduler scheduler() {
    Scheduler s = scheduler;
    if (s == null) {
      s = provider.getIfAvailable();
      scheduler = s;
    }
    return s;
  }
}
