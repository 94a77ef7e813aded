package dev.herald.job;

import dev.herald.api.ApiException;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /admin/services/{id}/uploads}, multipart: a {@code file} part and a {@code
 * template_id}, optionally {@code preview_row} (the 0-based data row to preview). The answer is the
 * upload's id and what the check page shows; a job is made from an upload that is {@code valid}.
 */
@RestController
class AdminUploadController {

  private final Uploads uploads;

  AdminUploadController(Uploads uploads) {
    this.uploads = uploads;
  }

  @PostMapping("/admin/services/{id}/uploads")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> upload(
      @PathVariable String id,
      @RequestParam(name = "template_id", required = false) String templateId,
      @RequestParam(name = "preview_row", required = false) String previewRow,
      @RequestPart(name = "file", required = false) MultipartFile file) {
    UUID serviceId = Uuids.parse(id).orElseThrow(ApiException::noResultFound);
    if (templateId == null) {
      throw ApiException.validation("template_id is a required property");
    }
    UUID template =
        Uuids.parse(templateId)
            .orElseThrow(() -> ApiException.validation("template_id is not a valid UUID"));
    int preview = previewRow == null ? 0 : previewIndex(previewRow);
    if (file == null) {
      throw ApiException.badRequest("You need to chose a file to upload");
    }
    Uploads.Checked checked =
        uploads.upload(
            serviceId, template, file.getOriginalFilename(), UploadedFile.of(file), preview);
    Upload upload = checked.upload();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", upload.id());
    view.put("original_file_name", upload.originalFileName());
    view.put("template", upload.templateId());
    view.put("template_version", upload.templateVersion());
    view.put("row_count", upload.rowCount());
    view.put("valid", upload.valid());
    view.put("created_at", Timestamps.format(upload.createdAt()));
    view.put("expires_at", Timestamps.format(upload.expiresAt()));
    view.put("check", CheckView.of(checked.check()));
    return Map.of("data", view);
  }

  private static int previewIndex(String text) {
    if (!text.matches("[0-9]{1,7}")) {
      throw ApiException.validation("preview_row is not a row index (0 to 9999999)");
    }
    return Integer.parseInt(text);
  }
}
