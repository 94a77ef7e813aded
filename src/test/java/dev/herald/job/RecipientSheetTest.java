package dev.herald.job;

import static dev.herald.job.Sheets.LIVE;
import static dev.herald.job.Sheets.check;
import static dev.herald.job.Sheets.csv;
import static dev.herald.job.Sheets.email;
import static dev.herald.job.Sheets.letter;
import static dev.herald.job.Sheets.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.job.CheckPage.ColumnErrors;
import dev.herald.job.CheckPage.FileProblem;
import dev.herald.job.CheckPage.ReadyToSend;
import dev.herald.job.CheckPage.RowErrors;
import dev.herald.template.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientSheetTest {

  private static final String NUMBERS = "phone number,name\n07700900123,Ann\n07700900456,Bob\n";

  private static SheetCheck smsCheck(String text) {
    return check(sms("Hello ((name))"), LIVE, text);
  }

  @Test
  void aGoodFileIsReadyToSendWithItsFirstRowsAndAPreview() {
    SheetCheck check =
        new RecipientSheet(sms("Hello ((name))"), LIVE, new SheetLimits(10, 1, 1))
            .check("people.csv", csv(NUMBERS), 1);

    assertThat(check.ok()).isTrue();
    ReadyToSend page = (ReadyToSend) check.page();
    assertThat(page.rowCount()).isEqualTo(2);
    assertThat(page.rows()).extracting(SheetRow::index).containsExactly(0);
    assertThat(page.preview().cells())
        .containsExactly(
            new SheetCell("phone number", "07700900456", null, false),
            new SheetCell("name", "Bob", null, false));
    assertThat(check.columnHeaders()).containsExactly("phone number", "name");
  }

  @Test
  void tooManyRowsComesFirst() {
    SheetCheck check =
        new RecipientSheet(sms("((missing))"), LIVE, new SheetLimits(1, 50, 50))
            .check("people.csv", csv("nothing\n1\n2\n"));

    assertThat(check.tooManyRows()).isTrue();
    assertThat(check.rowCount()).isEqualTo(2);
    assertThat(check.page())
        .isEqualTo(new ColumnErrors(ColumnBanner.TOO_MANY_ROWS, List.of(), 2, 1));
    assertThat(ColumnBanner.tooManyRowsBody(SheetLimits.NOTIFY_MAX_ROWS, 100_001))
        .isEqualTo("Notify can process up to 100,000 rows at once. Your file has 100,001 rows.");
  }

  @Test
  void aFileWithoutDataRowsIsMissingRows() {
    assertThat(smsCheck("phone number\n").page())
        .isEqualTo(new ColumnErrors(ColumnBanner.MISSING_ROWS, List.of("name"), 0, 1_000_000));
    assertThat(smsCheck("").page())
        .isEqualTo(
            new ColumnErrors(
                ColumnBanner.MISSING_ROWS, List.of("name", "phone number"), 0, 1_000_000));
  }

  @Test
  void aFileWithoutItsRecipientColumnListsItsColumns() {
    assertThat(smsCheck("name,name,mobile\nAnn,Ann,07700900123\n").page())
        .isEqualTo(
            new ColumnErrors(
                ColumnBanner.NO_RECIPIENT_COLUMN, List.of("name", "mobile"), 1, 1_000_000));
  }

  @Test
  void recipientColumnsMatchIgnoringCaseSpacesUnderscoresAndHyphens() {
    assertThat(smsCheck("PHONE-NUMBER,Name\n07700900123,Ann\n").ok()).isTrue();
    assertThat(smsCheck("phone number,Phone_Number,name\n07700900123,,Ann\n").page())
        .isEqualTo(
            new ColumnErrors(
                ColumnBanner.DUPLICATE_RECIPIENT_COLUMNS,
                List.of("phone number", "Phone_Number"),
                1,
                1_000_000));
  }

  @Test
  void everyPlaceholderNeedsAColumn() {
    SheetCheck check =
        check(email("For ((Full Name))", "((thing))"), LIVE, "email address\na@b.com\n");

    assertThat(check.missingColumns()).containsExactly("Full Name", "thing");
    assertThat(((ColumnErrors) check.page()).banner())
        .isEqualTo(ColumnBanner.MISSING_PLACEHOLDER_COLUMNS);
  }

  @Test
  void aLetterNeedsThreeAddressColumnsButNotEveryAddressPlaceholder() {
    Template letter = letter("Dear ((address line 1)), ((name))");
    String file = "address line 1,address_line_2,Postcode,name\nA Person,1 Street,SW1A 1AA,Ann\n";

    assertThat(check(letter, LIVE, file).ok()).isTrue();
    assertThat(check(letter, LIVE, "address line 1,postcode,name\nA,SW1A 1AA,Ann\n").page())
        .isInstanceOfSatisfying(
            ColumnErrors.class,
            page -> assertThat(page.banner()).isEqualTo(ColumnBanner.NO_RECIPIENT_COLUMN));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "07700 900 12345 6|Mobile number is too long",
        "07700|Mobile number is too short",
        "020 7946 0000|This does not look like a UK mobile number – double check the mobile number you entered",
        "+33 6 12 34 56 78|This does not look like a UK mobile number – double check the mobile number you entered",
        "07700 9OO 123|Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -",
      })
  void phoneNumbersHaveTheCheckPagesWording(String number, String message) {
    RowErrors page = (RowErrors) smsCheck("phone number,name\n" + number + ",Ann\n").page();

    assertThat(page.rows().getFirst().cells().getFirst().error()).isEqualTo(message);
    assertThat(page.summary()).containsExactly("fix 1 phone number");
    assertThat(page.heading()).isEqualTo("There’s a problem with people.csv");
  }

  @Test
  void permissionsAllowInternationalNumbersAndLandlines() {
    ServiceFacts facts = new ServiceFacts(false, List.of(), true, true, false, 100, 100);
    SheetCheck check = check(sms("Hi"), facts, "phone number\n+33 6 12 34 56 78\n020 7946 0000\n");

    assertThat(check.ok()).isTrue();
    assertThat(check.internationalSmsCount()).isEqualTo(1);
  }

  @Test
  void missingCellsAndBadEmailsAreSummarisedInNotifysOrder() {
    SheetCheck check =
        check(
            email("Hi", "((name))"),
            LIVE,
            "email address,name,notes\nnot-an-address,Ann,\n,Bob,x\nc@d.com,,\nok@example.com,Di,\n");

    RowErrors page = (RowErrors) check.page();
    assertThat(page.summary())
        .containsExactly("fix 1 email address", "enter missing data in 2 rows");
    assertThat(page.heading()).isEqualTo("There are some problems with people.csv");
    assertThat(page.rows()).extracting(SheetRow::index).containsExactly(0, 1, 2);
    assertThat(page.rows().get(0).cells())
        .containsExactly(
            new SheetCell("email address", "not-an-address", "Not a valid email address", false),
            new SheetCell("name", "Ann", null, false),
            new SheetCell("notes", null, null, true));
    assertThat(page.rows().get(1).cells().getFirst().error()).isEqualTo("Missing");
    assertThat(page.footnote()).isEqualTo("Only showing rows with errors");
    assertThat(check.rows()).isEqualTo(new RowCounts(3, 1, 2, 0, 0, 0));
  }

  @Test
  void aMessageWithNoContentIsAnError() {
    RowErrors page =
        (RowErrors)
            check(email("Hi", "((show??Hello))"), LIVE, "email address,show\na@b.com,no\n").page();

    assertThat(page.rows().getFirst().rowError()).isEqualTo("No content for this message");
    assertThat(page.summary())
        .containsExactly("check you have content for the empty message in 1 row");
  }

  @Test
  void aTextMessageLongerThan918CharactersIsTooLongButAnEmailIsNotChecked() {
    String file = "phone number,name\n07700900123," + "x".repeat(919) + "\n";

    RowErrors page = (RowErrors) smsCheck(file).page();
    assertThat(page.rows().getFirst().rowError()).isEqualTo("Message is too long");
    assertThat(page.summary()).containsExactly("shorten the message in 1 row");
    assertThat(
            check(
                    email("Hi", "((name))"),
                    LIVE,
                    "email address,name\na@b.com," + "x".repeat(3_000_000) + "\n")
                .ok())
        .isTrue();
  }

  @Test
  void onlyTheFirstRowsWithErrorsAreKept() {
    StringBuilder file = new StringBuilder("phone number,name\n");
    for (int i = 0; i < 60; i++) {
      file.append("123,Ann\n");
    }

    RowErrors page = (RowErrors) smsCheck(file.toString()).page();
    assertThat(page.rows()).hasSize(50);
    assertThat(page.summary()).containsExactly("fix 60 phone numbers");
    assertThat(page.footnote()).isEqualTo("Only showing the first 50 rows with errors");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A Person|1 Street|||Address must be at least 3 lines long",
        "A Person|1 Street|Town|NOWHERE|Last line of the address must be a real UK postcode",
        "A Person|1 Street|Town|France|You do not have permission to send letters to other countries",
        "(A Person|1 Street|Town|SW1A 1AA|Address lines must not start with any of the following characters: @ ( ) = [ ] \" \\ / , < > ~",
        "No fixed abode|1 Street|Town|SW1A 1AA|This is not a real address",
        "...|1 Street|Town|SW1A 1AA|The first 2 lines of the address must both include at least one alphanumeric character",
      })
  void lettersHaveTheirAddressCheckedAsAWhole(
      String line1, String line2, String line3, String postcode, String message) {
    List<String> cells = new ArrayList<>(Arrays.asList(line1, line2, line3, postcode));
    cells.replaceAll(cell -> cell == null ? "" : "\"" + cell.replace("\"", "\"\"") + "\"");
    String file =
        "address line 1,address line 2,address line 3,postcode\n" + String.join(",", cells) + "\n";

    RowErrors page = (RowErrors) check(letter("Hello"), LIVE, file).page();
    assertThat(page.rows().getFirst().rowError()).isEqualTo(message);
    assertThat(page.summary()).containsExactly("fix 1 address");
  }

  @Test
  void internationalLettersNeedThePermission() {
    ServiceFacts facts = new ServiceFacts(false, List.of(), false, false, true, 10, 10);
    String file = "address line 1,address line 2,address line 3\nA Person,1 Rue,France\n";

    assertThat(check(letter("Hello"), facts, file).ok()).isTrue();
    assertThat(
            ((RowErrors)
                    check(
                            letter("Hello"),
                            facts,
                            "address line 1,address line 2,address line 3\nA,1 Street,Nowhere\n")
                        .page())
                .rows()
                .getFirst()
                .rowError())
        .isEqualTo("Last line of the address must be a UK postcode or another country");
  }

  @Test
  void aLetterWithATooLongQrCodeIsAnError() {
    String file =
        "address line 1,address line 2,postcode,link\nA Person,1 Street,SW1A 1AA,"
            + "x".repeat(600)
            + "\n";

    RowErrors page = (RowErrors) check(letter("qr: ((link))"), LIVE, file).page();
    assertThat(page.rows().getFirst().rowError())
        .isEqualTo("Cannot create a usable QR code - the link is too long");
    assertThat(page.summary())
        .containsExactly("enter fewer characters for the QR code links in 1 row");
  }

  @Test
  void inTrialModeEveryRecipientMustBeInTheTeam() {
    ServiceFacts trial =
        new ServiceFacts(
            true, List.of("+44 7700 900123", "Me@Example.com"), false, false, false, 50, 0);

    assertThat(check(sms("Hi"), trial, "phone number\n07700900123\n").ok()).isTrue();
    assertThat(check(sms("Hi"), trial, "phone number\n07700900123\n07700900456\n").page())
        .isEqualTo(
            new FileProblem(
                FileBanner.TRIAL_RECIPIENTS, "You cannot send to these phone numbers", 0, 0));
    assertThat(check(email("Hi", "Hi"), trial, "email address\nme@example.COM\n").ok()).isTrue();
    assertThat(check(email("Hi", "Hi"), trial, "email address\nyou@example.com\n").page())
        .isEqualTo(
            new FileProblem(
                FileBanner.TRIAL_RECIPIENTS, "You cannot send to this email address", 0, 0));
    assertThat(
            check(letter("Hi"), trial, "address line 1,address line 2,postcode\nA,B,SW1A 1AA\n")
                .page())
        .isEqualTo(
            new FileProblem(FileBanner.TRIAL_LETTERS, "You cannot send these letters", 0, 0));
  }

  @Test
  void theDailyLimitsApplyToTheWholeFile() {
    ServiceFacts one = new ServiceFacts(false, List.of(), true, false, false, 1, 10);
    ServiceFacts noInternational = new ServiceFacts(false, List.of(), true, false, false, 10, 0);

    assertThat(check(sms("Hi"), one, "phone number\n07700900123\n07700900456\n").page())
        .isEqualTo(new FileProblem(FileBanner.DAILY_LIMIT, "Too many recipients", 1, 2));
    assertThat(check(sms("Hi"), noInternational, "phone number\n+33 6 12 34 56 78\n").page())
        .isEqualTo(
            new FileProblem(
                FileBanner.INTERNATIONAL_LIMIT, "Too many international phone numbers", 0, 1));
  }

  @Test
  void rowsAreReadAgainForProcessingWithTheirPersonalisationAndReference() {
    RecipientSheet sheet =
        new RecipientSheet(
            sms("Hi ((Name)) ((list))"), ServiceFacts.unrestricted(), SheetLimits.DEFAULT);
    List<JobRow> rows = new ArrayList<>();
    String file =
        "Phone Number,NAME,Reference,list,list,other,\n07700900123,Ann,ref-1,a,b,x,extra,more\n123,Bob,,a,b,x\n";

    assertThat(sheet.forEachValidRow("people.csv", csv(file), rows::add)).isEqualTo(1);
    assertThat(rows).hasSize(1);
    JobRow row = rows.getFirst();
    assertThat(row.index()).isZero();
    assertThat(row.recipient()).isEqualTo("07700900123");
    assertThat(row.reference()).isEqualTo("ref-1");
    assertThat(row.personalisation())
        .containsExactly(
            Map.entry("Phone Number", "07700900123"),
            Map.entry("NAME", "Ann"),
            Map.entry("list", List.of("a", "b")));
  }

  @Test
  void processingRefusesAFileWhoseColumnsDoNotFit() {
    RecipientSheet sheet = new RecipientSheet(sms("Hi ((name))"), LIVE, SheetLimits.DEFAULT);

    assertThatThrownBy(
            () ->
                sheet.forEachValidRow("people.csv", csv("phone number\n07700900123\n"), row -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void cellsBeyondTheHeaderAreKeptApartAndUnused() {
    ReadyToSend page = (ReadyToSend) smsCheck("phone number,name\n07700900123,Ann,extra\n").page();

    assertThat(page.rows().getFirst().unheaded()).containsExactly("extra");
  }

  @Test
  void aWorkbookIsCheckedLikeACsv() {
    SheetCheck check =
        new RecipientSheet(sms("Hi ((name))"), LIVE, SheetLimits.DEFAULT)
            .check("people.xlsx", Workbooks.recipients(true));

    assertThat(check.ok()).as("%s", check.page()).isTrue();
    assertThat(check.rowCount()).isEqualTo(3);
  }
}
