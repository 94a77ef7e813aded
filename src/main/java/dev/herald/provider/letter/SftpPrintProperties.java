package dev.herald.provider.letter;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the SFTP print provider, bound from {@code HERALD_PRINT_SFTP_*} environment
 * variables.
 *
 * @param host the printer's SFTP server; the provider exists only when this is set.
 * @param port its port; 22.
 * @param username the account to log in as.
 * @param password the account's password; none when unset (a private key alone).
 * @param privateKey a private key file (OpenSSH or PEM, without a passphrase) to log in with.
 * @param knownHostKey the server's host key, as a {@code known_hosts} line ({@code host ssh-ed25519
 *     AAAA…}, the host part optional) or its fingerprint ({@code SHA256:…}, as {@code ssh-keygen
 *     -lf} prints it); Herald refuses to start without one unless {@code insecureAcceptAnyHostKey}.
 * @param insecureAcceptAnyHostKey accept whatever key the server shows (anyone on the path can then
 *     read the letters); false.
 * @param batchDirectory where ZIPs are uploaded; {@code /print}.
 * @param receiptDirectory where the printer leaves its {@code *-RSP.TXT} files; {@code /receipts},
 *     each file moved to its {@code processed/} folder once imported.
 * @param receiptPollInterval how often the receipt folder is read (by one Herald instance); 5 min.
 * @param connectTimeout limit on connecting and logging in; 10 s.
 * @param timeout limit on any one answer from the server once logged in; 60 s.
 * @param maxFilesPerZip most PDFs in one ZIP, and so in one batch; 500 (Notify's {@code
 *     MAX_LETTER_PDF_COUNT_PER_ZIP}).
 * @param maxBytesPerZip most bytes of PDFs in one ZIP (a larger PDF goes alone); 40MB (Notify's
 *     {@code MAX_LETTER_PDF_ZIP_FILESIZE}).
 * @param maxSessions most sessions one Herald instance has open to the server at once (batches
 *     uploading, the receipt import), the other batches waiting; 4.
 */
@ConfigurationProperties("herald.print.sftp")
public record SftpPrintProperties(
    String host,
    Integer port,
    String username,
    String password,
    Path privateKey,
    String knownHostKey,
    boolean insecureAcceptAnyHostKey,
    String batchDirectory,
    String receiptDirectory,
    Duration receiptPollInterval,
    Duration connectTimeout,
    Duration timeout,
    Integer maxFilesPerZip,
    DataSize maxBytesPerZip,
    Integer maxSessions) {

  public SftpPrintProperties {
    port = port == null ? 22 : port;
    password = password == null || password.isEmpty() ? null : password;
    knownHostKey = knownHostKey == null || knownHostKey.isBlank() ? null : knownHostKey.strip();
    batchDirectory = directory(batchDirectory, "/print");
    receiptDirectory = directory(receiptDirectory, "/receipts");
    receiptPollInterval = receiptPollInterval == null ? Duration.ofMinutes(5) : receiptPollInterval;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    maxFilesPerZip = maxFilesPerZip == null ? 500 : maxFilesPerZip;
    maxBytesPerZip = maxBytesPerZip == null ? DataSize.ofMegabytes(40) : maxBytesPerZip;
    maxSessions = maxSessions == null ? 4 : maxSessions;
    if (maxSessions < 1) {
      throw new IllegalArgumentException("HERALD_PRINT_SFTP_MAX_SESSIONS must be at least 1");
    }
  }

  private static String directory(String value, String otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    String stripped = value.strip();
    return stripped.length() > 1 && stripped.endsWith("/")
        ? stripped.substring(0, stripped.length() - 1)
        : stripped;
  }

  /** The limits each ZIP is cut to. */
  ZipLimits zipLimits() {
    return new ZipLimits(maxFilesPerZip, maxBytesPerZip.toBytes());
  }

  @Override
  public String toString() {
    return "SftpPrintProperties[host=%s, port=%d, username=%s, privateKey=%s, batchDirectory=%s,"
        + " receiptDirectory=%s]"
            .formatted(host, port, username, privateKey, batchDirectory, receiptDirectory);
  }
}
