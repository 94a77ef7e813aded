package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.service.Service;
import dev.herald.service.ServiceCache;
import dev.herald.service.ServiceRepository;
import dev.herald.support.Uuids;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Creates, reads and changes services. */
@RestController
class AdminServiceController {

  static final Set<String> PERMISSIONS =
      Set.of(
          "email",
          "sms",
          "letter",
          "international_sms",
          "inbound_sms",
          "international_letters",
          "sms_to_uk_landlines",
          "email_auth",
          "upload_document");

  private final ServiceRepository services;
  private final ServiceCache cache;
  private final ObjectMapper json;
  private final Clock clock;

  AdminServiceController(
      ServiceRepository services, ServiceCache cache, ObjectMapper json, Clock clock) {
    this.services = services;
    this.cache = cache;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services")
  @ResponseStatus(HttpStatus.CREATED)
  ServiceView create(@RawBody byte[] body) {
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    Service defaults = ServiceDefaults.newService(clock.instant());
    Service service = read(in, defaults, true);
    checkNameFree(service);
    services.insert(service);
    return ServiceView.of(service);
  }

  @GetMapping("/admin/services/{id}")
  ServiceView get(@PathVariable String id) {
    return ServiceView.of(existing(id));
  }

  @PatchMapping("/admin/services/{id}")
  ServiceView update(@PathVariable String id, @RawBody byte[] body) {
    Service current = existing(id);
    Service changed = read(new AdminInput(JsonBodies.parse(json, body)), current, false);
    checkNameFree(changed);
    services.update(changed, clock.instant());
    cache.evict(changed.id());
    return ServiceView.of(changed);
  }

  private Service existing(String id) {
    return Uuids.parse(id).flatMap(services::find).orElseThrow(ApiException::noResultFound);
  }

  private void checkNameFree(Service service) {
    if (services.nameTaken(service.name(), service.id())) {
      throw ApiException.badRequest(
          "A service with the name " + service.name() + " already exists");
    }
  }

  private static Service read(AdminInput in, Service base, boolean creating) {
    String name = in.string("name", creating, 255);
    Boolean active = in.bool("active");
    Boolean restricted = in.bool("restricted");
    var permissions = in.strings("permissions", 255);
    String localPart = in.string("email_sender_local_part", false, 255);
    Boolean prefixSms = in.bool("prefix_sms");
    Long rateLimit = in.number("rate_limit", 1, Integer.MAX_VALUE);
    Long email = in.number("email_message_limit", 0, Long.MAX_VALUE);
    Long sms = in.number("sms_message_limit", 0, Long.MAX_VALUE);
    Long letter = in.number("letter_message_limit", 0, Long.MAX_VALUE);
    Long international = in.number("international_sms_message_limit", 0, Long.MAX_VALUE);
    String contactLink = in.string("contact_link", false, 255);
    if (permissions != null) {
      permissions.stream()
          .filter(p -> !PERMISSIONS.contains(p))
          .forEach(
              p -> in.error("permissions " + p + " is not one of " + new TreeSet<>(PERMISSIONS)));
    }
    if (name != null && name.isBlank()) {
      in.error("name must not be blank");
    }
    in.done();
    String finalName = name == null ? base.name() : name.strip();
    return new Service(
        base.id(),
        finalName,
        active == null ? base.active() : active,
        restricted == null ? base.restricted() : restricted,
        localPart != null
            ? localPart
            : base.emailSenderLocalPart() != null
                ? base.emailSenderLocalPart()
                : ServiceDefaults.emailSafe(finalName),
        prefixSms == null ? base.prefixSms() : prefixSms,
        rateLimit == null ? base.rateLimit() : rateLimit.intValue(),
        email == null ? base.emailMessageLimit() : email,
        sms == null ? base.smsMessageLimit() : sms,
        letter == null ? base.letterMessageLimit() : letter,
        international == null ? base.internationalSmsMessageLimit() : international,
        contactLink == null ? base.contactLink() : contactLink,
        permissions == null ? base.permissions() : Set.copyOf(new LinkedHashSet<>(permissions)),
        base.createdAt());
  }
}
