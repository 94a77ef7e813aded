package dev.herald.antivirus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Where clamd listens: {@code host:port} for its {@code TCPSocket}, or {@code
 * unix:/path/to/clamd.ctl} for its {@code LocalSocket}.
 *
 * @param host the TCP host, an IPv6 address without its brackets; null for a Unix socket.
 * @param port the TCP port; 0 for a Unix socket.
 * @param socket the path of the Unix socket; null for TCP.
 */
record ClamdAddress(String host, int port, Path socket) {

  private static final String UNIX = "unix:";

  /** Reads an address as {@code HERALD_CLAMD_ADDRESS} gives it. */
  static ClamdAddress parse(String text) {
    String value = text.strip();
    if (value.startsWith(UNIX) && value.length() > UNIX.length()) {
      return new ClamdAddress(null, 0, Path.of(value.substring(UNIX.length())));
    }
    int colon = value.lastIndexOf(':');
    String host = colon > 0 ? value.substring(0, colon) : "";
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    int port = colon > 0 ? port(value.substring(colon + 1)) : -1;
    boolean hostValid = !host.isEmpty() && (bracketed || !host.contains(":"));
    if (!hostValid || host.contains("[") || port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "a clamd address is host:port or unix:/path/to/clamd.ctl, not '" + value + "'");
    }
    return new ClamdAddress(host, port, null);
  }

  private static int port(String digits) {
    return digits.matches("[0-9]{1,5}") ? Integer.parseInt(digits) : -1;
  }

  /** An unconnected channel of this address's kind. */
  SocketChannel openChannel() throws IOException {
    return socket == null ? SocketChannel.open() : SocketChannel.open(StandardProtocolFamily.UNIX);
  }

  /** The socket address to connect to, the host name looked up anew. */
  SocketAddress resolve() {
    return socket == null ? new InetSocketAddress(host, port) : UnixDomainSocketAddress.of(socket);
  }

  @Override
  public String toString() {
    if (socket != null) {
      return UNIX + socket;
    }
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
