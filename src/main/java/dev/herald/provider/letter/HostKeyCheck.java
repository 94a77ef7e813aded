package dev.herald.provider.letter;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Accepts the printer's server only with the host key configured ({@code
 * HERALD_PRINT_SFTP_KNOWN_HOST_KEY}): a {@code known_hosts} line, whose key type is then the only
 * one the client asks the server for, or a {@code SHA256:} fingerprint, which must be that of the
 * key the server prefers. A refused key is kept for the session's error to name.
 */
final class HostKeyCheck implements ServerKeyVerifier {

  /**
   * The key each session refused, kept here rather than on the session: a session closed by the
   * refusal may have dropped its attributes before the error is made (a flaky message otherwise).
   */
  private static final Map<ClientSession, String> REFUSED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Predicate<PublicKey> accepts;
  private final List<String> keyTypes;

  private HostKeyCheck(Predicate<PublicKey> accepts, List<String> keyTypes) {
    this.accepts = accepts;
    this.keyTypes = keyTypes;
  }

  static HostKeyCheck of(SftpPrintProperties properties) {
    String setting = properties.knownHostKey();
    if (setting == null) {
      if (!properties.insecureAcceptAnyHostKey()) {
        throw new IllegalStateException(
            "HERALD_PRINT_SFTP_KNOWN_HOST_KEY is not set: give the print server's host key (a"
                + " known_hosts line or its SHA256: fingerprint), or set"
                + " HERALD_PRINT_SFTP_INSECURE_ACCEPT_ANY_HOST_KEY=true");
      }
      return new HostKeyCheck(key -> true, List.of());
    }
    if (setting.startsWith("SHA256:")) {
      String expected = unpadded(setting);
      return new HostKeyCheck(key -> expected.equals(unpadded(fingerprint(key))), List.of());
    }
    PublicKey expected = parse(setting);
    return new HostKeyCheck(
        key -> KeyUtils.compareKeys(expected, key),
        KeyUtils.getAllEquivalentKeyTypes(KeyUtils.getKeyType(expected)));
  }

  /** The signature algorithms to offer for the host key; empty for any. */
  List<String> keyTypes() {
    return keyTypes;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    if (accepts.test(key)) {
      return true;
    }
    REFUSED.put(session, fingerprint(key));
    return false;
  }

  static Optional<String> refused(ClientSession session) {
    return Optional.ofNullable(REFUSED.remove(session));
  }

  static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }

  private static PublicKey parse(String line) {
    String[] tokens = line.split("\\s+");
    for (int i = 0; i + 1 < tokens.length; i++) {
      if (KeyUtils.getPublicKeyEntryDecoder(tokens[i]) != null) {
        try {
          return PublicKeyEntry.parsePublicKeyEntry(tokens[i] + " " + tokens[i + 1])
              .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
          throw new IllegalStateException("HERALD_PRINT_SFTP_KNOWN_HOST_KEY: unreadable key", e);
        }
      }
    }
    throw new IllegalStateException(
        "HERALD_PRINT_SFTP_KNOWN_HOST_KEY is neither a known_hosts line with a key type this"
            + " client knows nor a SHA256: fingerprint");
  }

  private static String unpadded(String fingerprint) {
    return fingerprint.replace("=", "");
  }
}
