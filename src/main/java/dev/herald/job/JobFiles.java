package dev.herald.job;

import dev.herald.files.ObjectStore;
import dev.herald.notification.JobNotifications;
import dev.herald.template.Placeholders;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * A job's rows read from its upload's file in the object store as a stream (a file of a million
 * rows is never whole in memory), by the checks of the upload (a file that passed them then passes
 * them again: the rows and their order do not change between runs). A letter's address columns are
 * stored under the keys its PDF is made from ({@code address_line_1}…, {@code postcode}), whatever
 * the header called them.
 */
@Component
class JobFiles implements JobRowSource {

  private static final int BUFFER = 64 * 1024;

  private final ObjectStore store;
  private final TemplateCache templates;

  JobFiles(ObjectStore store, TemplateCache templates) {
    this.store = store;
    this.templates = templates;
  }

  @Override
  public void read(StoredJob job, Consumer<JobNotifications.Row> rows) {
    Template template =
        templates.version(job.serviceId(), job.templateId(), job.templateVersion()).orElseThrow();
    boolean letter = "letter".equals(template.type());
    try (InputStream file =
        store
            .open(job.fileKey())
            .orElseThrow(() -> new IllegalStateException("The job's file is not in the store"))) {
      new RecipientSheet(template, ServiceFacts.unrestricted(), SheetLimits.DEFAULT)
          .forEachValidRow(
              Uploads.readAs(job.fileKey(), job.originalFileName()),
              new BufferedInputStream(file, BUFFER),
              row ->
                  rows.accept(
                      new JobNotifications.Row(
                          row.index(),
                          letter ? null : row.recipient(),
                          letter ? withAddressKeys(row.personalisation()) : row.personalisation(),
                          row.reference())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the job's file", e);
    }
  }

  /**
   * The row's values with its address columns under {@code address_line_N} and {@code postcode}.
   */
  static Map<String, Object> withAddressKeys(Map<String, Object> personalisation) {
    Map<String, Object> keyed = new LinkedHashMap<>();
    personalisation.forEach(
        (name, value) -> {
          String key = Placeholders.key(name);
          if (key.equals("postcode")) {
            keyed.put("postcode", RowValues.text(value));
          } else if (key.matches("addressline[1-7]")) {
            keyed.put("address_line_" + key.substring(11), RowValues.text(value));
          } else {
            keyed.put(name, value);
          }
        });
    return keyed;
  }
}
