package kz.adal.bank;

import java.util.Objects;

/** One answer option of a question as read from a file or typed by an author. */
public record OptionDraft(String text, boolean correct) {
    public OptionDraft {
        Objects.requireNonNull(text, "text");
    }
}
