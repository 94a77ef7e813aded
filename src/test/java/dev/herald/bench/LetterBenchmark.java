package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.letter.LetterPdf;
import dev.herald.letter.PrecompiledCheck;
import dev.herald.letter.PrecompiledOutcome;
import dev.herald.letter.QrCodes;
import dev.herald.template.LetterBody;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters, each figure beside a baseline from the same run (docs/benchmarks.md): templated letters
 * rendered per second and CPU milliseconds a page ({@link LetterPdf}, two-page letters, {@code
 * --threads} at once) beside PDFBox alone writing the same lines with the same embedded font and no
 * layout; precompiled validation milliseconds a page beside PDFBox loading and rasterising the same
 * pages; and letters sent through Herald's API at a steady rate, made and stored, while the email
 * intake load runs, beside that load alone.
 */
public final class LetterBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LetterBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args,
            "--threads=2 --seconds=20 --warmup=10 --runs=3 --letters-per-second=100"
                + " --letter-clients=4 --clients=8 --intake-seconds=20");
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    Duration run = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    System.out.printf(
        "machine: %d cores (availableProcessors), JDK %s%n%s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), Load.now());
    CpuCalibration calibration = CpuCalibration.measureAndPrint();

    LetterPdf.Page page = twoPageLetter();
    LetterPdf.Rendered sample = LetterPdf.render(page);
    List<List<String>> lines = linesOf(sample.pdf());
    System.out.printf(
        "the letter: %d pages, %,d bytes of PDF, %d lines of text%n%n",
        sample.pages(), sample.pdf().length, lines.stream().mapToInt(List::size).sum());
    if (sample.pages() != 2) {
      throw new IllegalStateException("the benchmark letter must have two pages");
    }
    // The font as Herald embeds it: PDFBox's search for glyph substitutions would double its cost.
    byte[] font = LetterPdf.withoutGlyphSubstitution(fontBytes());

    measure("warm-up, Herald", threads, warmup, () -> LetterPdf.render(page).pages());
    measure("warm-up, baseline", threads, warmup, () -> baseline(lines, font));
    for (int i = 1; i <= runs; i++) {
      Result herald = measure("Herald " + i, threads, run, () -> LetterPdf.render(page).pages());
      Result baseline = measure("baseline " + i, threads, run, () -> baseline(lines, font));
      System.out.printf(
          "run %d: Herald %.1f letters/s, %.2f CPU ms a page; baseline %.1f letters/s, %.2f CPU"
              + " ms a page; Herald / baseline (CPU a page) %.2f; Herald letters/s per calibration"
              + " op/s %.4f%n%n",
          i,
          herald.perSecond(),
          herald.cpuMsPerPage(),
          baseline.perSecond(),
          baseline.cpuMsPerPage(),
          herald.cpuMsPerPage() / baseline.cpuMsPerPage(),
          herald.perSecond() / calibration.opsPerSecond());
    }
    precompiled(page, calibration);
    pipeline(options, calibration);
    System.out.println(calibration.line());
    System.out.println(Load.now());
    System.exit(0);
  }

  /**
   * {@link PrecompiledCheck} on Herald's own letters (which pass it), 2 and 10 pages, one thread:
   * milliseconds a page, beside PDFBox alone loading the file and rasterising each page at 72 dpi
   * (the floor of the printable-area check).
   */
  private static void precompiled(LetterPdf.Page twoPages, CpuCalibration calibration)
      throws IOException {
    System.out.printf("%n== Precompiled letters: PrecompiledCheck.check, one thread ==%n");
    for (LetterPdf.Page page : List.of(twoPages, tenPageLetter())) {
      byte[] pdf = LetterPdf.render(page).pdf();
      PrecompiledOutcome outcome = PrecompiledCheck.check(pdf, false);
      if (!outcome.passed()) {
        throw new IllegalStateException("Herald's letter failed the check: " + outcome.message());
      }
      int pages = outcome.pageCount();
      double herald = medianMillis(() -> PrecompiledCheck.check(pdf, false).pageCount());
      double baseline = medianMillis(() -> rasterised(pdf));
      System.out.printf(
          "%2d pages: Herald %.1f ms a letter, %.1f ms a page; baseline (PDFBox load and render at"
              + " 72 dpi) %.1f ms a page; Herald / baseline %.2f; ms a page × calibration op/s"
              + " / 1000 %.1f%n",
          pages,
          herald,
          herald / pages,
          baseline / pages,
          herald / baseline,
          herald / pages * calibration.opsPerSecond() / 1000);
    }
  }

  /**
   * The pipeline through Herald (durable embedded PostgreSQL, default file store): letters sent at
   * a steady rate while the email intake load runs, beside that load alone.
   */
  private static void pipeline(Map<String, String> options, CpuCalibration calibration)
      throws Exception {
    double rate = Double.parseDouble(options.getOrDefault("letters-per-second", "100"));
    int letterClients = Integer.parseInt(options.getOrDefault("letter-clients", "4"));
    Duration time =
        Duration.ofSeconds(Long.parseLong(options.getOrDefault("intake-seconds", "20")));
    Intake intake =
        new Intake(
            Integer.parseInt(options.getOrDefault("clients", "8")),
            time,
            Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10"))));
    Path dataDir = Files.createTempDirectory("herald-letters");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (EmbeddedPostgres postgres = BenchDatabase.durablePostgres(dataDir);
        ConfigurableApplicationContext context =
            HeraldInProcess.start(dataDir, postgres, Map.of())) {
      JdbcClient jdbc = JdbcClient.create(context.getBean(HikariDataSource.class));
      System.out.printf(
          "%n== Letters through Herald: %.0f a second for %d s from %d clients, while %d email"
              + " clients send ==%n",
          rate, time.toSeconds(), letterClients, intake.clients());
      BenchDatabase.printMachine(jdbc);
      LetterPipeline letters = new LetterPipeline(context, jdbc, dataDir);
      if (letters.pagesOfOne() != 2) {
        throw new IllegalStateException("the pipeline's letter must have two pages");
      }
      intake.start(context, dataDir);
      Phase.Result quiet = intake.measure("email alone");
      Intake.During during = intake.during(() -> letters.run(rate, letterClients, time));
      LetterPipeline.Figures figures = (LetterPipeline.Figures) during.outcome();
      System.out.printf(
          "letters: %,d sent, %,d made in the %.1f s window (%.1f a second), %,d still to make at"
              + " its end, made %.1f s later%n",
          figures.sent(),
          figures.madeInWindow(),
          figures.windowSeconds(),
          figures.madePerSecond(),
          figures.backlogAtEnd(),
          figures.drainSeconds());
      System.out.printf(
          "email intake: alone %.0f a second, with the letters %.0f a second: %.0f %% of alone;"
              + " letters made a second per calibration op/s %.4f%n",
          quiet.perSecond(),
          during.result().perSecond(),
          100 * during.result().perSecond() / quiet.perSecond(),
          figures.madePerSecond() / calibration.opsPerSecond());
    } finally {
      RetentionBenchmark.deleteTree(dataDir);
    }
  }

  private static int rasterised(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        renderer.renderImageWithDPI(i, 72, ImageType.RGB);
      }
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The median of 30 timed calls after 10 untimed ones, in milliseconds. */
  private static double medianMillis(Supplier<Integer> work) {
    for (int i = 0; i < 10; i++) {
      work.get();
    }
    double[] times = new double[30];
    for (int i = 0; i < times.length; i++) {
      long began = System.nanoTime();
      work.get();
      times[i] = (System.nanoTime() - began) / 1e6;
    }
    java.util.Arrays.sort(times);
    return times[times.length / 2];
  }

  private static LetterPdf.Page tenPageLetter() {
    String page = "A page of the letter. ".repeat(60);
    return new LetterPdf.Page(
        List.of("Ms A Smith", "1 High Street", "Leeds", "LS1 1AA"),
        LetterBody.contactBlock(CONTACT_BLOCK, Map.of()),
        LocalDate.of(2026, 12, 2),
        LetterBody.subject("Your application"),
        LetterBody.html(
            String.join("\n\n---\n\n", java.util.Collections.nCopies(10, page)), QrCodes::image));
  }

  record Result(double perSecond, double cpuMsPerPage) {}

  /** {@code work} on {@code threads} threads for {@code time}; each call answers its pages. */
  private static Result measure(String label, int threads, Duration time, Supplier<Integer> work)
      throws InterruptedException {
    AtomicLong letters = new AtomicLong();
    AtomicLong pages = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    long deadline = System.nanoTime() + time.toNanos();
    List<Thread> workers = new ArrayList<>();
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    while (System.nanoTime() < deadline) {
                      pages.addAndGet(work.get());
                      letters.incrementAndGet();
                    }
                    cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                  }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Result result =
        new Result(letters.get() / seconds, cpuNanos.get() / 1e6 / Math.max(1, pages.get()));
    System.out.printf(
        "%-18s %,7d letters in %.1f s on %d threads: %.1f letters/s, %.2f CPU ms a page%n",
        label, letters.get(), seconds, threads, result.perSecond(), result.cpuMsPerPage());
    return result;
  }

  /** PDFBox alone: the same lines at fixed places on A4 pages, the same font embedded. */
  private static int baseline(List<List<String>> pages, byte[] font) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font type0 = PDType0Font.load(document, new ByteArrayInputStream(font), true);
      for (List<String> lines : pages) {
        PDPage pdfPage = new PDPage(PDRectangle.A4);
        document.addPage(pdfPage);
        try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
          content.beginText();
          content.setFont(type0, 12);
          content.newLineAtOffset(42, 800);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return pages.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> linesOf(byte[] pdf) throws IOException {
    List<List<String>> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= document.getNumberOfPages(); p++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(document).lines().filter(l -> !l.isBlank()).toList());
      }
    }
    return pages;
  }

  private static byte[] fontBytes() throws IOException {
    try (InputStream in =
        LetterBenchmark.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf")) {
      return in.readAllBytes();
    }
  }

  static final String CONTACT_BLOCK =
      "Department of Examples\nPO Box 1234\nLondon\nSW1A 1AA\n\n0300 123 4567";

  /** A two-page letter: address, contact block, subject, a heading, a list, a QR code, prose. */
  static LetterPdf.Page twoPageLetter() {
    return new LetterPdf.Page(
        List.of("Ms A Smith", "1 High Street", "Leeds", "LS1 1AA"),
        LetterBody.contactBlock(CONTACT_BLOCK, Map.of()),
        LocalDate.of(2026, 12, 2),
        LetterBody.subject("Your application"),
        LetterBody.html(twoPageBody(), QrCodes::image));
  }

  /** The body of the two-page letter, in Notify's letter markdown. */
  static String twoPageBody() {
    String prose =
        "We have looked at your application and the documents you sent with it. You do not need"
            + " to do anything else at the moment: we will write to you again when we have"
            + " made a decision, usually within 4 weeks.\n\n";
    return "Dear Ms Smith,\n\n"
        + prose.repeat(3)
        + "# What happens next\n\n"
        + "* we check your details\n* we contact your employer\n* we make a decision\n\n"
        + "qr: https://www.gov.uk/check-your-application?reference=ABC123\n\n"
        + prose.repeat(5)
        + "Yours sincerely,\n\nThe Examples Team";
  }
}
