package dev.herald.provider.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on the loopback that answers every RCPT with the reply it is given (a 250
 * lets the email through, its content not kept); with a hold, only once the hold is released, a
 * continuation line ({@code 250-…}) every 100 ms until then, so that the client's read never times
 * out and its connection stays in use.
 */
final class RefusingSmtpServer implements AutoCloseable {

  private static final long HOLD_LINE_MILLIS = 100;

  private final ServerSocket socket;
  private final String rcptReply;
  private final CountDownLatch hold;
  private final AtomicInteger held = new AtomicInteger();

  RefusingSmtpServer(String rcptReply) {
    this(rcptReply, new CountDownLatch(0));
  }

  RefusingSmtpServer(String rcptReply, CountDownLatch hold) {
    this.rcptReply = rcptReply;
    this.hold = hold;
    try {
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** RCPTs being held now. */
  int held() {
    return held.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().start(() -> converse(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        var in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      reply(out, "220 refusing.test ESMTP");
      for (String line; (line = in.readLine()) != null; ) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "RCPT" -> {
            awaitHold(out);
            reply(out, rcptReply);
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
              // the message is not kept
            }
            reply(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void awaitHold(PrintWriter out) {
    held.incrementAndGet();
    try {
      while (!hold.await(HOLD_LINE_MILLIS, TimeUnit.MILLISECONDS)) {
        reply(out, "250-still thinking");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      held.decrementAndGet();
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }
}
