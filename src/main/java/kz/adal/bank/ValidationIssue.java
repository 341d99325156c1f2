package kz.adal.bank;

/**
 * One reason a bank is not ready.
 *
 * @param code          stable machine code, e.g. {@code DUPLICATE_STEM}
 * @param questionIndex 0-based index in the validated list, null for bank-level issues
 */
public record ValidationIssue(String code, String message, Integer questionIndex) {
}
