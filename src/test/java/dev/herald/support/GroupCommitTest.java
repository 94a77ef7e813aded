package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessException;

class GroupCommitTest {

  private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void stopCallers() {
    firstBatchMayEnd.countDown();
    callers.close();
  }

  @Test
  void callersThatComeWhileABatchRunsGoTogetherIntoTheNextAndEachGetsItsOwnResult()
      throws Exception {
    try (GroupCommit<Integer, String> commit =
        start(100, items -> items.stream().map(i -> "result " + i).toList())) {
      List<Future<String>> results = whileTheFirstBatchRuns(commit, 20);

      for (int i = 0; i <= 20; i++) {
        assertThat(results.get(i).get()).isEqualTo("result " + i);
      }
      assertThat(batches.stream().map(List::size)).containsExactly(1, 20);
    }
  }

  @Test
  void theMetersSayHowLongCallersWaitedForABatchAndHowLongTheBatchesTook() throws Exception {
    try (GroupCommit<Integer, Integer> commit = start(100, items -> items)) {
      long before = System.nanoTime();
      List<Future<Integer>> results = whileTheFirstBatchRuns(commit, 20);
      for (Future<Integer> result : results) {
        result.get();
      }
      long elapsed = System.nanoTime() - before;

      Timer waits = meters.get("herald.group.commit.wait").tag("name", "test").timer();
      Timer runs = meters.get("herald.group.commit.batch").tag("name", "test").timer();
      DistributionSummary sizes =
          meters.get("herald.group.commit.size").tag("name", "test").summary();
      assertThat(waits.count()).isEqualTo(21);
      assertThat(runs.count()).isEqualTo(2);
      assertThat(sizes.count()).isEqualTo(2);
      assertThat(sizes.max()).isEqualTo(20);
      assertThat(sizes.totalAmount()).isEqualTo(21);
      // The 20 waited while the first batch ran, which it did until they were all waiting.
      assertThat(waits.max(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(runs.max(TimeUnit.NANOSECONDS))
          .isGreaterThanOrEqualTo(waits.max(TimeUnit.NANOSECONDS) - 50_000_000L)
          .isLessThanOrEqualTo(elapsed);
    }
  }

  @Test
  void itemsAheadGoIntoTheNextBatchBeforeThoseThatWaitedLonger() throws Exception {
    try (GroupCommit<Integer, Integer> commit =
        start(5, Duration.ofSeconds(30), item -> item >= 100, items -> items)) {
      List<Future<Integer>> results = new ArrayList<>();
      results.add(callers.submit(() -> commit.submit(0)));
      await().until(() -> batches.size() == 1);
      for (int i = 1; i <= 6; i++) {
        int item = i;
        results.add(callers.submit(() -> commit.submit(item)));
      }
      await().until(() -> commit.waiting() == 6);
      results.add(callers.submit(() -> commit.submit(100)));
      await().until(() -> commit.waiting() == 7);
      firstBatchMayEnd.countDown();
      for (Future<Integer> result : results) {
        result.get();
      }

      assertThat(batches).hasSize(3);
      assertThat(batches.get(1)).hasSize(5).first().isEqualTo(100);
      assertThat(batches.get(2)).hasSize(2).doesNotContain(100);
    }
  }

  @Test
  void aBatchIsNeverLargerThanItsLimit() throws Exception {
    try (GroupCommit<Integer, Integer> commit = start(5, items -> items)) {
      for (Future<Integer> result : whileTheFirstBatchRuns(commit, 12)) {
        result.get();
      }
      assertThat(batches.stream().map(List::size)).containsExactly(1, 5, 5, 2);
    }
  }

  @Test
  void everyCallerOfAFailedBatchGetsItsException() throws Exception {
    try (GroupCommit<Integer, Integer> commit =
        start(
            100,
            items -> {
              if (items.contains(1)) {
                throw new IllegalStateException("database gone");
              }
              return items;
            })) {
      List<Future<Integer>> results = whileTheFirstBatchRuns(commit, 2);

      assertThat(results.getFirst().get()).isZero();
      assertThatThrownBy(results.get(1)::get).hasRootCauseMessage("database gone");
      assertThatThrownBy(results.get(2)::get).hasRootCauseMessage("database gone");
      assertThat(commit.submit(3)).as("the next batch runs").isEqualTo(3);
    }
  }

  @Test
  void anItemNoBatchTookInTimeIsWithdrawnAndFailsAsTemporary() throws Exception {
    try (GroupCommit<Integer, Integer> commit =
        start(100, Duration.ofMillis(300), items -> items)) {
      Future<Integer> first = callers.submit(() -> commit.submit(0));
      await().until(() -> batches.size() == 1);

      assertThatThrownBy(() -> commit.submit(1)).isInstanceOf(TransientDataAccessException.class);
      assertThat(commit.waiting()).isZero();
      firstBatchMayEnd.countDown();
      await().until(first::isDone);
      assertThat(commit.submit(2)).isEqualTo(2);
      assertThat(batches).containsExactly(List.of(0), List.of(2));
    }
  }

  @Test
  void aClosedGroupCommitTakesNoMore() {
    GroupCommit<Integer, Integer> commit = start(100, items -> items);
    firstBatchMayEnd.countDown();
    assertThat(commit.submit(1)).isEqualTo(1);
    commit.close();
    assertThatThrownBy(() -> commit.submit(2)).isInstanceOf(IllegalStateException.class);
  }

  /** One batch thread; the first batch waits for {@link #firstBatchMayEnd}. */
  private <R> GroupCommit<Integer, R> start(int maxBatch, Function<List<Integer>, List<R>> work) {
    return start(maxBatch, Duration.ofSeconds(30), work);
  }

  private <R> GroupCommit<Integer, R> start(
      int maxBatch, Duration timeout, Function<List<Integer>, List<R>> work) {
    return start(maxBatch, timeout, item -> false, work);
  }

  private <R> GroupCommit<Integer, R> start(
      int maxBatch,
      Duration timeout,
      Predicate<Integer> ahead,
      Function<List<Integer>, List<R>> work) {
    return new GroupCommit<>(
        "test",
        1,
        maxBatch,
        timeout,
        meters,
        ahead,
        items -> {
          batches.add(items);
          if (batches.size() == 1) {
            try {
              firstBatchMayEnd.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          }
          return work.apply(items);
        });
  }

  /**
   * Submits 0, waits until its batch runs, submits 1…{@code more} and waits until they all wait,
   * then lets the first batch end; answers the results of 0…{@code more}.
   */
  private <R> List<Future<R>> whileTheFirstBatchRuns(GroupCommit<Integer, R> commit, int more) {
    List<Future<R>> results = new ArrayList<>();
    results.add(callers.submit(() -> commit.submit(0)));
    await().until(() -> batches.size() == 1);
    for (int i = 1; i <= more; i++) {
      int item = i;
      results.add(callers.submit(() -> commit.submit(item)));
    }
    await().until(() -> commit.waiting() == more);
    firstBatchMayEnd.countDown();
    return results;
  }
}
