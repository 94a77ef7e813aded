package dev.herald.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP/1.1 POSTs over blocking sockets kept alive in a pool, one request at a time on each
 * connection, as a synchronous client (Python's requests, through urllib3) sends them. The JDK's
 * HttpClient did the same exchange through a selector thread and chains of futures, and took most
 * of the load generator's CPU (docs/benchmarks.md, Pipeline). Headers and body go in one write, as
 * curl sends a small body; the official clients' transports write them apart, which costs Tomcat a
 * second read.
 */
final class BlockingHttp implements Closeable {

  /** A response's status and body. */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  BlockingHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Response post(String path, String authorization, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nUser-Agent: herald-bench\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    Connection connection = idle.poll();
    if (connection == null) {
      connection = new Connection(new Socket(host, port));
    }
    try {
      Response response = connection.exchange(head.getBytes(StandardCharsets.US_ASCII), body);
      if (connection.keepAlive) {
        idle.add(connection);
      } else {
        connection.close();
      }
      return response;
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void close() {
    for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
      connection.close();
    }
  }

  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean keepAlive = true;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      this.in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    Response exchange(byte[] head, byte[] body) throws IOException {
      out.write(head);
      out.write(body);
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
          case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      if (chunked) {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
          copy(size, content);
          line();
        }
        while (!line().isEmpty()) {
          // trailers, if any
        }
      } else if (length >= 0) {
        copy(length, content);
      } else {
        in.transferTo(content);
        keepAlive = false;
      }
      return new Response(status, content.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
      String line = line();
      int extension = line.indexOf(';');
      return Long.parseLong(extension < 0 ? line : line.substring(0, extension), 16);
    }

    private void copy(long length, ByteArrayOutputStream content) throws IOException {
      byte[] bytes = in.readNBytes((int) length);
      if (bytes.length < length) {
        throw new IOException("connection closed after " + bytes.length + " of " + length);
      }
      content.write(bytes);
    }

    /** One line without its CRLF (ASCII, as HTTP/1.1's status line and headers are). */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed mid-response");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a connection that failed: nothing more to do
      }
    }
  }
}
