package dev.herald.job;

import dev.herald.template.Template;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Notify's {@code RecipientCSV} for one template and service: checks an uploaded file in one
 * streaming pass, in bounded memory, and reads its rows again when the job is processed.
 */
public final class RecipientSheet {

  private final Template template;
  private final ServiceFacts facts;
  private final SheetLimits limits;

  public RecipientSheet(Template template, ServiceFacts facts, SheetLimits limits) {
    this.template = template;
    this.facts = facts;
    this.limits = limits;
  }

  /** Checks a file, previewing its first row. */
  public SheetCheck check(String fileName, InputStream in) {
    return check(fileName, in, 0);
  }

  /**
   * Reads and checks a file, keeping for the page the row of 0-based index {@code previewIndex}.
   *
   * @throws SpreadsheetException when the file cannot be read as a spreadsheet at all
   */
  public SheetCheck check(String fileName, InputStream in, int previewIndex) {
    Pass pass = new Pass(previewIndex, null);
    SpreadsheetReader.read(fileName, in, pass);
    SheetColumns columns = pass.columns();
    SheetTally tally = pass.tally();
    return new SheetCheck(
        tally.rowCount,
        limits.maxRows(),
        columns.distinctNames(),
        columns.hasRecipientColumns(),
        columns.duplicateRecipientColumns(),
        columns.missingColumns(),
        tally.counts(),
        tally.internationalSms,
        tally.smokeTestNumbers,
        tally.allowedToSendTo,
        CheckPages.of(columns, tally, limits, facts, fileName));
  }

  /**
   * Reads a file again and hands over each row without errors, in order, up to the row limit;
   * returns how many it handed over. Meant for a file whose check was {@link SheetCheck#ok()}.
   *
   * @throws IllegalStateException when the file's columns do not fit the template
   */
  public int forEachValidRow(String fileName, InputStream in, Consumer<JobRow> rows) {
    Pass pass = new Pass(-1, rows);
    SpreadsheetReader.read(fileName, in, pass);
    return pass.given;
  }

  /**
   * One pass over a file: the header row first, then each data row checked and either tallied for
   * the page or, when processing, handed over if it has no errors.
   */
  private final class Pass implements Consumer<List<String>> {

    private final int previewIndex;
    private final Consumer<JobRow> validRows;
    private SheetColumns columns;
    private RowChecker checker;
    private SheetTally tally;
    private int given;

    Pass(int previewIndex, Consumer<JobRow> validRows) {
      this.previewIndex = previewIndex;
      this.validRows = validRows;
    }

    @Override
    public void accept(List<String> cells) {
      if (columns == null) {
        start(cells);
      } else if (tally.countNext()) {
        CheckedRow checked = checker.check(tally.rowCount - 1, cells);
        if (validRows == null) {
          tally.add(checked);
        } else if (!checked.hasError()) {
          validRows.accept(checked.job());
          given++;
        }
      }
    }

    private void start(List<String> header) {
      columns = new SheetColumns(template, header);
      if (validRows != null && !columns.fit()) {
        throw new IllegalStateException("The file's columns do not fit the template");
      }
      tally = new SheetTally(limits, previewIndex, facts, columns.type);
      checker = new RowChecker(template, columns, facts);
    }

    SheetColumns columns() {
      return columns == null ? new SheetColumns(template, List.of()) : columns;
    }

    SheetTally tally() {
      return tally == null ? new SheetTally(limits, previewIndex, facts, columns().type) : tally;
    }
  }
}
