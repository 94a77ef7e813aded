package dev.herald.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.HeraldApplication;
import dev.herald.support.SecretBox;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class QuickstartCommandIT extends ApiIT {

  private static final Pattern LINE = Pattern.compile("(?m)^  (\\S.*?) {2,}(\\S.*)$");
  private static final String SECRET =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired JdbcClient jdbc;
  @Autowired SecretBox box;
  @Autowired DataSource dataSource;

  @Test
  void createsALiveServiceWithBothTemplatesAndBothKeys() {
    String name = "Quickstart " + UUID.randomUUID();
    Run run = quickstart("--name=" + name);

    assertThat(run.exitCode()).as(run.output()).isZero();
    Map<String, String> printed = printed(run.output());
    UUID serviceId = UUID.fromString(printed.get("Service id"));
    assertThat(
            jdbc.sql("SELECT name, active, restricted, contact_link FROM services WHERE id = :id")
                .param("id", serviceId)
                .query()
                .singleRow())
        .containsEntry("name", name)
        .containsEntry("active", true)
        .containsEntry("restricted", false)
        .containsEntry("contact_link", QuickstartCommand.CONTACT_LINK);
    assertThat(
            jdbc.sql("SELECT permission FROM service_permissions WHERE service_id = :id")
                .param("id", serviceId)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("email", "sms", "international_sms", "inbound_sms");
    assertThat(template(serviceId, printed.get("Email template id")))
        .containsExactly(
            "email",
            "Hello ((name))",
            "Hello ((name)),\n\nThis is your first message from Herald.");
    assertThat(template(serviceId, printed.get("SMS template id")))
        .containsExactly("sms", null, "Hello ((name)), this is Herald.");
    assertKey(printed.get("Test API key"), serviceId, "test");
    assertKey(printed.get("Live API key"), serviceId, "normal");
    assertThat(printed.get("Admin token file"))
        .isEqualTo(
            properties.dataDir().resolve("admin-token").toAbsolutePath().normalize().toString());
  }

  @Test
  void printsKeysThatTheApiAccepts() {
    Run run = quickstart();

    assertThat(run.exitCode()).as(run.output()).isZero();
    Map<String, String> printed = printed(run.output());
    for (String key : List.of(printed.get("Test API key"), printed.get("Live API key"))) {
      Http.Response templates = http.send("GET", "/v2/templates", Tokens.bearer(key), null);
      assertThat(templates.status()).as(templates.body()).isEqualTo(200);
      assertThat(templates.body())
          .contains(printed.get("Email template id"), printed.get("SMS template id"));
    }
  }

  @Test
  void refusesANameAlreadyTakenAndCreatesNothing() {
    String name = "Taken " + UUID.randomUUID();
    herald.service(Map.of("name", name));

    Run run = quickstart("--name=" + name.toUpperCase());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).doesNotContain("API key");
    assertThat(
            jdbc.sql("SELECT count(*) FROM services WHERE lower(name) = lower(:name)")
                .param("name", name)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private void assertKey(String key, UUID serviceId, String keyType) {
    Matcher parts = Pattern.compile("(.+)-(" + serviceId + ")-(" + SECRET + ")").matcher(key);
    assertThat(parts.matches()).as(key).isTrue();
    assertThat(Tokens.serviceIdOf(key)).isEqualTo(serviceId.toString());
    Map<String, Object> row =
        jdbc.sql(
                """
                SELECT name, secret FROM api_keys
                 WHERE service_id = :serviceId AND key_type = :keyType AND expiry_date IS NULL
                """)
            .param("serviceId", serviceId)
            .param("keyType", keyType)
            .query()
            .singleRow();
    assertThat(row.get("name")).isEqualTo(parts.group(1));
    assertThat(box.openString((byte[]) row.get("secret"))).isEqualTo(parts.group(3));
  }

  private List<String> template(UUID serviceId, String templateId) {
    return jdbc.sql(
            """
            SELECT template_type, subject, content FROM templates
             WHERE id = :id AND service_id = :serviceId AND version = 1
            """)
        .param("id", UUID.fromString(templateId))
        .param("serviceId", serviceId)
        .query(
            (rs, row) ->
                java.util.Arrays.asList(
                    rs.getString("template_type"),
                    rs.getString("subject"),
                    rs.getString("content")))
        .single();
  }

  private static Map<String, String> printed(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher line = LINE.matcher(output);
    while (line.find()) {
      values.put(line.group(1), line.group(2));
    }
    assertThat(values)
        .as(output)
        .containsOnlyKeys(
            "Service id",
            "Email template id",
            "SMS template id",
            "Test API key",
            "Live API key",
            "Admin token file");
    return values;
  }

  private record Run(int exitCode, String output) {}

  /** Runs the command the way {@code main} does, on this test's database, capturing stdout. */
  private Run quickstart(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "quickstart";
    args[1] = "--herald.database-url=" + jdbcUrl();
    System.arraycopy(options, 0, args, 2, options.length);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    try {
      int exitCode = HeraldApplication.runCommand(args);
      return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  private String jdbcUrl() {
    try {
      return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
