package dev.herald.bench;

import dev.herald.provider.letter.TestSftpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The print run's baseline, with no database and no Herald: the same PDF, {@code letters} times,
 * zipped {@code perZip} to a ZIP (deflate at Herald's level, {@link Deflater#BEST_SPEED}) and each
 * ZIP uploaded by Apache MINA SSHD's SFTP client to its {@code .part} file, then renamed; on {@code
 * threads} threads, each with one session, checking the server's host key as Herald does.
 */
final class SftpUploadBaseline {

  /** What the baseline uploaded, and in how long (sessions opened included). */
  record Figures(int letters, int zips, int threads, long zipBytes, double seconds) {

    double perSecond() {
      return letters / seconds;
    }
  }

  private static final String FOLDER = "baseline";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private SftpUploadBaseline() {}

  static Figures upload(TestSftpServer server, byte[] pdf, int letters, int perZip, int threads)
      throws Exception {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey(server)));
    client.start();
    Files.createDirectories(folder(server));
    int zips = (letters + perZip - 1) / perZip;
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> uploaders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        uploaders.add(
            pool.submit(
                () -> {
                  try (ClientSession session = logIn(client, server);
                      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    for (int z = next.getAndIncrement(); z < zips; z = next.getAndIncrement()) {
                      int count = Math.min(perZip, letters - z * perZip);
                      uploadZip(sftp, z, count, pdf);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> uploader : uploaders) {
        uploader.get();
      }
    } finally {
      client.stop();
    }
    double seconds = RetentionBenchmark.seconds(began);
    long bytes = 0;
    for (Path zip : PrintRunMeasurement.zips(folder(server))) {
      bytes += Files.size(zip);
    }
    return new Figures(letters, zips, threads, bytes, seconds);
  }

  /** The folder under the server's root the baseline uploads to. */
  static Path folder(TestSftpServer server) {
    return server.root().resolve(FOLDER);
  }

  private static void uploadZip(SftpClient sftp, int number, int count, byte[] pdf)
      throws IOException {
    String name = "/%s/BASELINE.%06d.ZIP".formatted(FOLDER, number);
    try (ZipOutputStream zip =
        new ZipOutputStream(new BufferedOutputStream(sftp.write(name + ".part"), 64 * 1024))) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry("BASELINE.%06d.%03d.PDF".formatted(number, i)));
        zip.write(pdf);
        zip.closeEntry();
      }
    }
    sftp.rename(name + ".part", name);
  }

  private static ClientSession logIn(SshClient client, TestSftpServer server) throws IOException {
    ClientSession session =
        client
            .connect(TestSftpServer.USER, "127.0.0.1", server.properties().port())
            .verify(TIMEOUT)
            .getClientSession();
    session.addPasswordIdentity(TestSftpServer.PASSWORD);
    session.auth().verify(TIMEOUT);
    return session;
  }

  /** The key of the server's {@code known_hosts} line ({@code [host]:port type base64}). */
  private static PublicKey hostKey(TestSftpServer server)
      throws IOException, GeneralSecurityException {
    String[] parts = server.knownHostLine().split(" ");
    return PublicKeyEntry.parsePublicKeyEntry(parts[1] + " " + parts[2])
        .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
  }
}
