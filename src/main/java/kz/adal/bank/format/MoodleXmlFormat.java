package kz.adal.bank.format;

import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;

/**
 * Moodle XML ({@code <quiz><question type="...">}), multichoice questions only.
 *
 * <p>Security: a DOCTYPE anywhere refuses the whole file. DTD support is off, external entities
 * and external DTD access are off and the resolver refuses every fetch, so nothing is expanded or
 * fetched even before the refusal; the parser is the JDK's own StAX, not whatever is on the class path.
 */
final class MoodleXmlFormat {
    private MoodleXmlFormat() {
    }

    /** A parsed element: enough of a tree for one {@code <question>}. */
    /**
     * @param markup the element's content as written (text escaped, child elements as tags), so that
     *               inline markup written as XML elements ({@code <text>H<sub>2</sub>O</text>}) keeps its place
     */
    private record Node(String name, Map<String, String> attributes, StringBuilder text, StringBuilder markup, List<Node> children, int line) {
        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** Text of the {@code <text>} child, or "" when absent. */
        String textChild() {
            Node t = child("text");
            return t == null ? "" : t.text.toString();
        }
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are not fetched");
        });
        return f;
    }

    static void read(String text, ImportOptions settings, List<QuestionDraft> out, List<ImportProblem> problems) {
        List<QuestionDraft> questions = new ArrayList<>();
        List<ImportProblem> itemProblems = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = safeFactory().createXMLStreamReader(new StringReader(text));
            String categoryTopic = null;
            int items = 0;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    // Refused outright: a question bank never needs a DTD, and entities are the XXE vector.
                    problems.add(new ImportProblem(reader.getLocation().getLineNumber(), 0, "XML_DOCTYPE_FORBIDDEN",
                            "The file declares a DOCTYPE; DOCTYPE and entity declarations are not accepted."
                                    + " Remove the <!DOCTYPE ...> and upload again."));
                    return;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 0 && !reader.getLocalName().equals("quiz")) {
                        problems.add(new ImportProblem(reader.getLocation().getLineNumber(), 0, "MALFORMED",
                                "The root element is <" + reader.getLocalName() + ">; a Moodle XML file starts with <quiz>."));
                        return;
                    }
                    if (depth == 1) {
                        Node element = readElement(reader);
                        if (element.name.equals("question")) {
                            String type = element.attributes.getOrDefault("type", "");
                            if (type.equals("category")) {
                                Node category = element.child("category");
                                categoryTopic = category == null ? null : MoodleCategories.topic(category.textChild());
                            } else {
                                ItemBuilder item = new ItemBuilder(element.line, ++items);
                                readQuestion(element, type, item);
                                QuestionDraft draft = item.finish(settings, categoryTopic, itemProblems);
                                if (draft != null) {
                                    questions.add(draft);
                                }
                            }
                        }
                        continue; // readElement consumed the end tag
                    }
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            // The parser's own wording can quote the document; keep only our sentence plus its reason line.
            problems.add(new ImportProblem(Math.max(line, 0), 0, "MALFORMED",
                    "The XML is not well-formed near line " + line + ": " + reasonOf(e)));
            return;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string source
                }
            }
        }
        out.addAll(questions);
        problems.addAll(itemProblems);
    }

    private static String reasonOf(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = at >= 0 ? message.substring(at + 9) : message;
        reason = reason.strip();
        return reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
    }

    /** Reads the element the reader is positioned on, with its subtree, up to and including its end tag. */
    private static Node readElement(XMLStreamReader reader) throws XMLStreamException {
        Map<String, String> attributes = new HashMap<>();
        for (int a = 0; a < reader.getAttributeCount(); a++) {
            attributes.put(reader.getAttributeLocalName(a), reader.getAttributeValue(a));
        }
        Node node = new Node(reader.getLocalName(), attributes, new StringBuilder(), new StringBuilder(), new ArrayList<>(),
                reader.getLocation().getLineNumber());
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Node child = readElement(reader);
                    node.children.add(child);
                    node.markup.append('<').append(child.name).append('>').append(child.markup).append("</").append(child.name).append('>');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    node.text.append(reader.getText());
                    node.markup.append(reader.getText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> { }
            }
        }
        throw new XMLStreamException("Unexpected end of document inside <" + node.name + ">", reader.getLocation());
    }

    private static void readQuestion(Node question, String type, ItemBuilder item) {
        if (!type.equals("multichoice")) {
            item.problem("UNSUPPORTED_TYPE", "Question type '" + (type.isEmpty() ? "(none)" : type)
                    + "' is not imported; only multichoice questions with 5 options (001 §7.6).");
            return;
        }
        Node questionText = question.child("questiontext");
        if (questionText == null) {
            item.problem("MALFORMED", "The question has no <questiontext>.");
            return;
        }
        String stem = text(questionText, item, true);
        if (stem == null) {
            return;
        }
        item.stem = stem;
        for (Node answer : question.all("answer")) {
            String fraction = answer.attributes.getOrDefault("fraction", "0").strip();
            double value;
            try {
                value = Double.parseDouble(fraction);
            } catch (NumberFormatException e) {
                item.problem("MALFORMED", "An answer has fraction '" + fraction + "', not a number.");
                return;
            }
            if (!answer.all("file").isEmpty() || answer.textChild().contains(PLUGINFILE)) {
                item.problem("UNSUPPORTED_CONTENT", "An answer has an image or an embedded file; only the question text"
                        + " may have an image. Describe the option in words.");
                return;
            }
            String optionText = text(answer, item, false);
            if (optionText == null) {
                return;
            }
            item.options.add(new OptionDraft(optionText, value > 0)); // fraction > 0 = correct
        }
        Node tags = question.child("tags");
        if (tags != null) {
            for (Node tag : tags.all("tag")) {
                item.tag(tag.textChild());
            }
        }
    }

    private static final String PLUGINFILE = "@@PLUGINFILE@@";
    private static final Pattern PLUGIN_IMAGE = Pattern.compile(
            "<\\s*img\\b[^>]*\\bsrc\\s*=\\s*[\"']@@PLUGINFILE@@/([^\"']+)[\"'][^>]*>", Pattern.CASE_INSENSITIVE);

    /**
     * Plain text of a Moodle text field: HTML flattened (see {@link HtmlText}), other formats kept.
     * Inline markup written as XML elements inside {@code <text>} is read as HTML, not dropped. A
     * question text may carry one image embedded as a {@code <file>}: it becomes the question's image.
     * Null (with a named problem) when the field can't be imported faithfully.
     */
    private static String text(Node field, ItemBuilder item, boolean mayHaveImage) {
        Node textNode = field.child("text");
        boolean nested = textNode != null && !textNode.children.isEmpty();
        String raw = nested ? textNode.markup.toString() : field.textChild();
        String format = field.attributes.getOrDefault("format", "");
        if (mayHaveImage && (raw.contains(PLUGINFILE) || !field.all("file").isEmpty())) {
            raw = takeImage(field, raw, item);
            if (raw == null) {
                return null;
            }
        }
        if (format.equals("html") || nested) {
            String refusal = HtmlText.refusal(raw);
            if (refusal != null) {
                item.problem("UNSUPPORTED_CONTENT", refusal);
                return null;
            }
            return HtmlText.toPlain(raw);
        }
        return raw.strip();
    }

    /** Moves the one embedded image of a question text to the question; the text without its {@code <img>}, or null. */
    private static String takeImage(Node field, String raw, ItemBuilder item) {
        Matcher m = PLUGIN_IMAGE.matcher(raw);
        List<String> referenced = new ArrayList<>();
        while (m.find()) referenced.add(m.group(1));
        List<Node> files = field.all("file");
        if (referenced.size() == 1 && files.isEmpty()) {
            item.problem("UNSUPPORTED_CONTENT", "The question text shows the image '" + QuestionDraft.excerpt(referenced.get(0))
                    + "' but the file does not carry it; export the questions with their files included.");
            return null;
        }
        if (referenced.size() != 1 || files.size() != 1 || raw.replaceAll(PLUGIN_IMAGE.pattern(), "").contains(PLUGINFILE)) {
            item.problem("UNSUPPORTED_CONTENT", "The question text has " + Math.max(referenced.size(), files.size())
                    + " embedded files; one image per question is imported. Split the figure or add it by hand.");
            return null;
        }
        Node file = files.get(0);
        String name = java.net.URLDecoder.decode(referenced.get(0), java.nio.charset.StandardCharsets.UTF_8);
        if (!name.equals(file.attributes.getOrDefault("name", ""))) {
            item.problem("UNSUPPORTED_CONTENT", "The question text shows '" + QuestionDraft.excerpt(name)
                    + "' but the embedded file is '" + QuestionDraft.excerpt(file.attributes.getOrDefault("name", "")) + "'.");
            return null;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getMimeDecoder().decode(file.text.toString().strip());
        } catch (IllegalArgumentException e) {
            item.problem("UNSUPPORTED_CONTENT", "The embedded file '" + QuestionDraft.excerpt(name) + "' is not valid base64.");
            return null;
        }
        String type = ImageSniffer.type(bytes);
        if (type == null) {
            item.problem("UNSUPPORTED_CONTENT", "The embedded file '" + QuestionDraft.excerpt(name)
                    + "' is not a PNG, JPEG, GIF or WebP image.");
            return null;
        }
        if (bytes.length > ImageSniffer.MAX_IMAGE_BYTES) {
            item.problem("UNSUPPORTED_CONTENT", "The image '" + QuestionDraft.excerpt(name) + "' is larger than 2 MB.");
            return null;
        }
        item.image(bytes, type);
        return PLUGIN_IMAGE.matcher(raw).replaceAll("");
    }

    static byte[] write(List<QuestionDraft> questions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("quiz");
            for (int q = 0; q < questions.size(); q++) {
                QuestionDraft question = questions.get(q);
                QuestionExporter.requireText(question, q);
                requireXmlChars(question, q);
                long correct = question.correctCount();
                int n = question.options().size();
                String stem = question.stem().strip();
                w.writeCharacters("\n  ");
                w.writeStartElement("question");
                w.writeAttribute("type", "multichoice");
                element(w, 2, "name", QuestionDraft.excerpt(stem), null);
                if (question.image() == null) {
                    element(w, 2, "questiontext", stem, "plain_text");
                } else {
                    questionTextWithImage(w, stem, question.image(), question.imageType(), q + 1);
                }
                simple(w, "defaultgrade", "1");
                simple(w, "penalty", "0");
                simple(w, "hidden", "0");
                simple(w, "single", correct == 1 ? "true" : "false");
                simple(w, "shuffleanswers", "true");
                simple(w, "answernumbering", "abc");
                for (OptionDraft option : question.options()) {
                    String fraction = correct == 1
                            ? (option.correct() ? "100" : "0")
                            : option.correct() ? share(100, correct) : share(-100, n - correct);
                    w.writeCharacters("\n    ");
                    w.writeStartElement("answer");
                    w.writeAttribute("fraction", fraction);
                    w.writeAttribute("format", "plain_text");
                    w.writeStartElement("text");
                    w.writeCharacters(option.text().strip());
                    w.writeEndElement();
                    w.writeEndElement();
                }
                List<String> tags = new ArrayList<>();
                if (question.difficulty() != null) {
                    tags.add("difficulty:" + question.difficulty().word());
                }
                if (question.topic() != null) {
                    tags.add("topic:" + question.topic().strip());
                }
                if (!tags.isEmpty()) {
                    w.writeCharacters("\n    ");
                    w.writeStartElement("tags");
                    for (String tag : tags) {
                        w.writeCharacters("\n      ");
                        w.writeStartElement("tag");
                        w.writeStartElement("text");
                        w.writeCharacters(tag);
                        w.writeEndElement();
                        w.writeEndElement();
                    }
                    w.writeCharacters("\n    ");
                    w.writeEndElement();
                }
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing Moodle XML failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A question with an image as Moodle exports one: the text as HTML with {@code <img src="@@PLUGINFILE@@/name">} and
     * the bytes in a {@code <file encoding="base64">} of the question text. The stem is escaped, its line breaks become
     * {@code <br>} and its sub- and superscript digits {@code <sub>}/{@code <sup>} (what the importer reads back into the
     * same characters, {@link HtmlText}), so Moodle shows the formula and re-importing gives the same stem.
     */
    private static void questionTextWithImage(XMLStreamWriter w, String stem, byte[] image, String imageType, int number)
            throws XMLStreamException {
        String name = "question-" + number + "." + extension(imageType);
        String html = "<p>" + scriptsToHtml(escapeHtml(stem)).replace("\r\n", "\n").replace("\n", "<br>") + "</p>"
                + "<p><img src=\"" + PLUGINFILE + "/" + name + "\" alt=\"\"></p>";
        w.writeCharacters("\n    ");
        w.writeStartElement("questiontext");
        w.writeAttribute("format", "html");
        w.writeStartElement("text");
        w.writeCData(html);
        w.writeEndElement();
        w.writeStartElement("file");
        w.writeAttribute("name", name);
        w.writeAttribute("path", "/");
        w.writeAttribute("encoding", "base64");
        w.writeCharacters(java.util.Base64.getEncoder().encodeToString(image));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static String extension(String imageType) {
        if (imageType == null) return "png";
        return switch (imageType) {
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "png";
        };
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String SUP_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ";
    private static final String SUP_PLAIN = "0123456789+-=()n";
    private static final String SUB_CHARS = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";
    private static final String SUB_PLAIN = "0123456789+-=()";

    /** Runs of superscript/subscript characters as {@code <sup>}/{@code <sub>} (the inverse of the importer's mapping). */
    static String scriptsToHtml(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String from = SUP_CHARS.indexOf(c) >= 0 ? SUP_CHARS : SUB_CHARS.indexOf(c) >= 0 ? SUB_CHARS : null;
            if (from == null) {
                out.append(c);
                i++;
                continue;
            }
            String to = from == SUP_CHARS ? SUP_PLAIN : SUB_PLAIN;
            String tag = from == SUP_CHARS ? "sup" : "sub";
            out.append('<').append(tag).append('>');
            while (i < s.length() && from.indexOf(s.charAt(i)) >= 0) {
                out.append(to.charAt(from.indexOf(s.charAt(i))));
                i++;
            }
            out.append("</").append(tag).append('>');
        }
        return out.toString();
    }

    private static void simple(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, int indent, String name, String text, String format)
            throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(indent));
        w.writeStartElement(name);
        if (format != null) {
            w.writeAttribute("format", format);
        }
        w.writeStartElement("text");
        w.writeCharacters(text);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static String share(int total, long parts) {
        if (parts == 0) {
            return "0";
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(parts), 7, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static void requireXmlChars(QuestionDraft question, int index) {
        List<String> texts = new ArrayList<>();
        texts.add(question.stem());
        question.options().forEach(o -> texts.add(o.text()));
        if (question.topic() != null) {
            texts.add(question.topic());
        }
        for (String t : texts) {
            for (int p = 0; p < t.length(); p++) {
                char c = t.charAt(p);
                boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (Character.isHighSurrogate(c) && p + 1 < t.length() && Character.isLowSurrogate(t.charAt(++p)));
                if (!allowed) {
                    throw new BankExportException("XML_UNREPRESENTABLE_TEXT", index, String.format(
                            "contains the control character U+%04X, which XML 1.0 cannot hold.", (int) c));
                }
            }
        }
    }
}
