package dev.herald.bench;

import dev.herald.letter.LetterPdf;
import dev.herald.letter.QrCodes;
import dev.herald.template.LetterBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Templated letters rendered per second and CPU milliseconds per page ({@link LetterPdf}, two-page
 * letters, {@code --threads} at once), beside a baseline from the same run: PDFBox alone writing
 * the same lines of text on the same pages with the same embedded font, with no layout. See
 * docs/benchmarks.md.
 */
public final class LetterBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LetterBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(args, "--threads=2 --seconds=20 --warmup=10 --runs=3");
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
    System.out.println(calibration.line());
    System.out.println(Load.now());
    System.exit(0);
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

  /** A two-page letter: address, contact block, subject, a heading, a list, a QR code, prose. */
  static LetterPdf.Page twoPageLetter() {
    String prose =
        "We have looked at your application and the documents you sent with it. You do not need"
            + " to do anything else at the moment: we will write to you again when we have"
            + " made a decision, usually within 4 weeks.\n\n";
    String body =
        "Dear Ms Smith,\n\n"
            + prose.repeat(3)
            + "# What happens next\n\n"
            + "* we check your details\n* we contact your employer\n* we make a decision\n\n"
            + "qr: https://www.gov.uk/check-your-application?reference=ABC123\n\n"
            + prose.repeat(5)
            + "Yours sincerely,\n\nThe Examples Team";
    return new LetterPdf.Page(
        List.of("Ms A Smith", "Flat 2", "1 High Street", "Leeds", "LS1 1AA"),
        LetterBody.contactBlock(
            "Department of Examples\nPO Box 1234\nLondon\nSW1A 1AA\n\n0300 123 4567", Map.of()),
        LocalDate.of(2026, 12, 2),
        LetterBody.subject("Your application for a licence"),
        LetterBody.html(body, QrCodes::image));
  }
}
