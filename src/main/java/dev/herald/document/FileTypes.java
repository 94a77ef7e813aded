package dev.herald.document;

import dev.herald.api.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file types Notify's document download accepts (notifications-utils {@code file_types.py}),
 * and how a file's type is decided: by its name's extension when it has a name, else by its
 * content. No other type is stored or served.
 */
final class FileTypes {

  static final int MAX_FILENAME_LENGTH = 100;

  private static final Map<String, String> BY_EXTENSION =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("pdf", "application/pdf"),
              Map.entry("csv", "text/csv"),
              Map.entry("txt", "text/plain"),
              Map.entry("json", "application/json"),
              Map.entry("doc", "application/msword"),
              Map.entry(
                  "docx",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
              Map.entry(
                  "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              Map.entry("odt", "application/vnd.oasis.opendocument.text"),
              Map.entry("rtf", "application/rtf"),
              Map.entry("jpg", "image/jpeg"),
              Map.entry("jpeg", "image/jpeg"),
              Map.entry("png", "image/png")));
  private static final Set<String> MIMETYPES = mimetypes();
  private static final String SUPPORTED =
      BY_EXTENSION.keySet().stream().map(e -> "'." + e + "'").collect(Collectors.joining(", "));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FileTypes() {}

  private static Set<String> mimetypes() {
    Set<String> mimetypes = new HashSet<>(BY_EXTENSION.values());
    mimetypes.add("text/rtf");
    return Set.copyOf(mimetypes);
  }

  /** True for a mimetype Herald may serve as it is. */
  static boolean allowed(String mimetype) {
    return mimetype != null && MIMETYPES.contains(mimetype);
  }

  /**
   * The extension Notify gives a file of this (allowed) mimetype, for a file sent without a name.
   */
  static String extension(String mimetype) {
    if ("text/rtf".equals(mimetype)) {
      return "rtf";
    }
    return BY_EXTENSION.entrySet().stream()
        .filter(e -> e.getValue().equals(mimetype))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** The mimetype of a named file, from its extension (any case); refuses any other extension. */
  static String forFilename(String filename) {
    if (filename.length() > MAX_FILENAME_LENGTH) {
      throw ApiException.badRequest(
          "`filename` cannot be longer than " + MAX_FILENAME_LENGTH + " characters");
    }
    String extension = filename.substring(filename.lastIndexOf('.') + 1);
    String mimetype = BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
    if (mimetype == null) {
      throw unsupported("." + extension);
    }
    return mimetype;
  }

  /**
   * The mimetype of a file sent without a name, from its content; {@code isCsv} makes plain text a
   * CSV file, as Notify does. Refuses content of any other type.
   */
  static String forContent(byte[] content, boolean isCsv) {
    String mimetype = sniff(content);
    if (isCsv && mimetype.equals("text/plain")) {
      mimetype = "text/csv";
    }
    if (!allowed(mimetype)) {
      throw unsupported(mimetype);
    }
    return mimetype;
  }

  private static ApiException unsupported(String type) {
    return ApiException.badRequest(
        "Unsupported file type '" + type + "'. Supported types are: " + SUPPORTED);
  }

  /**
   * Recognises the allowed types by their signatures and names the common refused ones (markup,
   * archives); anything else is {@code application/octet-stream}.
   */
  static String sniff(byte[] content) {
    if (content.length == 0) {
      return "application/x-empty";
    }
    if (startsWith(content, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return "image/png";
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return "image/jpeg";
    }
    if (startsWith(content, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
      return "text/rtf";
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return zipped(content);
    }
    if (startsWith(content, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0})) {
      return contains(content, "WordDocument".getBytes(StandardCharsets.UTF_16LE))
          ? "application/msword"
          : "application/x-ole-storage";
    }
    String text = utf8Text(content);
    return text == null ? "application/octet-stream" : textType(text);
  }

  private static String textType(String text) {
    String start = text.replaceFirst("^\uFEFF?\\s*", "");
    String lower = start.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<")) {
      if (lower.contains("<svg")) {
        return "image/svg+xml";
      }
      return lower.startsWith("<?xml") ? "text/xml" : "text/html";
    }
    if ((lower.startsWith("{") || lower.startsWith("[")) && isJson(start)) {
      return "application/json";
    }
    return "text/plain";
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /** The content as text when it is UTF-8 without control characters other than white space. */
  private static String utf8Text(byte[] content) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    boolean control =
        text.chars().anyMatch(c -> (c < 0x20 && "\t\n\r\f".indexOf(c) < 0) || c == 0x7f);
    return control ? null : text;
  }

  /** Office Open XML and OpenDocument files are zip archives told apart by their entries. */
  private static String zipped(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        switch (entry.getName()) {
          case "word/document.xml" -> {
            return BY_EXTENSION.get("docx");
          }
          case "xl/workbook.xml" -> {
            return BY_EXTENSION.get("xlsx");
          }
          case "mimetype" -> {
            String declared = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
            if (declared.equals(BY_EXTENSION.get("odt"))) {
              return declared;
            }
          }
          default -> {}
        }
      }
      return "application/zip";
    } catch (IOException | IllegalArgumentException e) {
      return "application/octet-stream";
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean contains(byte[] content, byte[] part) {
    for (int i = 0; i + part.length <= content.length; i++) {
      if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }
}
