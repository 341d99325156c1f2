package kz.adal.bank.format;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flattens the simple HTML Moodle stores in question text to the plain Unicode text Adal keeps.
 * Paragraphs and line breaks become newlines, {@code <sup>}/{@code <sub>} digits become superscript
 * and subscript characters (so x<sup>2</sup> stays x², not x2), other tags are dropped and
 * entities decoded. Content that cannot survive this (images, embedded files, media, tables,
 * formulas in MathML) is refused so that no question loses its figure silently.
 */
final class HtmlText {
    private static final Pattern REFUSED = Pattern.compile(
            "<\\s*(img|video|audio|iframe|object|embed|table|math|svg|canvas)\\b|@@PLUGINFILE@@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAK = Pattern.compile(
            "<\\s*br\\s*/?\\s*>|<\\s*/\\s*(p|div|li|h[1-6]|pre|blockquote)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUP = Pattern.compile("<\\s*sup\\s*>(.*?)<\\s*/\\s*sup\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SUB = Pattern.compile("<\\s*sub\\s*>(.*?)<\\s*/\\s*sub\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "ndash", "\u2013", "mdash", "\u2014", "laquo", "\u00ab", "raquo", "\u00bb");
    private static final String SUP_FROM = "0123456789+-=()n";
    private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ";
    private static final String SUB_FROM = "0123456789+-=()";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";

    private HtmlText() {
    }

    /** Formatting that survives as text: line structure, emphasis (its words kept), sub- and superscripts. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("p", "div", "span", "br", "b", "i", "em", "strong", "u",
            "s", "small", "sub", "sup", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "font");
    private static final Pattern TAG_NAME = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)");

    /** Why the HTML cannot be imported as plain text, or null when it can. */
    static String refusal(String html) {
        Matcher m = REFUSED.matcher(html);
        if (!m.find()) {
            Matcher t = TAG_NAME.matcher(html);
            while (t.find()) {
                String name = t.group(1).toLowerCase(Locale.ROOT);
                if (!KEPT.contains(name)) {
                    return "The text contains <" + name + ">, which is not imported (only paragraphs, line breaks,"
                            + " emphasis, code, lists and sub- and superscripts are). Rewrite it or add the question by hand.";
                }
            }
            return null;
        }
        String what = m.group(1) == null ? "an embedded file" : "<" + m.group(1).toLowerCase(Locale.ROOT) + ">";
        return "The text contains " + what + "; images, media, tables and embedded files are not"
                + " imported. Describe the content in words or add the question by hand.";
    }

    static String toPlain(String html) {
        String s = html.replace('\n', ' ').replace('\t', ' ');
        s = BREAK.matcher(s).replaceAll("\n");
        s = replaceScripts(s, SUP, SUP_FROM, SUP_TO, "^");
        s = replaceScripts(s, SUB, SUB_FROM, SUB_TO, "_");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        StringBuilder out = new StringBuilder();
        boolean pendingBlank = false;
        for (String line : s.split("\n", -1)) {
            String l = line.replace('\u00a0', ' ').replaceAll(" {2,}", " ").strip();
            if (l.isEmpty()) {
                pendingBlank = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(pendingBlank ? "\n\n" : "\n");
            }
            out.append(l);
            pendingBlank = false;
        }
        return out.toString();
    }

    private static String replaceScripts(String s, Pattern p, String from, String to, String fallback) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = decodeEntities(TAG.matcher(m.group(1)).replaceAll("")).strip();
            StringBuilder mapped = new StringBuilder();
            for (char c : inner.toCharArray()) {
                int i = from.indexOf(c);
                if (i < 0) {
                    mapped = null;
                    break;
                }
                mapped.append(to.charAt(i));
            }
            String replacement = mapped != null ? mapped.toString() : fallback + "(" + inner + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(escapeForLaterDecoding(replacement)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // Text already decoded must survive the later entity pass and tag strip unchanged.
    private static String escapeForLaterDecoding(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = codePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                value = codePoint(Integer.parseInt(name.substring(1)));
            } else {
                value = NAMED.get(name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
    }
}
