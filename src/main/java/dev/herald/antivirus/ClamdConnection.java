package dev.herald.antivirus;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One conversation with clamd on a non-blocking channel, so that connecting, sending and waiting
 * for the answer each give up after their timeout, over TCP and a Unix socket alike (a Unix socket
 * channel has no read timeout of its own).
 */
final class ClamdConnection implements AutoCloseable {

  /** clamd's answers (a signature name, an error) are far shorter; a longer one is cut. */
  private static final int MAX_REPLY = 1024;

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final Duration readTimeout;

  private ClamdConnection(
      SocketChannel channel, Selector selector, SelectionKey key, Duration readTimeout) {
    this.channel = channel;
    this.selector = selector;
    this.key = key;
    this.readTimeout = readTimeout;
  }

  /** Connects, waiting at most the connect timeout; each later wait is bounded by the other. */
  static ClamdConnection open(ClamdAddress address, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    SocketChannel channel = address.openChannel();
    Selector selector = null;
    try {
      channel.configureBlocking(false);
      selector = Selector.open();
      ClamdConnection connection =
          new ClamdConnection(channel, selector, channel.register(selector, 0), readTimeout);
      if (!channel.connect(address.resolve())) {
        connection.await(OP_CONNECT, connectTimeout, "no connection");
        channel.finishConnect();
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  /**
   * Sends the buffers whole, and answers true; or answers false as soon as clamd has answered
   * before taking them all, as it does to a stream longer than its {@code StreamMaxLength}.
   */
  boolean send(ByteBuffer... buffers) throws IOException {
    while (Arrays.stream(buffers).anyMatch(ByteBuffer::hasRemaining)) {
      if ((await(OP_WRITE | OP_READ, readTimeout, "took no more of the file") & OP_READ) != 0) {
        return false;
      }
      channel.write(buffers);
    }
    return true;
  }

  /** clamd's answer, without the null that ends it; empty when it closed without one. */
  String reply() throws IOException {
    ByteBuffer in = ByteBuffer.allocate(MAX_REPLY);
    while (in.hasRemaining() && !endsWithNull(in)) {
      await(OP_READ, readTimeout, "no answer");
      if (channel.read(in) < 0) {
        break;
      }
    }
    int length = endsWithNull(in) ? in.position() - 1 : in.position();
    return new String(in.array(), 0, length, US_ASCII).strip();
  }

  private static boolean endsWithNull(ByteBuffer in) {
    return in.position() > 0 && in.get(in.position() - 1) == 0;
  }

  /** Waits until the channel is ready for one of the operations, and answers those it is. */
  private int await(int operations, Duration timeout, String failure) throws IOException {
    key.interestOps(operations);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SocketTimeoutException(failure + " within " + timeout.toMillis() + " ms");
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted");
      }
      selector.selectedKeys().clear();
      if (selector.select(left) > 0) {
        return key.readyOps();
      }
    }
  }

  @Override
  public void close() throws IOException {
    try (selector) {
      channel.close();
    }
  }
}
