package kz.adal.bank;

/**
 * Something in an uploaded file that was not imported.
 *
 * @param line       1-based line in the file, 0 when the problem is about the whole file
 * @param itemNumber 1-based position of the question in the file, 0 when not about one question
 * @param code       stable machine code, e.g. {@code OPTION_COUNT}; the list is in docs/bank-formats.md
 * @param message    English explanation for the author
 */
public record ImportProblem(int line, int itemNumber, String code, String message) {
}
