package dev.herald.admin;

import dev.herald.service.Service;
import dev.herald.support.Timestamps;
import java.util.List;
import java.util.UUID;

/** A service as the admin API shows it. */
record ServiceView(
    UUID id,
    String name,
    boolean active,
    boolean restricted,
    List<String> permissions,
    String emailSenderLocalPart,
    boolean prefixSms,
    int rateLimit,
    long emailMessageLimit,
    long smsMessageLimit,
    long letterMessageLimit,
    long internationalSmsMessageLimit,
    String contactLink,
    String createdAt) {

  static ServiceView of(Service s) {
    return new ServiceView(
        s.id(),
        s.name(),
        s.active(),
        s.restricted(),
        s.permissions().stream().sorted().toList(),
        s.emailSenderLocalPart(),
        s.prefixSms(),
        s.rateLimit(),
        s.emailMessageLimit(),
        s.smsMessageLimit(),
        s.letterMessageLimit(),
        s.internationalSmsMessageLimit(),
        s.contactLink(),
        Timestamps.format(s.createdAt()));
  }
}
