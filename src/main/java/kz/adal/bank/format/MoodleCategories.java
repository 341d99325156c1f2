package kz.adal.bank.format;

import java.util.ArrayList;
import java.util.List;

/** Reads a topic from a Moodle question-category path such as {@code $course$/top/week-3}. */
final class MoodleCategories {
    private MoodleCategories() {
    }

    /**
     * The last meaningful segment of the path, or null when the path names only a context
     * ({@code $course$}), the hidden {@code top} category or a Moodle default category.
     */
    static String topic(String path) {
        // Moodle writes a '/' inside a category name as '//'.
        String[] raw = path.replace("//", "\u0000").split("/");
        List<String> segments = new ArrayList<>();
        for (String s : raw) {
            String segment = s.replace('\u0000', '/').strip();
            if (segment.isEmpty() || (segment.startsWith("$") && segment.endsWith("$"))) {
                continue;
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            return null;
        }
        String last = segments.get(segments.size() - 1);
        if (last.equalsIgnoreCase("top") || last.startsWith("Default for ")) {
            return null;
        }
        return last;
    }
}
