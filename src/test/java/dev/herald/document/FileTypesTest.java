package dev.herald.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileTypesTest {

  private static byte[] zip(String entry, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recognisesTheAllowedTypesByTheirContent() throws IOException {
    assertThat(FileTypes.sniff(utf8("%PDF-1.7"))).isEqualTo("application/pdf");
    assertThat(FileTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
        .isEqualTo("image/png");
    assertThat(FileTypes.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
        .isEqualTo("image/jpeg");
    assertThat(FileTypes.sniff(utf8("{\\rtf1\\ansi hello}"))).isEqualTo("text/rtf");
    assertThat(FileTypes.sniff(zip("word/document.xml", "<w/>")))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(FileTypes.sniff(zip("xl/workbook.xml", "<w/>")))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(FileTypes.sniff(zip("mimetype", "application/vnd.oasis.opendocument.text")))
        .isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(FileTypes.sniff(utf8("{\"a\": [1, 2]}"))).isEqualTo("application/json");
    assertThat(FileTypes.sniff(utf8("Grüße, 1,2\n"))).isEqualTo("text/plain");
  }

  @Test
  void namesWhatItRefuses() throws IOException {
    assertThat(FileTypes.sniff(utf8("\uFEFF\n <HTML><script>"))).isEqualTo("text/html");
    assertThat(FileTypes.sniff(utf8("<svg onload=alert(1)>"))).isEqualTo("image/svg+xml");
    assertThat(FileTypes.sniff(utf8("<?xml version=\"1.0\"?><a/>"))).isEqualTo("text/xml");
    assertThat(FileTypes.sniff(zip("index.html", "<html>"))).isEqualTo("application/zip");
    assertThat(FileTypes.sniff(new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1}))
        .isEqualTo("application/octet-stream");
    assertThat(FileTypes.sniff(new byte[] {(byte) 0xc3, (byte) 0x28}))
        .isEqualTo("application/octet-stream");
    assertThat(FileTypes.sniff(new byte[0])).isEqualTo("application/x-empty");
  }

  @Test
  void makesPlainTextCsvOnlyWhenAskedTo() {
    assertThat(FileTypes.forContent(utf8("a,b\n1,2\n"), true)).isEqualTo("text/csv");
    assertThat(FileTypes.forContent(utf8("a,b\n1,2\n"), false)).isEqualTo("text/plain");
    assertThat(FileTypes.forContent(utf8("%PDF-1.7"), true)).isEqualTo("application/pdf");
  }

  @Test
  void decidesANamedFileByItsLastExtensionInAnyCase() {
    assertThat(FileTypes.forFilename("archive.tar.PDF")).isEqualTo("application/pdf");
    assertThat(FileTypes.forFilename("photo.Jpeg")).isEqualTo("image/jpeg");
    assertThatThrownBy(() -> FileTypes.forFilename("report.pdf.html"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Unsupported file type '.html'. Supported types are: '.csv',");
  }

  @Test
  void servesOnlyTheAllowedTypesAsThemselves() {
    assertThat(FileTypes.allowed("text/rtf")).isTrue();
    assertThat(FileTypes.allowed("application/rtf")).isTrue();
    assertThat(FileTypes.allowed("text/html")).isFalse();
    assertThat(FileTypes.allowed(null)).isFalse();
    assertThat(FileTypes.extension("text/rtf")).isEqualTo("rtf");
    assertThat(FileTypes.extension("image/jpeg")).isEqualTo("jpeg");
  }
}
