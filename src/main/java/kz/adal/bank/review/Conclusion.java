package kz.adal.bank.review;

/** An expert's conclusion on a bank version (001 §5.26): fit for testing, or not. */
public enum Conclusion { FIT, NOT_FIT }
