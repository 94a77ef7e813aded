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

  private final ObjectProvider<Scheduler> scheduler;

  WorkSignal(ObjectProvider<Scheduler> scheduler) {
    this.scheduler = scheduler;
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
    Scheduler s = scheduler.getIfAvailable();
    if (s != null) {
      s.triggerCheckForDueExecutions();
    }
  }
}
