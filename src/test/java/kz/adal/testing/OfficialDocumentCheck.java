package kz.adal.testing;

import kz.adal.platform.OfficialDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads an official PDF as a person would (PDFBox's text extraction) and fails on what a Kazakh
 * commission would not sign (issue 15): an English sentence in a kk/ru document, a raw code, {@code null},
 * an ISO timestamp, a text key that was never translated, a Kazakh letter lost on the way.
 *
 * <p>With {@code -Dadal.documents.screenshots=<dir>} it also renders page 1 of each checked kk
 * document to {@code <dir>/<name>-kk.png} (the screenshots in docs/documents).
 */
public final class OfficialDocumentCheck {
    /** Every Kazakh letter that Russian does not have, both cases. */
    public static final String KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
    /** A title carrying every Kazakh letter, to be put where the document prints the subject. */
    public static final String KAZAKH_PANGRAM = "Әліппе: Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі";

    private static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z]{4,}\\b");
    private static final Pattern DOTTED_KEY = Pattern.compile("\\b[a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+\\b");
    private static final Pattern NULL = Pattern.compile("\\b(?:null|undefined|NaN)\\b");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d|T\\d{2}:\\d{2}|\\d{2}:\\d{2}Z");

    private OfficialDocumentCheck() {
    }

    public static String text(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a kk or ru document and returns its text. {@code data} are the values the test put in
     * (names, logins, titles, hashes): they may be in any script and are removed before the checks.
     */
    public static String check(String name, byte[] pdf, String lang, List<String> data) {
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"), name + ": a PDF");
        String text = text(pdf);
        String rest = text;
        List<String> sorted = new ArrayList<>(data);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String d : sorted) if (d != null && !d.isBlank()) rest = rest.replace(d, " ");
        // a long value may wrap inside a table cell: take the data out line by line too
        for (String d : sorted) if (d != null && d.length() > 8) for (String part : d.split("\\s+")) if (part.length() > 3) rest = rest.replace(part, " ");
        // fixed technical notations a document may print in any language
        for (String ok : List.of("SHA-256", "docs/oral-exam.md", "Adal", "seed", "sittingId", "studentId", "mod", "GPA")) rest = rest.replace(ok, " ");
        List<String> problems = new ArrayList<>();
        if (lang.equals("kk") || lang.equals("ru")) find(SENTENCE, rest, "English words", problems);
        find(SNAKE, rest, "raw code", problems);
        find(UPPER_WORD, rest, "raw code", problems);
        find(DOTTED_KEY, rest, "untranslated key or event code", problems);
        find(NULL, rest, "null", problems);
        find(ISO, rest, "ISO timestamp", problems);
        if (lang.equals("kk") || lang.equals("ru")) {
            java.util.Set<String> words = englishWords();
            Matcher w = Pattern.compile("\\b[A-Za-z]{4,}\\b").matcher(rest);
            while (w.find()) if (words.contains(w.group().toLowerCase(java.util.Locale.ROOT))) problems.add("English word: «" + w.group() + "»");
        }
        for (String english : englishPhrases()) {
            if ((lang.equals("kk") || lang.equals("ru")) && rest.contains(english)) problems.add("English template text: " + english);
        }
        if (lang.equals("kk")) {
            String title = OfficialDocuments.in("kk").t(name + ".title");
            if (!title.equals(name + ".title") && !text.contains(title)) problems.add("no Kazakh title " + title);
        }
        if (!problems.isEmpty()) fail(name + " (" + lang + "): " + problems + "\n--- text ---\n" + text);
        if (lang.equals("kk")) screenshot(name, pdf);
        return text;
    }

    /** Every Kazakh letter printed in the document comes back from its text. */
    public static void assertKazakhLettersSurvive(String name, String text) {
        for (char c : KAZAKH_LETTERS.toCharArray()) {
            assertTrue(text.indexOf(c) >= 0, name + ": the letter " + c + " (U+" + Integer.toHexString(c) + ") is lost\n" + text);
        }
    }

    private static void find(Pattern p, String text, String what, List<String> problems) {
        Matcher m = p.matcher(text);
        while (m.find()) problems.add(what + ": «" + m.group() + "»");
    }

    /** The English template's phrases of three words or more (arguments cut out), which no kk/ru document may carry. */
    private static List<String> englishPhrases() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : OfficialDocuments.baseTexts().entrySet()) {
            if (e.getKey().endsWith(".signatories")) continue;
            for (String part : e.getValue().replace("''", "'").split("\\{\\d+}")) {
                String p = part.strip();
                if (p.split("\\s+").length >= 3 && p.matches(".*[a-z]{3,}.*")) out.add(p);
            }
        }
        return out;
    }

    /** The words of the English template (four letters or more). */
    private static java.util.Set<String> englishWords() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String v : OfficialDocuments.baseTexts().values()) {
            Matcher m = Pattern.compile("[A-Za-z]{4,}").matcher(v);
            while (m.find()) out.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        out.removeAll(List.of("adal", "seed", "sittingid", "studentid"));
        return out;
    }

    private static void screenshot(String name, byte[] pdf) {
        String dir = System.getProperty("adal.documents.screenshots");
        if (dir == null || dir.isBlank()) return;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 80, ImageType.RGB);
            Path out = Path.of(dir).resolve(name + "-kk.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
