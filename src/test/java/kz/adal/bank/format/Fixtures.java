package kz.adal.bank.format;

import kz.adal.bank.Difficulty;
import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures from src/test/resources/bank and small builders. */
public final class Fixtures {
    /** A 1×1 PNG, as Moodle XML embeds an image. */
    public static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bank/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static QuestionDraft question(String stem, Difficulty difficulty, String topic, int... correct) {
        String[] texts = {"first", "second", "third", "fourth", "fifth"};
        List<OptionDraft> options = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            boolean isCorrect = false;
            for (int c : correct) {
                isCorrect |= c == i;
            }
            options.add(new OptionDraft(texts[i] + " option", isCorrect));
        }
        return new QuestionDraft(stem, options, difficulty, topic, 0);
    }

    static List<String> codes(ImportPreview preview) {
        return preview.problems().stream().map(ImportProblem::code).toList();
    }
}
