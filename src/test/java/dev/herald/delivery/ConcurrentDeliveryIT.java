package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.delivery.DeliveryRepository.Claimed;
import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.provider.outbox.Outbox;
import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.StoredNotifications;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery queue under concurrency: claims made at once never share a row, a lapsed lease is
 * taken over (and the old run can then no longer remove the row), a heartbeat keeps a lease, two
 * instances' queues running at once send each notification once; and its retries: backoff, then
 * technical-failure after the last attempt.
 */
class ConcurrentDeliveryIT extends ApiIT {

  /** Above the API lane, so the claims of these tests take their own rows first. */
  private static final int TEST_PRIORITY = 1_000;

  /** Three attempts, 300 ms apart at first, for the tests of failures. */
  private static final DeliveryProperties QUICK = quick(4, 2, 50);

  @Autowired NotificationRepository notifications;
  @Autowired DeliveryRepository deliveries;
  @Autowired DeliveryQueue queue;
  @Autowired Deliverer deliverer;
  @Autowired HandOver handOver;
  @Autowired DeliveryProperties delivery;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void claimsMadeAtOnceNeverShareARow() throws Exception {
    queue.stop(); // this instance's own queue would compete for the rows
    List<UUID> mine = queuedNotQueuedByTheApp(200);
    Instant now = clock.instant();
    try {
      ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
        for (int w = 0; w < 8; w++) {
          String worker = "worker-" + w;
          workers.add(
              threads.submit(
                  () -> {
                    start.await();
                    List<Claimed> batch;
                    int rounds = 0; // bounded: a claim that ignored leases would go on for ever
                    do {
                      batch = deliveries.claim(worker, now, now.plusSeconds(60), 7);
                      batch.forEach(c -> claimed.add(c.id()));
                    } while (!batch.isEmpty()
                        && mine.contains(batch.getLast().id())
                        && ++rounds < mine.size());
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> w : workers) {
          w.get();
        }
      }
      Map<UUID, Long> times =
          claimed.stream()
              .filter(mine::contains)
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(times).hasSize(mine.size());
      assertThat(times.values()).containsOnly(1L);
    } finally {
      removeFromQueue(mine);
      queue.start();
    }
  }

  @Test
  void aLapsedLeaseIsTakenOverAndTheOldRunCanNoLongerRemoveTheRow() {
    queue.stop();
    UUID id = queuedNotQueuedByTheApp(1).getFirst();
    Instant now = clock.instant();
    try {
      Claimed first = claimOne("dead-instance", now);
      assertThat(first.work()).isNotNull();
      assertThat(claimOne("other", now.plusSeconds(59))).as("leased").isNull();

      Claimed second = claimOne("other", now.plusSeconds(61));
      assertThat(second.id()).isEqualTo(id);
      assertThat(second.claims()).isEqualTo(first.claims() + 1);
      deliveries.remove(id, first.claims());
      assertThat(queued(id)).as("the old run's remove").isTrue();
      deliveries.remove(id, second.claims());
      assertThat(queued(id)).isFalse();
    } finally {
      removeFromQueue(List.of(id));
      queue.start();
    }
  }

  @Test
  void aHeartbeatKeepsTheLease() {
    queue.stop();
    UUID id = queuedNotQueuedByTheApp(1).getFirst();
    Instant now = clock.instant();
    try {
      assertThat(claimOne("running-instance", now)).isNotNull();
      deliveries.extendLeases("running-instance", List.of(id), now.plusSeconds(120));
      deliveries.extendLeases("another-instance", List.of(id), now.plusSeconds(30));
      assertThat(claimOne("other", now.plusSeconds(90))).as("renewed").isNull();
      assertThat(claimOne("other", now.plusSeconds(121))).isNotNull();
    } finally {
      removeFromQueue(List.of(id));
      queue.start();
    }
  }

  @Test
  void aRowLeasedByAKilledInstanceIsDeliveredOnceItsLeaseLapses() {
    UUID id = queuedNotQueuedByTheApp(1).getFirst();
    Instant now = clock.instant();
    clock.set(now);
    jdbc.sql(
            """
            UPDATE delivery_queue SET leased_by = 'killed-instance', leased_until = :until,
                                      claims = 1
             WHERE notification_id = :id
            """)
        .param("id", id)
        .param("until", Sql.ts(now.plusSeconds(60)))
        .update();

    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> queued(id));
    assertThat(outboxCopies(Set.of(id))).isEmpty();

    clock.set(now.plusSeconds(61));
    await().atMost(Duration.ofSeconds(10)).until(() -> !queued(id));
    assertThat(outboxCopies(Set.of(id))).containsEntry(id, 1L);
  }

  @Test
  void twoInstancesQueuesAtOnceSendEachNotificationOnce() {
    DeliveryQueue second =
        new DeliveryQueue(
            deliveries, deliverer, handOver, delivery, clock, new SimpleMeterRegistry());
    second.start();
    try {
      StoredNotifications stored = new StoredNotifications(herald, notifications, jdbc, tx);
      StoredNotifications.Owner owner = stored.owner();
      List<UUID> ids = new ArrayList<>();
      stored.queue(
          q -> {
            for (int i = 0; i < 300; i++) {
              Notification n = StoredNotifications.aCreatedSms(owner, clock.instant());
              q.store(n, NotificationRepository.PRIORITY_API);
              ids.add(n.id());
            }
          });
      second.newDeliveries();
      queue.newDeliveries();

      await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().noneMatch(this::queued));
      Map<UUID, Long> copies = outboxCopies(Set.copyOf(ids));
      assertThat(copies).hasSize(ids.size());
      assertThat(copies.values()).containsOnly(1L);
    } finally {
      second.stop();
    }
  }

