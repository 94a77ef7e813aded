package dev.herald.provider.email;

import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** The mail server's refusal found in a failed send: its reply code and the command it answered. */
record SmtpReply(int code, String command, String text) {

  private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>]*@[^\\s<>]*>?");

  /** The first SMTP reply in the exception and the exceptions chained to it, if there is one. */
  static Optional<SmtpReply> in(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof SMTPAddressFailedException e) {
        return Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
      }
      if (t instanceof SMTPSenderFailedException e) {
        return Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
      }
      if (t instanceof SMTPSendFailedException e) {
        return Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the server refused for good (5xx). RFC 5321 §4.5.3.1.10 asks clients to take 552 in
   * reply to RCPT ("too many recipients", "mailbox full") as the temporary 452.
   */
  boolean permanent() {
    boolean rcpt = command != null && command.regionMatches(true, 0, "RCPT", 0, 4);
    return code >= 500 && code <= 599 && !(code == 552 && rcpt);
  }

  /** The reply as the server gave it, with any email address in it left out. */
  String withoutAddresses() {
    String reply = text == null ? Integer.toString(code) : text.strip();
    return ADDRESS.matcher(reply).replaceAll("[address]");
  }
}
