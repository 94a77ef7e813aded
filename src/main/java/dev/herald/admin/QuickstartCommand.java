package dev.herald.admin;

import dev.herald.HeraldApplication;
import dev.herald.auth.ApiKeyRepository;
import dev.herald.auth.KeyType;
import dev.herald.auth.NewApiKey;
import dev.herald.service.Service;
import dev.herald.service.ServiceRepository;
import dev.herald.support.HeraldProperties;
import dev.herald.support.Ids;
import dev.herald.template.Template;
import dev.herald.template.TemplateRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code herald quickstart [--name=...]}: creates, in one transaction, a live service with an email
 * and an SMS template, a test key and a live key, and prints what a client needs.
 */
@Component
@Profile(HeraldApplication.COMMAND_PROFILE)
@ConditionalOnProperty(name = "herald.command", havingValue = "quickstart")
class QuickstartCommand implements ApplicationRunner, ExitCodeGenerator {

  static final Set<String> PERMISSIONS = Set.of("email", "sms", "international_sms", "inbound_sms");
  static final String CONTACT_LINK = "https://www.example.com/contact";

  private final ServiceRepository services;
  private final TemplateRepository templates;
  private final ApiKeyRepository keys;
  private final TransactionTemplate tx;
  private final HeraldProperties properties;
  private final Clock clock;
  private int exitCode;

  QuickstartCommand(
      ServiceRepository services,
      TemplateRepository templates,
      ApiKeyRepository keys,
      TransactionTemplate tx,
      HeraldProperties properties,
      Clock clock) {
    this.services = services;
    this.templates = templates;
    this.keys = keys;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> names = args.getOptionValues("name");
    String name =
        names == null || names.isEmpty()
            ? "Quickstart " + Ids.random().toString().substring(0, 6)
            : names.getLast().strip();
    if (name.isEmpty()) {
      fail("--name must not be blank");
      return;
    }
    QuickstartReport report = tx.execute(status -> create(name, clock.instant()));
    if (report == null) {
      fail("A service with the name " + name + " already exists; choose another with --name=...");
      return;
    }
    System.out.print(report.text());
    System.out.flush();
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }

  private QuickstartReport create(String name, Instant now) {
    Service service = liveService(name, now);
    if (services.nameTaken(service.name(), service.id())) {
      return null;
    }
    services.insert(service);
    Template email =
        template(service, "Quickstart email", "email", "Hello ((name))", QuickstartReport.EMAIL);
    Template sms = template(service, "Quickstart SMS", "sms", null, QuickstartReport.SMS);
    NewApiKey testKey = NewApiKey.generate(service.id(), "Quickstart test", KeyType.TEST);
    NewApiKey liveKey = NewApiKey.generate(service.id(), "Quickstart live", KeyType.NORMAL);
    keys.insert(testKey, now);
    keys.insert(liveKey, now);
    return new QuickstartReport(service, email, sms, testKey, liveKey, adminTokenSource());
  }

  private static Service liveService(String name, Instant now) {
    Service defaults = ServiceDefaults.newService(now);
    return new Service(
        defaults.id(),
        name,
        true,
        false,
        ServiceDefaults.emailSafe(name),
        defaults.prefixSms(),
        defaults.rateLimit(),
        defaults.emailMessageLimit(),
        defaults.smsMessageLimit(),
        defaults.letterMessageLimit(),
        defaults.internationalSmsMessageLimit(),
        CONTACT_LINK,
        PERMISSIONS,
        now);
  }

  private Template template(
      Service service, String name, String type, String subject, String content) {
    Template template =
        new Template(
            Ids.random(),
            service.id(),
            name,
            type,
            subject,
            content,
            null,
            null,
            false,
            false,
            1,
            "quickstart",
            service.createdAt(),
            null);
    templates.insert(template);
    return template;
  }

  private String adminTokenSource() {
    String configured = properties.adminToken();
    return configured != null && !configured.isBlank()
        ? "set by HERALD_ADMIN_TOKEN"
        : properties.dataDir().resolve("admin-token").toAbsolutePath().normalize().toString();
  }

  private void fail(String message) {
    System.err.println("herald quickstart: " + message);
    exitCode = 1;
  }
}
