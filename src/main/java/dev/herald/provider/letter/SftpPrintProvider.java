package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintException;
import dev.herald.print.PrintOutcome;
import dev.herald.print.PrintProvider;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands print batches to a printer as ZIPs of PDFs on its SFTP server, Notify's flow before DVLA's
 * API ({@link PrintFileNames} says how files are named, {@link BatchUpload} how they are cut and
 * written). Each call opens its own session, so calls on several threads at once are safe.
 *
 * <p>Every failure of the server is retryable, a refused login and an unexpected host key included:
 * both are mended by a setting (a rotated password, a new host key) and a restart, and a batch
 * refused for good would make its letters {@code technical-failure} before the operator could mend
 * them. Each is logged at error with what to check.
 */
public final class SftpPrintProvider implements PrintProvider {

  static final String NAME = "sftp";

  private static final Logger log = LoggerFactory.getLogger(SftpPrintProvider.class);

  private final SftpPrintProperties properties;
  private final SftpSessions sessions;

  SftpPrintProvider(SftpPrintProperties properties, SftpSessions sessions) {
    this.properties = properties;
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int maxBatchLetters() {
    return properties.maxFilesPerZip();
  }

  @Override
  public PrintOutcome send(PrintBatch batch) throws PrintException {
    try (SftpSession sftp = sessions.open()) {
      sftp.makeDirectories(properties.batchDirectory());
      Map<UUID, String> rejected =
          new BatchUpload(sftp, properties.batchDirectory(), properties.zipLimits(), batch).run();
      return new PrintOutcome(rejected);
    } catch (IOException e) {
      log.error("Print batch {} not uploaded: {}", batch.id(), e.getMessage());
      throw new PrintException("print batch not uploaded: " + e.getMessage(), true, e);
    }
  }
}
