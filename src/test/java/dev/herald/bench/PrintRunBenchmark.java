package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.provider.letter.TestSftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The print run (docs/benchmarks.md): {@code --letters} two-page letters created before a run day's
 * deadline, the day's run made and its batches handed to the outbox or to an SFTP server in this
 * JVM (Apache MINA SSHD, files on disk), each on fresh data in a Herald of its own: the run's
 * planning time, the time from the deadline to the last letter handed over, letters a second and
 * the heap; beside the same PDFs zipped and uploaded by the SFTP client alone, with no database.
 */
public final class PrintRunBenchmark {

  /** Which providers are measured, one after the other. */
  enum Provider {
    BOTH,
    OUTBOX,
    SFTP
  }

  private static final int PER_ZIP = 500;

  private PrintRunBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args, "--letters=100000 --provider=outbox|sftp|both --runs=1 --baseline-threads=2");
    int letters = Integer.parseInt(options.getOrDefault("letters", "100000"));
    Provider chosen = BenchOptions.choice(options, "provider", Provider.BOTH);
    int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
    int baselineThreads =
        Integer.parseInt(
            options.getOrDefault(
                "baseline-threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    List<Provider> providers =
        chosen == Provider.BOTH ? List.of(Provider.OUTBOX, Provider.SFTP) : List.of(chosen);
    Load.printMachine();
    CpuCalibration calibration = CpuCalibration.measureAndPrint();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path serverRoot = Files.createTempDirectory("herald-print-bench-sftp");
    try (TestSftpServer server = new TestSftpServer(serverRoot).start()) {
      for (int run = 1; run <= runs; run++) {
        List<PrintRunMeasurement.Figures> figures = new ArrayList<>();
        byte[] pdf = null;
        for (Provider provider : providers) {
          System.out.printf(
              "%n== Run %d: print run of %,d letters, %s ==%n", run, letters, name(provider));
          Measured measured = measure(provider, letters, server);
          figures.add(measured.figures());
          pdf = measured.pdf();
          RetentionBenchmark.deleteTree(serverRoot.resolve("print"));
        }
        System.out.printf(
            "%n== Run %d: baseline, the SFTP client alone: %,d PDFs in ZIPs of %d, %d threads ==%n",
            run, letters, PER_ZIP, baselineThreads);
        HeapSampler heap = new HeapSampler();
        SftpUploadBaseline.Figures baseline =
            SftpUploadBaseline.upload(server, pdf, letters, PER_ZIP, baselineThreads);
        heap.close();
        RetentionBenchmark.deleteTree(SftpUploadBaseline.folder(server));
        PrintRunReport.print(run, figures, baseline, heap.peakUsedMb(), calibration);
      }
    } finally {
      RetentionBenchmark.deleteTree(serverRoot);
    }
    System.out.println(calibration.line());
    System.out.println(Load.now());
    System.exit(0);
  }

  private record Measured(PrintRunMeasurement.Figures figures, byte[] pdf) {}

  /** One provider's run, in a Herald of its own with its own durable embedded PostgreSQL. */
  private static Measured measure(Provider provider, int letters, TestSftpServer server)
      throws Exception {
    Path dataDir = Files.createTempDirectory("herald-print-bench");
    Map<String, String> settings = new HashMap<>();
    // Herald's own embedded database, durable as in its default configuration.
    settings.put("herald.embedded-ephemeral", "false");
    if (provider == Provider.SFTP) {
      settings.put("herald.print.sftp.host", "127.0.0.1");
      settings.put("herald.print.sftp.port", String.valueOf(server.properties().port()));
      settings.put("herald.print.sftp.username", TestSftpServer.USER);
      settings.put("herald.print.sftp.password", TestSftpServer.PASSWORD);
      settings.put("herald.print.sftp.known-host-key", server.knownHostLine());
    }
    try (ConfigurableApplicationContext context = HeraldInProcess.start(dataDir, null, settings)) {
      JdbcClient jdbc = JdbcClient.create(context.getBean(HikariDataSource.class));
      BenchDatabase.printMachine(jdbc);
      PrintRunLetters.Made made =
          PrintRunLetters.make(context, jdbc, dataDir, letters, PrintRunLetters.lastRunDay());
      PrintRunMeasurement.Figures figures =
          PrintRunMeasurement.measure(
              context,
              jdbc,
              made,
              name(provider),
              provider == Provider.OUTBOX ? "delivered" : "sending",
              server.root().resolve("print"));
      PrintRunReport.printRun(figures);
      return new Measured(figures, made.pdf());
    } finally {
      RetentionBenchmark.deleteTree(dataDir);
    }
  }

  private static String name(Provider provider) {
    return provider.name().toLowerCase(Locale.ROOT);
  }
}
