package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.auth.ApiKeyCache;
import dev.herald.auth.ApiKeyRepository;
import dev.herald.auth.KeyType;
import dev.herald.auth.NewApiKey;
import dev.herald.service.Service;
import dev.herald.support.Uuids;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Creates and revokes API keys; the full key string is shown only once, at creation. */
@RestController
class AdminApiKeyController {

  private final AdminServices services;
  private final ApiKeyRepository keys;
  private final ApiKeyCache cache;
  private final ObjectMapper json;
  private final Clock clock;

  AdminApiKeyController(
      AdminServices services,
      ApiKeyRepository keys,
      ApiKeyCache cache,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.keys = keys;
    this.cache = cache;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> create(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String name = in.string("name", true, 255);
    String type =
        in.oneOf(
            "key_type",
            true,
            Arrays.stream(KeyType.values()).map(KeyType::value).collect(Collectors.toSet()));
    in.done();
    NewApiKey key = NewApiKey.generate(service.id(), name, KeyType.of(type).orElseThrow());
    if (keys.activeNameTaken(service.id(), key.name())) {
      throw ApiException.badRequest("Duplicate key name");
    }
    keys.insert(key, clock.instant());
    cache.evict(service.id());
    return Map.of(
        "id", key.id(),
        "name", key.name(),
        "key_type", type,
        "key", key.keyString());
  }

  @PostMapping("/admin/services/{id}/api-keys/{keyId}/revoke")
  Map<String, Object> revoke(@PathVariable String id, @PathVariable String keyId) {
    Service service = services.require(id);
    UUID key = Uuids.parse(keyId).orElseThrow(ApiException::noResultFound);
    if (!keys.revoke(service.id(), key, clock.instant()) && !keys.exists(service.id(), key)) {
      throw ApiException.noResultFound();
    }
    cache.evict(service.id());
    return Map.of("id", key, "revoked", true);
  }
}
