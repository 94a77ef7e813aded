package dev.herald.provider.letter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.util.concurrent.Semaphore;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens SFTP sessions to the printer's server, one per caller (a batch's ZIPs share one, and
 * callers on other threads get their own), from one SSH client started with the provider; at most
 * {@code maxSessions} open at once, the other callers waiting their turn. A run's batches are all
 * handed over at once (one task each): with a session each, 200 batches of 100,000 letters opened
 * 200 sessions, ran Herald out of a 512 MB heap and timed out connecting (bench print-run), and a
 * server such as OpenSSH drops connections beyond its {@code MaxStartups} (10).
 */
final class SftpSessions implements AutoCloseable {

  private final SftpPrintProperties properties;
  private final SshClient client;
  private final Semaphore permits;

  SftpSessions(SftpPrintProperties properties) {
    this.properties = properties;
    if (properties.password() == null && properties.privateKey() == null) {
      throw new IllegalStateException(
          "set HERALD_PRINT_SFTP_PASSWORD or HERALD_PRINT_SFTP_PRIVATE_KEY to log in to the print"
              + " server");
    }
    if (properties.privateKey() != null && !Files.isReadable(properties.privateKey())) {
      throw new IllegalStateException(
          "HERALD_PRINT_SFTP_PRIVATE_KEY: cannot read " + properties.privateKey());
    }
    HostKeyCheck hostKey = HostKeyCheck.of(properties);
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(hostKey);
    if (!hostKey.keyTypes().isEmpty()) {
      client.setSignatureFactories(
          client.getSignatureFactories().stream()
              .filter(factory -> hostKey.keyTypes().contains(factory.getName()))
              .toList());
    }
    if (properties.privateKey() != null) {
      client.setKeyIdentityProvider(new FileKeyPairProvider(properties.privateKey()));
    }
    CoreModuleProperties.IDLE_TIMEOUT.set(client, properties.timeout());
    CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, properties.timeout());
    client.start();
    permits = new Semaphore(properties.maxSessions(), true);
  }

  /**
   * Connects and logs in.
   *
   * @throws IOException saying whether the server could not be reached, showed another host key or
   *     refused the login
   */
  SftpSession open() throws IOException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for a session to the print server");
    }
    try {
      return logIn();
    } catch (IOException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private SftpSession logIn() throws IOException {
    ClientSession session = connect();
    try {
      if (properties.password() != null) {
        session.addPasswordIdentity(properties.password());
      }
      try {
        session.auth().verify(properties.connectTimeout());
      } catch (IOException e) {
        throw HostKeyCheck.refused(session)
            .map(offered -> hostKeyRefused(offered, e))
            .orElseGet(() -> loginRefused(e));
      }
      return new SftpSession(
          session, SftpClientFactory.instance().createSftpClient(session), permits::release);
    } catch (IOException | RuntimeException e) {
      session.close(true);
      throw e;
    }
  }

  @Override
  public void close() {
    client.stop();
  }

  private ClientSession connect() throws IOException {
    try {
      return client
          .connect(properties.username(), properties.host(), properties.port())
          .verify(properties.connectTimeout())
          .getClientSession();
    } catch (IOException e) {
      throw new IOException(
          "could not connect to the print server %s:%d: %s"
              .formatted(properties.host(), properties.port(), e.getMessage()),
          e);
    }
  }

  private IOException hostKeyRefused(String offered, IOException cause) {
    return new IOException(
        "the print server %s showed host key %s, not HERALD_PRINT_SFTP_KNOWN_HOST_KEY's"
            .formatted(properties.host(), offered),
        cause);
  }

  private IOException loginRefused(IOException cause) {
    return new IOException(
        "the print server %s did not log in %s: %s"
            .formatted(properties.host(), properties.username(), cause.getMessage()),
        cause);
  }
}
