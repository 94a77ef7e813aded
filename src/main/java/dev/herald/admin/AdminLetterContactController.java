package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.service.LetterContactRepository;
import dev.herald.service.LetterContactRepository.LetterContact;
import dev.herald.service.Service;
import dev.herald.support.Ids;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** A service's letter contact blocks: add, list, archive. */
@RestController
class AdminLetterContactController {

  /** The most lines a contact block may have, as Notify's admin form allows. */
  static final int MAX_LINES = 10;

  private final AdminServices services;
  private final LetterContactRepository contacts;
  private final ObjectMapper json;
  private final Clock clock;

  AdminLetterContactController(
      AdminServices services, LetterContactRepository contacts, ObjectMapper json, Clock clock) {
    this.services = services;
    this.contacts = contacts;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/letter-contacts")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> add(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String block = in.string("contact_block", true, 1000);
    Boolean isDefault = in.bool("is_default");
    if (block != null) {
      long lines = block.strip().lines().count();
      if (lines > MAX_LINES) {
        in.error(
            "contact_block This address is "
                + lines
                + " lines long - the most you can have is "
                + MAX_LINES
                + " lines");
      }
      if (block.isBlank()) {
        in.error("contact_block must not be empty");
      }
    }
    in.done();
    UUID contactId = Ids.random();
    contacts.add(
        contactId, service.id(), block.strip(), Boolean.TRUE.equals(isDefault), clock.instant());
    return Map.of("id", contactId);
  }

  @GetMapping("/admin/services/{id}/letter-contacts")
  Map<String, Object> list(@PathVariable String id) {
    Service service = services.require(id);
    List<Map<String, Object>> views =
        contacts.all(service.id()).stream().map(AdminLetterContactController::view).toList();
    return Map.of("letter_contacts", views);
  }

  @PostMapping("/admin/services/{id}/letter-contacts/{contactId}/archive")
  Map<String, Object> archive(@PathVariable String id, @PathVariable String contactId) {
    Service service = services.require(id);
    UUID contact = Uuids.parse(contactId).orElseThrow(ApiException::noResultFound);
    if (!contacts.archive(service.id(), contact)) {
      throw ApiException.noResultFound();
    }
    return Map.of("id", contact, "archived", true);
  }

  private static Map<String, Object> view(LetterContact c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("contact_block", c.contactBlock());
    view.put("is_default", c.isDefault());
    view.put("created_at", Timestamps.format(c.createdAt()));
    return view;
  }
}
