package dev.herald.bench;

import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small steady load of {@code POST /v2/notifications/email} (the intake benchmark's clients) to
 * see what other work does to intake latency: measured alone, and while a piece of work runs.
 */
final class Intake {

  /** Work to run under load. */
  interface Work {
    Object call() throws Exception;
  }

  /** The load's figures while the work ran, the work's own time and what it answered. */
  record During(Phase.Result result, double seconds, Object outcome) {}

  private final int clients;
  private final Duration time;
  private final Duration warmup;
  private SendRequests sends;

  Intake(int clients, Duration time, Duration warmup) {
    this.clients = clients;
    this.time = time;
    this.warmup = warmup;
  }

  void start(ConfigurableApplicationContext context, Path dataDir) throws InterruptedException {
    int port = HeraldInProcess.port(context);
    BenchService service = BenchService.create(new Herald(new Http(port), dataDir));
    sends = service.sends("http://localhost:" + port);
    Phase.run("warmup", clients, warmup, sends);
  }

  Phase.Result measure(String name) throws InterruptedException {
    return Phase.run(name, clients, time, sends);
  }

  /** Starts the load, starts the work a second later, and waits for both. */
  During during(Work work) throws Exception {
    CompletableFuture<Phase.Result> load =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Phase.run("during", clients, time, sends);
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            });
    Thread.sleep(1_000);
    long began = System.nanoTime();
    Object outcome = work.call();
    double seconds = RetentionBenchmark.seconds(began);
    return new During(load.join(), seconds, outcome);
  }

  int clients() {
    return clients;
  }

  Duration time() {
    return time;
  }
}