  @Test
  void aRetryableFailureWaitsItsBackoffAndTheLastAttemptMakesATechnicalFailure() {
    queue.stop();
    DeliveryProperties quick = QUICK;
    List<Instant> attempts = new CopyOnWriteArrayList<>();
    Deliverer failing =
        new Deliverer(null, null, null, handOver, null, null, properties, quick) {
          @Override
          boolean deliver(DeliveryRepository.Work work, long claim) throws ProviderException {
            attempts.add(Instant.now());
            throw new ProviderException("every provider is down", true);
          }
        };
    DeliveryQueue failingQueue =
        new DeliveryQueue(deliveries, failing, handOver, quick, clock, new SimpleMeterRegistry());
    UUID id = null;
    try {
      id = queuedNotQueuedByTheApp(1).getFirst();
      failingQueue.start();
      UUID waiting = id;
      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 2);
      assertThat(status(waiting)).isEqualTo("created");
      assertThat(
              jdbc.sql("SELECT attempts FROM delivery_queue WHERE notification_id = :id")
                  .param("id", waiting)
                  .query(Integer.class)
                  .single())
          .isEqualTo(2);

      await().atMost(Duration.ofSeconds(10)).until(() -> !queued(waiting));
      assertThat(attempts).hasSize(3);
      assertThat(status(waiting)).isEqualTo("technical-failure");
      // 300 ms, then 600 ms, each ±20 %
      assertThat(Duration.between(attempts.get(0), attempts.get(1)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(240));
      assertThat(Duration.between(attempts.get(1), attempts.get(2)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(480));
    } finally {
      failingQueue.stop();
      if (id != null) {
        removeFromQueue(List.of(id));
      }
      queue.start();
    }
  }

  @Test
  void aHandOverThatFoundEveryConnectionBusyIsNotAnAttemptAndNeverMakesATechnicalFailure() {
    queue.stop();
    DeliveryProperties quick = QUICK;
    List<Instant> tries = new CopyOnWriteArrayList<>();
    Deliverer busy =
        new Deliverer(null, null, null, handOver, null, null, properties, quick) {
          @Override
          boolean deliver(DeliveryRepository.Work work, long claim) throws ProviderException {
            tries.add(Instant.now());
            throw ProviderException.busy("All SMTP connections stayed busy", null);
          }
        };
    DeliveryQueue busyQueue =
        new DeliveryQueue(deliveries, busy, handOver, quick, clock, new SimpleMeterRegistry());
    UUID id = null;
    try {
      id = queuedNotQueuedByTheApp(1).getFirst();
      busyQueue.start();
      UUID waiting = id;
      // More tries than the 3 attempts allowed: none of them counts.
      await().atMost(Duration.ofSeconds(30)).until(() -> tries.size() >= 5);
      busyQueue.stop();
      assertThat(status(waiting)).isEqualTo("created");
      assertThat(queued(waiting)).isTrue();
      assertThat(
              jdbc.sql("SELECT attempts FROM delivery_queue WHERE notification_id = :id")
                  .param("id", waiting)
                  .query(Integer.class)
                  .single())
          .isZero();
    } finally {
      busyQueue.stop();
      if (id != null) {
        removeFromQueue(List.of(id));
      }
      queue.start();
    }
  }

  @Test
  void claimingThreadsAtOnceNeverClaimMoreRowsThanThereAreThreadsFreeToRunThem() throws Exception {
    queue.stop();
    DeliveryProperties fourClaimersThreeThreads = quick(3, 4, 20);
    CountDownLatch mayEnd = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ConcurrentLinkedQueue<UUID> delivered = new ConcurrentLinkedQueue<>();
    Deliverer blocking =
        new Deliverer(
            null, null, null, handOver, null, null, properties, fourClaimersThreeThreads) {
          @Override
          boolean deliver(DeliveryRepository.Work work, long claim) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              mayEnd.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            delivered.add(work.id());
            return false; // the queue removes the row
          }
        };
    DeliveryQueue fourClaimers =
        new DeliveryQueue(
            deliveries,
            blocking,
            handOver,
            fourClaimersThreeThreads,
            clock,
            new SimpleMeterRegistry());
    List<UUID> mine = queuedNotQueuedByTheApp(12);
    try {
      fourClaimers.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 3);
      // Four threads claim every 20 ms, each up to 10 rows: only the three being run are leased.
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(5))
          .until(() -> leased(mine) == 3);

