package dev.herald.provider.letter;

import dev.herald.print.PrintException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/** One exchange with the print API, its network failures all retryable. */
final class DvlaHttp {

  private DvlaHttp() {}

  /** The answer to {@code request}; {@code what} names the call in the failure's message. */
  static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String what)
      throws PrintException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new PrintException("DVLA did not answer " + what + " in time", true, e);
    } catch (IOException e) {
      throw new PrintException("DVLA could not be reached to " + what + ": " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrintException("Interrupted while waiting for DVLA to " + what, true, e);
    }
  }
}
