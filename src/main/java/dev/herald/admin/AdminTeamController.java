package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.service.AllowedRecipients;
import dev.herald.service.Service;
import dev.herald.service.TeamRepository;
import dev.herald.service.TeamRepository.GuestListEntry;
import dev.herald.support.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Team members and the guest list of a service. */
@RestController
class AdminTeamController {

  private final AdminServices services;
  private final TeamRepository team;
  private final AllowedRecipients allowed;
  private final ObjectMapper json;
  private final Clock clock;

  AdminTeamController(
      AdminServices services,
      TeamRepository team,
      AllowedRecipients allowed,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.team = team;
    this.allowed = allowed;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/users")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> addUser(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String name = in.string("name", true, 255);
    String email = in.string("email_address", true, 255);
    String mobile = in.string("mobile_number", false, 255);
    in.done();
    UUID userId = Ids.random();
    team.addUser(
        userId,
        service.id(),
        name,
        email.strip(),
        mobile == null ? null : mobile.strip(),
        clock.instant());
    allowed.evict(service.id());
    return Map.of("id", userId);
  }

  @PostMapping("/admin/services/{id}/guest-list")
  @Transactional
  Map<String, Object> replaceGuestList(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    List<String> emails = in.strings("email_addresses", 255);
    List<String> phones = in.strings("phone_numbers", 255);
    in.done();
    List<GuestListEntry> entries = new ArrayList<>();
    if (emails != null) {
      emails.forEach(e -> entries.add(new GuestListEntry("email", e.strip())));
    }
    if (phones != null) {
      phones.forEach(p -> entries.add(new GuestListEntry("mobile", p.strip())));
    }
    team.replaceGuestList(service.id(), entries, clock.instant());
    allowed.evict(service.id());
    return Map.of(
        "email_addresses", emails == null ? List.of() : emails,
        "phone_numbers", phones == null ? List.of() : phones);
  }
}
