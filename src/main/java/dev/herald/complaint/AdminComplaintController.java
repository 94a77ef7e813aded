package dev.herald.complaint;

import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.service.ServiceRepository;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/services/{id}/complaints}: a service's complaints, newest first. */
@RestController
class AdminComplaintController {

  static final int PAGE_SIZE = 50;

  private final ServiceRepository services;
  private final ComplaintRepository complaints;
  private final Links links;

  AdminComplaintController(
      ServiceRepository services, ComplaintRepository complaints, Links links) {
    this.services = services;
    this.complaints = complaints;
    this.links = links;
  }

  @GetMapping("/admin/services/{id}/complaints")
  Map<String, Object> list(
      @PathVariable String id,
      @RequestParam(name = "older_than", required = false) String olderThanText,
      HttpServletRequest request) {
    UUID serviceId =
        Uuids.parse(id).flatMap(services::find).orElseThrow(ApiException::noResultFound).id();
    UUID olderThan = olderThanText == null ? null : Uuids.parse(olderThanText).orElse(null);
    if (olderThanText != null && olderThan == null) {
      throw ApiException.validation("older_than is not a valid UUID");
    }
    List<Complaint> found = complaints.page(serviceId, olderThan, PAGE_SIZE + 1);
    List<Complaint> page = found.subList(0, Math.min(found.size(), PAGE_SIZE));
    String current = links.root(request) + "/admin/services/" + serviceId + "/complaints";
    Map<String, String> linkMap = new LinkedHashMap<>();
    linkMap.put("current", current);
    if (found.size() > PAGE_SIZE) {
      linkMap.put("next", current + "?older_than=" + page.getLast().id());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("complaints", page.stream().map(AdminComplaintController::view).toList());
    body.put("links", linkMap);
    return body;
  }

  private static Map<String, Object> view(Complaint c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("notification_id", c.notificationId());
    view.put("service_id", c.serviceId());
    view.put("ses_feedback_id", c.sesFeedbackId());
    view.put("complaint_type", c.complaintType());
    view.put("complaint_date", Timestamps.format(c.complaintDate()));
    view.put("created_at", Timestamps.format(c.createdAt()));
    return view;
  }
}
