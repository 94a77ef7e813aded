package dev.herald.provider.letter;

import dev.herald.print.PrintReceipts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the printer's response files from the receipt folder: applies each file's receipts, then
 * moves it to {@code processed/} so it is read once. A file read again (after a crash before the
 * move) changes nothing, since receipts are idempotent.
 */
final class SftpReceiptImport {

  private static final Logger log = LoggerFactory.getLogger(SftpReceiptImport.class);

  private final SftpPrintProperties properties;
  private final SftpSessions sessions;
  private final PrintReceipts receipts;
  private final String provider;
  private final Clock clock;

  SftpReceiptImport(
      SftpPrintProperties properties,
      SftpSessions sessions,
      PrintReceipts receipts,
      String provider,
      Clock clock) {
    this.properties = properties;
    this.sessions = sessions;
    this.receipts = receipts;
    this.provider = provider;
    this.clock = clock;
  }

  /** Imports every response file there; the number of files imported. */
  int run() throws IOException {
    String directory = properties.receiptDirectory();
    String processed = directory + "/processed";
    int files = 0;
    try (SftpSession sftp = sessions.open()) {
      sftp.makeDirectories(processed);
      for (String name : sftp.files(directory)) {
        if (ResponseFile.isResponse(name)) {
          apply(name, read(sftp, directory + "/" + name));
          sftp.replace(directory + "/" + name, processed + "/" + name);
          files++;
        }
      }
    }
    return files;
  }

  private void apply(String name, String content) {
    ResponseFile file = ResponseFile.parse(provider, name, content, clock);
    file.receipts().forEach(receipts::apply);
    if (file.badLines().isEmpty()) {
      log.info("Print receipts {}: {} applied", name, file.receipts().size());
    } else {
      log.warn(
          "Print receipts {}: {} applied, {} bad lines left out (lines {})",
          name,
          file.receipts().size(),
          file.badLines().size(),
          file.badLines());
    }
  }

  private static String read(SftpSession sftp, String path) throws IOException {
    try (InputStream in = sftp.read(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
