package kz.adal.bank.format;

import kz.adal.bank.QuestionDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an uploaded question file into a preview: the questions that meet the rules and one
 * problem per item (or per file) that does not. Nothing is stored here; a bad item is skipped and
 * reported while the others still parse. Formats and markers are described in docs/bank-formats.md.
 */
public final class QuestionImporter {

    public ImportPreview parse(byte[] content, BankFormat format, ImportOptions options) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        if (content.length > options.maxBytes()) {
            return tooLarge(format, options);
        }
        TextDecoding.Result decoded = TextDecoding.decode(content);
        if (decoded.problem() != null) {
            return new ImportPreview(format, List.of(), List.of(decoded.problem()));
        }
        List<QuestionDraft> questions = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        switch (format) {
            case AIKEN -> AikenFormat.read(decoded.text(), options, questions, problems);
            case GIFT -> GiftFormat.read(decoded.text(), options, questions, problems);
            case MOODLE_XML -> MoodleXmlFormat.read(decoded.text(), options, questions, problems);
        }
        return new ImportPreview(format, questions, problems);
    }

    /**
     * Reads at most {@code maxBytes + 1} bytes from the stream, so an oversized upload is refused
     * without being read to its end. The caller closes the stream.
     */
    public ImportPreview parse(InputStream content, BankFormat format, ImportOptions options) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        try {
            long limit = Math.min(options.maxBytes(), Integer.MAX_VALUE - 16L);
            byte[] head = content.readNBytes((int) limit + 1);
            if (head.length > options.maxBytes()) {
                return tooLarge(format, options);
            }
            return parse(head, format, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the uploaded question file failed", e);
        }
    }

    private static ImportPreview tooLarge(BankFormat format, ImportOptions options) {
        return new ImportPreview(format, List.of(), List.of(new ImportProblem(0, 0, "FILE_TOO_LARGE",
                "The file is larger than " + describe(options.maxBytes()) + "; split it into smaller files.")));
    }

    private static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
