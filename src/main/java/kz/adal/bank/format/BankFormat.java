package kz.adal.bank.format;

/** Question-bank file formats Adal reads and writes; see docs/bank-formats.md. */
public enum BankFormat {
    /** Moodle's Aiken text format, the template of 004 form 05: one correct answer per question. */
    AIKEN,
    /** Moodle's GIFT text format, multiple-choice subset (single and multiple response). */
    GIFT,
    /** Moodle XML question export, multichoice questions only. */
    MOODLE_XML
}
