package dev.herald.provider.letter;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * An SFTP server in the test JVM (Apache MINA SSHD), its files under a directory of the test, that
 * logs in {@code printer} by password or by a key it is given, and fails one write or rename when
 * asked to. Public for the print-run benchmark ({@code dev.herald.bench.PrintRunBenchmark}).
 */
public final class TestSftpServer implements AutoCloseable {

  public static final String USER = "printer";
  public static final String PASSWORD = "print-secret";

  private final Path root;
  private final KeyPair hostKey;
  private final AtomicReference<String> failWriteOf = new AtomicReference<>();
  private final AtomicReference<String> failMoveOf = new AtomicReference<>();
  private final AtomicReference<String> madeFirst = new AtomicReference<>();
  private final AtomicReference<PublicKey> clientKey = new AtomicReference<>();
  private SshServer server;
  private int port;
  private boolean posixRename = true;

  TestSftpServer(Path root, String hostKeyType, int bits) throws GeneralSecurityException {
    this.root = root;
    this.hostKey = KeyUtils.generateKeyPair(hostKeyType, bits);
  }

  public TestSftpServer(Path root) throws GeneralSecurityException {
    this(root, KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
  }

  /** Starts the server, on the port it had before when restarted. */
  public TestSftpServer start() throws IOException {
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator((user, password, session) -> isPrinter(user, password));
    server.setPublickeyAuthenticator(
        (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.get()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(new Failures());
    server.setSubsystemFactories(List.of(sftp));
    if (!posixRename) {
      SftpModuleProperties.OPENSSH_EXTENSIONS.set(server, "fsync@openssh.com=1");
    }
    server.start();
    port = server.getPort();
    return this;
  }

  /** Offers no OpenSSH {@code posix-rename}, from the next start. */
  TestSftpServer withoutPosixRename() {
    posixRename = false;
    return this;
  }

  /** Stops at once, cutting the sessions open. */
  void stop() throws IOException {
    server.stop(true);
  }

  /** Fails the next write to a file whose name contains {@code part}. */
  void failNextWriteOf(String part) {
    failWriteOf.set(part);
  }

  /** Fails the next rename of a file whose name contains {@code part}. */
  void failNextMoveOf(String part) {
    failMoveOf.set(part);
  }

  /**
   * Makes the next folder whose name contains {@code part} just before a client's mkdir of it, as
   * another session would: the mkdir then fails for the folder being there.
   */
  void makeNextFolderFirst(String part) {
    madeFirst.set(part);
  }

  void acceptClientKey(PublicKey key) {
    clientKey.set(key);
  }

  public String knownHostLine() {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  String fingerprint() {
    return HostKeyCheck.fingerprint(hostKey.getPublic());
  }

  /**
   * The provider's settings for this server, with {@code settings} ({@code name=value}) over them.
   */
  public SftpPrintProperties properties(String... settings) {
    Map<String, String> values = new HashMap<>();
    values.put("herald.print.sftp.host", "127.0.0.1");
    values.put("herald.print.sftp.port", Integer.toString(port));
    values.put("herald.print.sftp.username", USER);
    values.put("herald.print.sftp.password", PASSWORD);
    values.put("herald.print.sftp.known-host-key", knownHostLine());
    values.put("herald.print.sftp.connect-timeout", "5s");
    values.put("herald.print.sftp.timeout", "5s");
    for (String setting : settings) {
      String[] pair = setting.split("=", 2);
      values.put("herald.print.sftp." + pair[0], pair[1]);
    }
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("herald.print.sftp", SftpPrintProperties.class);
  }

  /** The file names in a directory under the root, sorted. */
  List<String> files(String directory) throws IOException {
    Path path = root.resolve(directory);
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(path)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  private static boolean isPrinter(String user, String password) {
    return USER.equals(user) && PASSWORD.equals(password);
  }

  private final class Failures implements SftpEventListener {

    @Override
    public void writing(
        ServerSession session,
        String remoteHandle,
        FileHandle localHandle,
        long offset,
        byte[] data,
        int dataOffset,
        int dataLen)
        throws IOException {
      failOnce(failWriteOf, localHandle.getFile(), "write refused by the test");
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs)
        throws IOException {
      String wanted = madeFirst.get();
      if (wanted != null
          && path.getFileName().toString().contains(wanted)
          && madeFirst.compareAndSet(wanted, null)) {
        Files.createDirectories(path);
      }
    }

    @Override
    public void moving(
        ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
        throws IOException {
      failOnce(failMoveOf, srcPath, "rename refused by the test");
    }

    private void failOnce(AtomicReference<String> part, Path file, String message)
        throws IOException {
      String wanted = part.get();
      if (wanted != null
          && file.getFileName().toString().contains(wanted)
          && part.compareAndSet(wanted, null)) {
        throw new IOException(message);
      }
    }
  }
}
