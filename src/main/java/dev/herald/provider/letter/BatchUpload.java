package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintLetter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one batch over one session: reads each PDF only while it is written, cuts a new ZIP when
 * the next PDF would not fit ({@link ZipLimits}), and writes each ZIP to its part file, renamed to
 * its final name once whole. After a failure the ZIP being written is removed where possible.
 */
final class BatchUpload {

  private static final Logger log = LoggerFactory.getLogger(BatchUpload.class);

  private final SftpSession sftp;
  private final String directory;
  private final ZipLimits limits;
  private final PrintBatch batch;
  private final Map<UUID, String> rejected = new LinkedHashMap<>();
  private BatchZip zip;
  private String partPath;
  private int zips;

  BatchUpload(SftpSession sftp, String directory, ZipLimits limits, PrintBatch batch) {
    this.sftp = sftp;
    this.directory = directory;
    this.limits = limits;
    this.batch = batch;
  }

  /** Uploads the batch; the letters left out for having no PDF. */
  Map<UUID, String> run() throws IOException {
    try {
      for (PrintLetter letter : batch.letters()) {
        Optional<byte[]> pdf = letter.pdf().get();
        if (pdf.isEmpty()) {
          rejected.put(letter.notificationId(), "no PDF");
        } else {
          add(letter, pdf.get());
        }
      }
      if (zip != null) {
        finishZip();
      }
      return rejected;
    } catch (IOException | RuntimeException e) {
      abandonZip();
      throw e;
    }
  }

  private void add(PrintLetter letter, byte[] pdf) throws IOException {
    if (zip != null && limits.full(zip.files(), zip.bytes(), pdf.length)) {
      finishZip();
    }
    if (zip == null) {
      zips++;
      partPath = directory + "/" + PrintFileNames.part(batch, zips);
      zip = new BatchZip(sftp.create(partPath), batch.deadline());
    }
    zip.add(PrintFileNames.pdf(batch, letter), letter, pdf);
  }

  private void finishZip() throws IOException {
    zip.finish();
    String name = PrintFileNames.zip(batch, zips, zip.names());
    sftp.replace(partPath, directory + "/" + name);
    log.info(
        "Print batch {}: uploaded {} ({} letters, {} bytes of PDF)",
        batch.id(),
        name,
        zip.files(),
        zip.bytes());
    zip = null;
  }

  private void abandonZip() {
    if (zip != null) {
      zip.close();
      sftp.removeQuietly(partPath);
      zip = null;
    }
  }
}
