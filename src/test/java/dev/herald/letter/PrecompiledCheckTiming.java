package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Times the check of ordinary 2- and 10-page letters, stage by stage; run by hand (not a test):
 * {@code java -cp target/classes:target/test-classes:<deps>
 * dev.herald.letter.PrecompiledCheckTiming}.
 */
final class PrecompiledCheckTiming {

  private static final int WARM_UP = 30;
  private static final int RUNS = 30;

  private PrecompiledCheckTiming() {}

  public static void main(String[] args) throws IOException {
    for (int pages : new int[] {2, 10}) {
      byte[] pdf = aPrecompiledLetter().withPages(pages).build();
      for (int i = 0; i < WARM_UP; i++) {
        stages(pdf);
      }
      long[][] runs = new long[RUNS][];
      for (int i = 0; i < RUNS; i++) {
        runs[i] = stages(pdf);
      }
      String[] names = {"load", "A4", "raster", "words", "sanitise", "check()"};
      StringBuilder line = new StringBuilder(pages + " pages, median ms:");
      for (int stage = 0; stage < names.length; stage++) {
        int s = stage;
        long[] times = Arrays.stream(runs).mapToLong(run -> run[s]).sorted().toArray();
        line.append(String.format(" %s %.1f", names[stage], times[RUNS / 2] / 1e6));
      }
      System.out.println(line);
    }
  }

  private static long[] stages(byte[] pdf) throws IOException {
    long[] times = new long[6];
    long start = System.nanoTime();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      times[0] = lap(start);
      long t = System.nanoTime();
      PageSizes.notA4Portrait(document);
      times[1] = lap(t);
      t = System.nanoTime();
      PrintableArea.pagesWithInkOutside(document);
      times[2] = lap(t);
      t = System.nanoTime();
      List<List<Word>> words = PageWords.of(document);
      PrecompiledCheck.addressText(words.getFirst());
      times[3] = lap(t);
      t = System.nanoTime();
      SanitisedLetter.write(document, List.of("A", "B", "SW1A 1AA"), false);
      times[4] = lap(t);
    }
    long t = System.nanoTime();
    PrecompiledCheck.check(pdf, false);
    times[5] = lap(t);
    return times;
  }

  private static long lap(long since) {
    return System.nanoTime() - since;
  }
}
