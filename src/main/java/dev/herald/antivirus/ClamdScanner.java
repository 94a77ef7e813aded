package dev.herald.antivirus;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans with clamd through its {@code zINSTREAM} command, one connection per scan: the command, the
 * content in chunks each led by its length (4 bytes, big-endian), a zero length to end, then
 * clamd's answer, {@code stream: OK} or {@code stream: <signature> FOUND}.
 */
public class ClamdScanner implements VirusScanner {

  /** Bytes per chunk; clamd takes chunks of any size up to its {@code StreamMaxLength}. */
  private static final int CHUNK = 64 * 1024;

  private static final Pattern FOUND = Pattern.compile("stream: (.+) FOUND");

  private final ClamdAddress address;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * A scanner of the clamd at {@code host:port} or {@code unix:/path/to/clamd.ctl}.
   *
   * @throws IllegalArgumentException when the address is neither.
   */
  public ClamdScanner(String address, Duration connectTimeout, Duration readTimeout) {
    this.address = ClamdAddress.parse(address);
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  @Override
  public Verdict scan(byte[] content) {
    String reply = converse("zINSTREAM", content);
    if (reply.equals("stream: OK")) {
      return Verdict.CLEAN;
    }
    Matcher found = FOUND.matcher(reply);
    if (found.matches()) {
      return Verdict.infected(found.group(1));
    }
    throw unexpected(reply);
  }

  /**
   * Checks that clamd answers {@code PING} with {@code PONG}.
   *
   * @throws ScannerUnavailableException when it does not.
   */
  public void ping() {
    String reply = converse("zPING", null);
    if (!reply.equals("PONG")) {
      throw unexpected(reply);
    }
  }

  private String converse(String command, byte[] stream) {
    try (ClamdConnection connection = ClamdConnection.open(address, connectTimeout, readTimeout)) {
      if (connection.send(ByteBuffer.wrap((command + "\0").getBytes(US_ASCII))) && stream != null) {
        send(connection, stream);
      }
      return connection.reply();
    } catch (UnresolvedAddressException e) {
      throw new ScannerUnavailableException(this + ": its host name cannot be looked up");
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ScannerUnavailableException(this + ": " + reason, e);
    }
  }

  private static void send(ClamdConnection connection, byte[] content) throws IOException {
    ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    for (int offset = 0; offset < content.length; offset += CHUNK) {
      int size = Math.min(CHUNK, content.length - offset);
      if (!connection.send(
          length.clear().putInt(size).flip(), ByteBuffer.wrap(content, offset, size))) {
        return;
      }
    }
    connection.send(length.clear().putInt(0).flip());
  }

  private ScannerUnavailableException unexpected(String reply) {
    return new ScannerUnavailableException(
        reply.isEmpty()
            ? this + " closed the connection without answering"
            : this + " answered: " + reply);
  }

  @Override
  public String toString() {
    return "clamd at " + address;
  }
}
