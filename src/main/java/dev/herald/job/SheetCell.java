package dev.herald.job;

/**
 * One column's cell of a row as the check page shows it.
 *
 * @param column the column's name as written in the header
 * @param value the cleaned text, null when the cell is empty (values of a repeated column name
 *     joined with ", ")
 * @param error Notify's label for the cell ({@code Missing}, {@code Not a valid email address}, …),
 *     or null
 * @param ignored whether the column is neither a recipient column nor a placeholder (shown greyed)
 */
public record SheetCell(String column, String value, String error, boolean ignored) {}
