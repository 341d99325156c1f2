package kz.adal.attempt;

import kz.adal.bank.BankCatalog;

import java.util.List;

/**
 * The student's paper. Options are in the attempt's shuffled order and indices are display places;
 * nothing here says which option is correct (the server maps display places to bank options).
 *
 * @param lastSeq the highest answer sequence number the server holds: a browser continues from it
 */
public record PaperView(AttemptView attempt, long lastSeq, String referenceMaterials,
                        List<BankCatalog.MaterialRef> materials, List<Item> questions) {

    /**
     * @param choice "single" (one option to choose) or "multiple" (choose one or more): the question's
     *               format as the author set it, not which options are correct
     */
    public record Item(int position, String stem, boolean hasImage, String choice, List<String> options,
                       List<Integer> selected, boolean marked, long seq) {
    }
}
