package dev.herald.job;

import dev.herald.job.CheckPage.ReadyToSend;

/**
 * Checks a generated file of a million rows and prints what the check found; run by {@link
 * MillionRowSheetTest} in a JVM of its own with a small heap.
 */
final class MillionRowCheck {

  private MillionRowCheck() {}

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    RecipientSheet sheet =
        new RecipientSheet(Sheets.sms("Hello ((name))"), Sheets.LIVE, SheetLimits.DEFAULT);
    SheetCheck check = sheet.check("million.csv", new GeneratedCsv(rows));
    ReadyToSend page = (ReadyToSend) check.page();
    int processed = sheet.forEachValidRow("million.csv", new GeneratedCsv(rows), row -> {});
    System.out.println(
        "rows="
            + check.rowCount()
            + " errors="
            + check.rows().withErrors()
            + " shown="
            + page.rows().size()
            + " processed="
            + processed);
  }
}
