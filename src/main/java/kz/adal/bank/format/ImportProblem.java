package kz.adal.bank.format;

/**
 * Something in an uploaded file that was not imported.
 *
 * @param line       1-based line in the file, 0 when the problem is about the whole file
 * @param itemNumber 1-based position of the question in the file, 0 when not about one question
 * @param code       stable machine code, e.g. {@code OPTION_COUNT}; the list is in docs/bank-formats.md
 * @param message    explanation for the author: English where it is made, the catalogue's sentence for the
 *                   code ({@code problem.CODE}) once {@link #in} words it for a kk or ru reader
 */
public record ImportProblem(int line, int itemNumber, String code, String message) {
    /** The same problem as a reader of {@code lang} reads it. */
    public ImportProblem in(String lang) {
        if ("en".equals(lang)) return this;
        String own = kz.adal.platform.Texts.problem(lang, code);
        return own == null ? this : new ImportProblem(line, itemNumber, code, own);
    }

    /** The file's problems as a reader of {@code lang} reads them. */
    public static ImportPreview in(ImportPreview p, String lang) {
        return new ImportPreview(p.format(), p.questions(), p.problems().stream().map(x -> x.in(lang)).toList());
    }
}
