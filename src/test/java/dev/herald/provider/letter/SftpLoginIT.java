package dev.herald.provider.letter;

import static dev.herald.provider.letter.PrintTestData.batch;
import static dev.herald.provider.letter.PrintTestData.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.herald.print.PrintException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the provider checks the server and logs in, and what a failure of either tells the run. */
class SftpLoginIT {

  @TempDir Path root;
  @TempDir Path keys;
  private TestSftpServer server;
  private SftpSessions sessions;

  @AfterEach
  void stop() throws IOException {
    if (sessions != null) {
      sessions.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void refusesAServerShowingAnotherHostKeyAsRetryable() throws Exception {
    server = new TestSftpServer(root).start();
    KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);

    PrintException refused =
        sendWith("known-host-key=" + PublicKeyEntry.toString(other.getPublic()));

    assertThat(refused.retryable()).isTrue();
    assertThat(refused.getMessage())
        .contains("showed host key " + server.fingerprint())
        .contains("HERALD_PRINT_SFTP_KNOWN_HOST_KEY");
    assertThat(server.files("print")).isEmpty();
  }

  @Test
  void refusesAServerWhoseKeyHasAnotherFingerprint() throws Exception {
    server = new TestSftpServer(root).start();

    PrintException refused =
        sendWith("known-host-key=SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assertThat(refused.getMessage()).contains("showed host key");
  }

  @Test
  void acceptsTheServerByItsFingerprint() throws Exception {
    server = new TestSftpServer(root).start();

    provider("known-host-key=" + server.fingerprint()).send(batch(1, letters(1, 100)));

    assertThat(server.files("print")).hasSize(1);
  }

  @Test
  void acceptsAnyServerOnlyWhenToldTo() throws Exception {
    server = new TestSftpServer(root).start();

    provider("known-host-key=", "insecure-accept-any-host-key=true")
        .send(batch(1, letters(1, 100)));

    assertThat(server.files("print")).hasSize(1);
  }

  @Test
  void aRefusedLoginIsRetryable() throws Exception {
    server = new TestSftpServer(root).start();

    PrintException refused = sendWith("password=wrong");

    assertThat(refused.retryable()).isTrue();
    assertThat(refused.getMessage()).contains("did not log in printer").doesNotContain("wrong");
  }

  @Test
  void anUnreachableServerIsRetryable() throws Exception {
    server = new TestSftpServer(root).start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    PrintException refused = sendWith("port=" + closedPort);

    assertThat(refused.retryable()).isTrue();
    assertThat(refused.getMessage()).contains("could not connect to the print server");
  }

  @Test
  void opensNoMoreSessionsAtOnceThanAllowedAndTheNextWhenOneCloses() throws Exception {
    server = new TestSftpServer(root).start();
    sessions = new SftpSessions(server.properties("max-sessions=1"));
    SftpSession first = sessions.open();

    CompletableFuture<SftpSession> second = CompletableFuture.supplyAsync(this::openSession);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !second.isDone());
    first.close();

    await().atMost(Duration.ofSeconds(10)).until(second::isDone);
    second.get().close();
  }

  @Test
  void uploadsIntoAFolderAnotherSessionMadeSinceItWasLookedFor() throws Exception {
    server = new TestSftpServer(root).start();
    SftpPrintProperties properties = server.properties("batch-directory=/print/new");
    sessions = new SftpSessions(properties);
    server.makeNextFolderFirst("new");

    new SftpPrintProvider(properties, sessions).send(batch(1, letters(2, 100)));

    assertThat(server.files("print/new")).hasSize(1);
  }

  @Test
  void logsInWithAKeyFileToAServerWithAnEd25519HostKey() throws Exception {
    server = new TestSftpServer(root, KeyPairProvider.SSH_ED25519, 256).start();
    KeyPair client = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    server.acceptClientKey(client.getPublic());
    Path keyFile = keys.resolve("id_ed25519");
    try (OutputStream out = Files.newOutputStream(keyFile)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "herald", null, out);
    }

    provider("password=", "private-key=" + keyFile).send(batch(1, letters(1, 100)));

    assertThat(server.knownHostLine()).contains("ssh-ed25519");
    assertThat(server.files("print")).hasSize(1);
  }

  private PrintException sendWith(String... settings) {
    SftpPrintProvider provider = provider(settings);
    return catchThrowableOfType(
        PrintException.class, () -> provider.send(batch(1, letters(1, 100))));
  }

  private SftpPrintProvider provider(String... settings) {
    SftpPrintProperties properties = server.properties(settings);
    sessions = new SftpSessions(properties);
    return new SftpPrintProvider(properties, sessions);
  }

  private SftpSession openSession() {
    try {
      return sessions.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
