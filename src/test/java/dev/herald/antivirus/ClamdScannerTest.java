package dev.herald.antivirus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.herald.testdata.Clamd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClamdScannerTest {

  private static final int STREAM_MAX_LENGTH = 1024 * 1024;

  @RegisterExtension static final Clamd clamd = new Clamd(STREAM_MAX_LENGTH);

  private final ClamdScanner tcp = scanner(clamd.tcpAddress(), Duration.ofSeconds(10));
  private final ClamdScanner unix = scanner(clamd.unixAddress(), Duration.ofSeconds(10));

  private static ClamdScanner scanner(String address, Duration readTimeout) {
    return new ClamdScanner(address, Duration.ofSeconds(1), readTimeout);
  }

  @Test
  void findsAPdfLetterClean() throws IOException {
    assertThat(tcp.scan(pdf())).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void findsTheEicarFileByTheTestSignature() {
    assertThat(tcp.scan(Clamd.eicar())).isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
  }

  @Test
  void findsTheEicarFileInsideALargerFileAcrossTwoChunks() {
    byte[] content = new byte[300_000];
    new Random(7).nextBytes(content);
    byte[] eicar = Clamd.eicar();
    System.arraycopy(eicar, 0, content, 64 * 1024 - 30, eicar.length);

    assertThat(tcp.scan(content)).isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
  }

  @Test
  void isUnavailableForAFileLongerThanClamdsStreamMaxLength() {
    assertThat(tcp.scan(new byte[STREAM_MAX_LENGTH])).isEqualTo(Verdict.CLEAN);
    assertThatThrownBy(() -> tcp.scan(new byte[STREAM_MAX_LENGTH + 1]))
        .isInstanceOf(ScannerUnavailableException.class)
        .hasMessage(
            "clamd at " + clamd.tcpAddress() + " answered: INSTREAM size limit exceeded. ERROR");
  }

  @Test
  void scansOverTheUnixSocket() throws IOException {
    assertThat(unix.scan(Clamd.eicar())).isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
    assertThat(unix.scan(pdf())).isEqualTo(Verdict.CLEAN);
    unix.ping();
  }

  @Test
  void isUnavailableAtOnceWhileClamdIsStoppedAndScansAgainOnceItIsBack() throws IOException {
    clamd.stop();
    try {
      for (ClamdScanner scanner : new ClamdScanner[] {tcp, unix}) {
        assertTimeoutPreemptively(
            Duration.ofSeconds(1),
            () ->
                assertThatThrownBy(() -> scanner.scan(Clamd.eicar()))
                    .isInstanceOf(ScannerUnavailableException.class)
                    .hasMessageStartingWith(scanner + ": "));
      }
      assertThatThrownBy(tcp::ping).isInstanceOf(ScannerUnavailableException.class);
    } finally {
      clamd.start();
    }
    assertThat(tcp.scan(Clamd.eicar())).isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
    assertThat(unix.scan(Clamd.eicar())).isEqualTo(Verdict.infected(Clamd.EICAR_SIGNATURE));
  }

  @Test
  void isUnavailableWhileItsHostNameCannotBeLookedUp() {
    ClamdScanner scanner = scanner("herald-no-such-host.invalid:3310", Duration.ofSeconds(1));

    assertThatThrownBy(() -> scanner.scan(Clamd.eicar()))
        .isInstanceOf(ScannerUnavailableException.class)
        .hasMessage("clamd at herald-no-such-host.invalid:3310: its host name cannot be looked up");
  }

  @Test
  void timesOutOnAServerThatTakesTheFileAndNeverAnswers() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ClamdScanner scanner = scanner("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));

      assertTimeoutPreemptively(
          Duration.ofSeconds(2),
          () ->
              assertThatThrownBy(() -> scanner.scan(Clamd.eicar()))
                  .isInstanceOf(ScannerUnavailableException.class)
                  .hasMessageEndingWith(": no answer within 300 ms"));
    }
  }

  @Test
  void timesOutOnAServerThatStopsTakingTheFile() throws IOException {
    try (ServerSocket silent = new ServerSocket()) {
      silent.setReceiveBufferSize(4096);
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      ClamdScanner scanner = scanner("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));

      assertTimeoutPreemptively(
          Duration.ofSeconds(2),
          () ->
              assertThatThrownBy(() -> scanner.scan(new byte[16 * 1024 * 1024]))
                  .isInstanceOf(ScannerUnavailableException.class)
                  .hasMessageEndingWith(": took no more of the file within 300 ms"));
    }
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText("Your application has been received.");
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
