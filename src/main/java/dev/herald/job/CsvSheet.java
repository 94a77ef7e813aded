package dev.herald.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV and TSV text read as a stream, strictly as UTF-8, the way Python's {@code csv} reader with
 * Notify's settings reads it: minimal quoting, a doubled quote inside quotes, text after a closing
 * quote kept, blank lines as rows; for CSV, spaces after a comma skipped ({@code
 * skipinitialspace}). TSV is read by pyexcel as a sheet, so the sheet rules of {@link SheetGrid}
 * apply to it too.
 */
final class CsvSheet {

  private static final CSVFormat CSV = format(',').setIgnoreSurroundingSpaces(true).get();

  /** pyexcel's {@code excel-tab} dialect: no spaces skipped; cells are stripped later anyway. */
  private static final CSVFormat TSV = format('\t').get();

  private CsvSheet() {}

  private static CSVFormat.Builder format(char delimiter) {
    return CSVFormat.Builder.create()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setEscape(null)
        .setIgnoreEmptyLines(false)
        .setTrailingData(true)
        .setLenientEof(true);
  }

  static void csv(InputStream in, Consumer<List<String>> rows) {
    read(in, CSV, new TrimmedRows(rows));
  }

  static void tsv(InputStream in, Consumer<List<String>> rows) {
    SheetGrid grid = new SheetGrid(List.of(), new BitSet(), rows);
    int[] index = {0};
    read(in, TSV, cells -> grid.row(index[0]++, false, cells));
    grid.finish();
  }

  private static void read(InputStream in, CSVFormat format, Consumer<List<String>> rows) {
    try (CSVParser parser = CSVParser.builder().setReader(utf8(in)).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        rows.accept(new ArrayList<>(record.toList()));
      }
    } catch (UncheckedIOException e) {
      throw translated(e.getCause());
    } catch (IOException e) {
      throw translated(e);
    }
  }

  private static RuntimeException translated(IOException e) {
    return e instanceof CharacterCodingException
        ? new SpreadsheetException(SpreadsheetException.CANNOT_READ, e)
        : new UncheckedIOException(e);
  }

  /** Strict UTF-8 without a leading byte-order mark, which Notify strips as whitespace. */
  private static Reader utf8(InputStream in) throws IOException {
    Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first >= 0 && first != '\ufeff') {
      pushback.unread(first);
    }
    return pushback;
  }
}
