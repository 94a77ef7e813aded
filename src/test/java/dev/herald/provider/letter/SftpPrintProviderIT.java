package dev.herald.provider.letter;

import static dev.herald.provider.letter.PrintTestData.batch;
import static dev.herald.provider.letter.PrintTestData.letter;
import static dev.herald.provider.letter.PrintTestData.letters;
import static dev.herald.provider.letter.PrintTestData.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintException;
import dev.herald.print.PrintLetter;
import dev.herald.print.PrintOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpPrintProviderIT {

  @TempDir Path root;
  private TestSftpServer server;
  private SftpSessions sessions;

  @BeforeEach
  void startServer() throws Exception {
    server = new TestSftpServer(root).start();
  }

  @AfterEach
  void stop() throws IOException {
    if (sessions != null) {
      sessions.close();
    }
    server.close();
  }

  @Test
  void uploadsABatchAsAZipOfItsPdfsAndAManifest() throws Exception {
    PrintBatch batch = batch(1, letters(3, 1_000));

    PrintOutcome outcome = provider().send(batch);

    assertThat(outcome.rejected()).isEmpty();
    List<String> pdfNames =
        batch.letters().stream().map(letter -> PrintFileNames.pdf(batch, letter)).toList();
    String zipName = PrintFileNames.zip(batch, 1, pdfNames);
    assertThat(server.files("print")).containsExactly(zipName);
    assertThat(zipName)
        .startsWith("NOTIFY.2026-11-05.2.001001.")
        .endsWith("." + PrintTestData.SERVICE + ".ZIP");

    Map<String, byte[]> entries = entries(root.resolve("print").resolve(zipName));
    assertThat(entries.keySet())
        .containsExactly(
            "NOTIFY.REF0000000000001.D.2.C.20261105173000.PDF",
            "NOTIFY.REF0000000000002.D.2.C.20261105173000.PDF",
            "NOTIFY.REF0000000000003.D.2.C.20261105173000.PDF",
            "MANIFEST.CSV");
    for (int i = 1; i <= 3; i++) {
      assertThat(entries.get(pdfNames.get(i - 1))).isEqualTo(pdf(i, 1_000));
    }
    assertThat(new String(entries.get("MANIFEST.CSV"), StandardCharsets.US_ASCII))
        .isEqualTo(
            "file,notification_id,reference,postage,sheets\r\n"
                + line(batch, 0)
                + line(batch, 1)
                + line(batch, 2))
        .doesNotContain("SW1A");
  }

  @Test
  void cutsZipsAtTheFileCount() throws Exception {
    PrintBatch batch = batch(2, letters(5, 100));

    provider("max-files-per-zip=2").send(batch);

    List<String> zips = server.files("print");
    assertThat(zips)
        .hasSize(3)
        .allMatch(name -> name.startsWith("NOTIFY.2026-11-05.2.00200"))
        .extracting(name -> name.substring(20, 26))
        .containsExactly("002001", "002002", "002003");
    assertThat(zips.stream().map(this::pdfCount)).containsExactly(2, 2, 1);
  }

  @Test
  void cutsZipsAtTheByteLimitAndPutsALargerPdfAlone() throws Exception {
    List<PrintLetter> letters =
        List.of(letter(1, 400), letter(2, 500), letter(3, 2_000), letter(4, 300), letter(5, 700));

    provider("max-bytes-per-zip=1000B").send(batch(1, letters));

    assertThat(server.files("print").stream().map(this::referencesIn))
        .containsExactly(
            List.of("REF0000000000001", "REF0000000000002"),
            List.of("REF0000000000003"),
            List.of("REF0000000000004", "REF0000000000005"));
  }

  @Test
  void leavesOutALetterWithoutAPdf() throws Exception {
    List<PrintLetter> letters = List.of(letter(1, 100), letter(2, Optional::empty), letter(3, 100));

    PrintOutcome outcome = provider().send(batch(1, letters));

    assertThat(outcome.rejected())
        .containsExactly(Map.entry(letters.get(1).notificationId(), "no PDF"));
    assertThat(server.files("print").stream().map(this::referencesIn))
        .containsExactly(List.of("REF0000000000001", "REF0000000000003"));
  }

  @Test
  void replacesItsOwnFilesWhenTheSameBatchIsSentAgain() throws Exception {
    SftpPrintProvider provider = provider("max-files-per-zip=2");
    provider.send(batch(1, letters(3, 100)));
    List<String> first = server.files("print");
    byte[] firstBytes = Files.readAllBytes(root.resolve("print").resolve(first.get(0)));

    provider.send(batch(1, letters(3, 100)));

    assertThat(server.files("print")).isEqualTo(first).hasSize(2);
    assertThat(root.resolve("print").resolve(first.get(0))).hasBinaryContent(firstBytes);
  }

  @Test
  void replacesItsOwnFilesOnAServerWithoutPosixRename() throws Exception {
    server.stop();
    server.withoutPosixRename().start();
    SftpPrintProvider provider = provider("max-files-per-zip=2");
    provider.send(batch(1, letters(3, 100)));
    List<String> first = server.files("print");

    provider.send(batch(1, letters(3, 100)));

    assertThat(server.files("print")).isEqualTo(first).hasSize(2);
  }

  @Test
  void aWriteRefusedPartWayIsRetryableAndTheRetryLeavesEachLetterOnce() throws Exception {
    SftpPrintProvider provider = provider("max-files-per-zip=2");
    server.failNextWriteOf(".001002.");

    refusedOnceThenWholeOnRetry(provider);
  }

  @Test
  void aRenameRefusedPartWayIsRetryableAndTheRetryLeavesEachLetterOnce() throws Exception {
    SftpPrintProvider provider = provider("max-files-per-zip=2");
    server.failNextMoveOf(".001002.");

    refusedOnceThenWholeOnRetry(provider);
  }

  @Test
  void aServerGoneMidBatchIsRetryableAndTheRetryLeavesEachLetterOnce() throws Exception {
    SftpPrintProvider provider = provider("max-files-per-zip=2");
    List<PrintLetter> stopping = new ArrayList<>(letters(5, 100_000));
    stopping.set(3, letter(4, () -> stopServer(4)));

    PrintException gone =
        catchThrowableOfType(PrintException.class, () -> provider.send(batch(1, stopping)));
    assertThat(gone.retryable()).isTrue();

    server.start();
    provider.send(batch(1, letters(5, 100_000)));
    assertEachLetterOnceAndNoPartFiles(5);
  }

  private SftpPrintProvider provider(String... settings) {
    SftpPrintProperties properties = server.properties(settings);
    sessions = new SftpSessions(properties);
    return new SftpPrintProvider(properties, sessions);
  }

  /** Sends 5 letters, 2 a ZIP, into a failure, then again. */
  private void refusedOnceThenWholeOnRetry(SftpPrintProvider provider) throws Exception {
    PrintException refused =
        catchThrowableOfType(PrintException.class, () -> provider.send(batch(1, letters(5, 100))));
    assertThat(refused.retryable()).isTrue();
    assertThat(server.files("print")).noneMatch(name -> name.endsWith(".part"));

    provider.send(batch(1, letters(5, 100)));
    assertEachLetterOnceAndNoPartFiles(5);
  }

  private Optional<byte[]> stopServer(int letter) {
    try {
      server.stop();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(pdf(letter, 100_000));
  }

  private void assertEachLetterOnceAndNoPartFiles(int letters) throws IOException {
    List<String> files = server.files("print");
    assertThat(files).allMatch(name -> name.endsWith(".ZIP"));
    assertThat(files.stream().flatMap(name -> referencesIn(name).stream()))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, letters).mapToObj(PrintTestData::reference).toList());
  }

  private static String line(PrintBatch batch, int index) {
    PrintLetter letter = batch.letters().get(index);
    return "%s,%s,%s,second,2\r\n"
        .formatted(PrintFileNames.pdf(batch, letter), letter.notificationId(), letter.reference());
  }

  private int pdfCount(String zip) {
    return referencesIn(zip).size();
  }

  private List<String> referencesIn(String zip) {
    try {
      return entries(root.resolve("print").resolve(zip)).keySet().stream()
          .filter(name -> name.endsWith(".PDF"))
          .map(name -> name.split("\\.")[1])
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