      mayEnd.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> mine.stream().noneMatch(this::queued));
      assertThat(delivered).containsAll(mine).doesNotHaveDuplicates();
      assertThat(mostAtOnce.get()).isEqualTo(3);
    } finally {
      mayEnd.countDown();
      fourClaimers.stop();
      removeFromQueue(mine);
      queue.start();
    }
  }

  /**
   * While a job's rows are being stored, the bulk lane runs on {@code bulkThreadsWhileStoring}
   * threads of an instance and API sends are not held back; once the job is stored (or has stopped
   * moving on for {@link DeliveryQueue#STORING_STALE}) the lane takes every thread again.
   */
  @Test
  void whileAJobIsStoredTheBulkLaneRunsOnFewThreadsAndApiSendsAreNotHeldBack() throws Exception {
    queue.stop();
    DeliveryProperties sixThreadsTwoWhileStoring = quick(6, 2, 20);
    CountDownLatch mayEnd = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    Deliverer blocking =
        new Deliverer(
            null, null, null, handOver, null, null, properties, sixThreadsTwoWhileStoring) {
          @Override
          boolean deliver(DeliveryRepository.Work work, long claim) {
            running.incrementAndGet();
            try {
              mayEnd.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return false;
          }
        };
    DeliveryQueue throttled =
        new DeliveryQueue(
            deliveries,
            blocking,
            handOver,
            sixThreadsTwoWhileStoring,
            clock,
            new SimpleMeterRegistry());
    StoredNotifications.Owner owner =
        new StoredNotifications(herald, notifications, jdbc, tx).owner();
    UUID job = storingJob(owner, clock.instant());
    List<UUID> bulk = queuedNotQueuedByTheApp(12);
    jdbc.sql("UPDATE delivery_queue SET priority = :bulk WHERE notification_id = ANY(:ids)")
        .param("bulk", NotificationRepository.PRIORITY_BULK)
        .param("ids", Sql.array("uuid", bulk))
        .update();
    List<UUID> api = List.of();
    try {
      assertThat(deliveries.jobStoring(clock.instant().minus(DeliveryQueue.STORING_STALE)))
          .isTrue();
      assertThat(
              deliveries.jobStoring(
                  clock.instant().plus(DeliveryQueue.STORING_STALE.plusSeconds(1))))
          .as("a job that stopped moving on holds nothing back")
          .isFalse();
      throttled.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(5))
          .until(() -> leased(bulk) == 2);

      api = queuedNotQueuedByTheApp(1);
      throttled.newDeliveries();
      List<UUID> apiSend = api;
      await().atMost(Duration.ofSeconds(10)).until(() -> leased(apiSend) == 1);
      assertThat(leased(bulk)).isEqualTo(2);

      jdbc.sql("UPDATE jobs SET job_status = 'finished all notifications created' WHERE id = :id")
          .param("id", job)
          .update();
      // Within a check of the jobs, the lane takes the threads left: 6 less the API send's.
      await().atMost(Duration.ofSeconds(10)).until(() -> leased(bulk) == 5);

      mayEnd.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> bulk.stream().noneMatch(this::queued));
      assertThat(api.stream().noneMatch(this::queued)).isTrue();
    } finally {
      mayEnd.countDown();
      throttled.stop();
      removeFromQueue(bulk);
      removeFromQueue(api);
      jdbc.sql("UPDATE jobs SET job_status = 'finished all notifications created' WHERE id = :id")
          .param("id", job)
          .update();
      queue.start();
    }
  }

  /** A job in progress that moved on at {@code at}, as JobProcessor leaves it between batches. */
  private UUID storingJob(StoredNotifications.Owner owner, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO jobs (id, service_id, template_id, template_version, original_file_name,
                              file_key, notification_count, job_status, created_at, updated_at)
            SELECT :id, :service, :template, max(version), 'people.csv', 'none', 100,
                   'in progress', :at, :at
              FROM templates_history WHERE id = :template
            """)
        .param("id", id)
        .param("service", owner.service())
        .param("template", owner.template())
        .param("at", Sql.ts(at))
        .update();
    return id;
  }

  /**
   * Three attempts, 300 ms apart at first, batches of 10, 2 bulk threads while a job is stored;
   * {@code threads} delivery threads, {@code claimers} claiming threads polling every {@code
   * pollMillis}.
   */
  private static DeliveryProperties quick(int threads, int claimers, long pollMillis) {
    return new DeliveryProperties(
        3,
        Duration.ofMillis(300),
        Duration.ofSeconds(1),
        null,
        threads,
        10,
        claimers,
        Duration.ofMillis(pollMillis),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        2);
  }

  private long leased(List<UUID> ids) {
    return jdbc.sql(
            "SELECT count(*) FROM delivery_queue WHERE notification_id = ANY(:ids)"
                + " AND leased_until IS NOT NULL")
        .param("ids", Sql.array("uuid", ids))
        .query(Long.class)
        .single();
  }

  private String status(UUID id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private Claimed claimOne(String instance, Instant now) {
    List<Claimed> claimed = deliveries.claim(instance, now, now.plusSeconds(60), 1);
    return claimed.isEmpty() ? null : claimed.getFirst();
  }

  /** Created notifications put in the queue at {@link #TEST_PRIORITY}, due now. */
  private List<UUID> queuedNotQueuedByTheApp(int count) {
    StoredNotifications stored = new StoredNotifications(herald, notifications, jdbc, tx);
    StoredNotifications.Owner owner = stored.owner();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(stored.createdNotQueued(owner));
    }
    jdbc.sql(
            """
            INSERT INTO delivery_queue (notification_id, key_type, priority, run_at)
            SELECT id, key_type, :priority, :runAt FROM notifications WHERE id = ANY(:ids)
            """)
        .param("ids", Sql.array("uuid", ids))
        .param("priority", TEST_PRIORITY)
        .param("runAt", Sql.ts(clock.instant().minusSeconds(1)))
        .update();
    return ids;
  }

  private boolean queued(UUID id) {
    return jdbc.sql("SELECT count(*) FROM delivery_queue WHERE notification_id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  private void removeFromQueue(List<UUID> ids) {
    jdbc.sql("DELETE FROM delivery_queue WHERE notification_id = ANY(:ids)")
        .param("ids", Sql.array("uuid", ids))
        .update();
  }

  private Map<UUID, Long> outboxCopies(Set<UUID> ids) {
    return outbox.messages().stream()
        .map(Outbox.Message::notificationId)
        .filter(ids::contains)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
