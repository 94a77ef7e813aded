package dev.herald.provider.letter;

import dev.herald.print.PrintLetter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One ZIP of a batch as it is streamed to the server: each PDF written as it is read, the manifest
 * last. Entries are dated at the run's deadline, so a batch sent again makes the same bytes.
 */
final class BatchZip implements AutoCloseable {

  private final ZipOutputStream zip;
  private final long time;
  private final PrintManifest manifest = new PrintManifest();
  private final List<String> names = new ArrayList<>();
  private long bytes;

  BatchZip(OutputStream out, Instant time) {
    this.zip = new ZipOutputStream(new BufferedOutputStream(out, 64 * 1024));
    this.zip.setLevel(Deflater.BEST_SPEED);
    this.time = time.toEpochMilli();
  }

  void add(String name, PrintLetter letter, byte[] pdf) throws IOException {
    write(name, pdf);
    manifest.add(name, letter);
    names.add(name);
    bytes += pdf.length;
  }

  int files() {
    return names.size();
  }

  long bytes() {
    return bytes;
  }

  List<String> names() {
    return List.copyOf(names);
  }

  /**
   * Writes the manifest and closes the ZIP and its stream: the upload is complete when it returns.
   */
  void finish() throws IOException {
    write(PrintManifest.NAME, manifest.bytes());
    zip.close();
  }

  /** Closes the stream without finishing the ZIP, after a failure. */
  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      // The upload has already failed; its part file is removed or overwritten next time.
    }
  }

  private void write(String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(time);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
