package dev.herald.provider.letter;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.herald.print.PrintReceipts;
import dev.herald.support.ConditionalOnSetting;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SFTP print provider and its receipt import (a db-scheduler recurring task, so one Herald
 * instance reads the folder at a time), present only when {@code HERALD_PRINT_SFTP_HOST} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.print.sftp.host")
@EnableConfigurationProperties(SftpPrintProperties.class)
class SftpPrintConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SftpPrintConfiguration.class);

  @Bean(destroyMethod = "close")
  SftpSessions sftpPrintSessions(SftpPrintProperties properties) {
    if (properties.knownHostKey() == null && properties.insecureAcceptAnyHostKey()) {
      log.warn(
          "HERALD_PRINT_SFTP_INSECURE_ACCEPT_ANY_HOST_KEY: letters go to whatever server answers"
              + " at {}; set HERALD_PRINT_SFTP_KNOWN_HOST_KEY",
          properties.host());
    }
    return new SftpSessions(properties);
  }

  @Bean
  SftpPrintProvider sftpPrintProvider(SftpPrintProperties properties, SftpSessions sessions) {
    return new SftpPrintProvider(properties, sessions);
  }

  @Bean
  SftpReceiptImport sftpReceiptImport(
      SftpPrintProperties properties, SftpSessions sessions, PrintReceipts receipts, Clock clock) {
    return new SftpReceiptImport(properties, sessions, receipts, SftpPrintProvider.NAME, clock);
  }

  @Bean
  RecurringTask<Void> importSftpPrintReceiptsTask(
      SftpPrintProperties properties, SftpReceiptImport receiptImport) {
    return Tasks.recurring(
            "import-sftp-print-receipts", Schedules.fixedDelay(properties.receiptPollInterval()))
        .execute(
            (instance, context) -> {
              try {
                receiptImport.run();
              } catch (IOException e) {
                log.warn("Print receipts not imported, tried again later: {}", e.getMessage());
              }
            });
  }
}
