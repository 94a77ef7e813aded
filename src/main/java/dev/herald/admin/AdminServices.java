package dev.herald.admin;

import dev.herald.api.ApiException;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.support.Uuids;
import org.springframework.stereotype.Component;

/** Finds the service an admin path names, or answers 404. */
@Component
class AdminServices {

  private final ServiceRepository services;

  AdminServices(ServiceRepository services) {
    this.services = services;
  }

  Service require(String id) {
    return Uuids.parse(id).flatMap(services::find).orElseThrow(ApiException::noResultFound);
  }
}
