package kz.adal.casework;

import kz.adal.platform.OfficialDocuments.Wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The act's drafted evidence ({@link ActDraft.Result}) as the act's document and the attempt report print
 * it, in the document's language: every interval with its times in the institution's zone, the student's
 * reports as written, and the errors the page saw. Texts: documents bundle, {@code act.evidence.*}.
 */
final class ActEvidenceText {
    private ActEvidenceText() {
    }

    static List<String> lines(ActDraft.Result r, Wording w) {
        List<String> out = new ArrayList<>();
        r.eventChannel().forEach(i -> out.add(interval(w, "act.evidence.connectionLost", i)));
        r.mediaChannel().forEach(i -> out.add(interval(w, "act.evidence.recordingStopped", i)));
        r.problemReports().forEach(n -> out.add(w.t("act.evidence.studentReported", w.at(n.at()), report(w, n.text()))));
        r.errors().forEach(n -> out.add(w.t("act.evidence.error", w.at(n.at()), error(w, n.text()))));
        out.add(w.t("act.evidence.timeLost", w.duration(r.lostSeconds())));
        return out;
    }

    /**
     * The same evidence with every drafted text in the reader's language (the act's page): the channels by their
     * names, the error notes as sentences; the times stay as they are for the page to show in its own format.
     */
    static ActDraft.Result worded(ActDraft.Result r, Wording w) {
        java.util.function.Function<ActDraft.Interval, ActDraft.Interval> i = x -> new ActDraft.Interval(x.from(), x.to(), x.open(), what(w, x.what()));
        return new ActDraft.Result(r.eventChannel().stream().map(i).toList(), r.mediaChannel().stream().map(i).toList(),
                r.suspended().stream().map(i).toList(),
                r.problemReports().stream().map(n -> new ActDraft.Note(n.at(), report(w, n.text()))).toList(),
                r.errors().stream().map(n -> new ActDraft.Note(n.at(), error(w, n.text()))).toList(), r.lostSeconds());
    }

    private static String interval(Wording w, String key, ActDraft.Interval i) {
        return w.t(key, w.at(i.from()), w.at(i.to()), w.duration(i.seconds()), what(w, i.what()))
                + (i.open() ? " " + w.t("act.evidence.notRestored") : "");
    }

    /** The student's own words, as written; a report without text says so in the document's language. */
    static String report(Wording w, String text) {
        return text == null || text.isBlank() || text.equals(ActDraft.NO_TEXT) ? w.t("act.evidence.noText") : text;
    }

    /**
     * "connection + network", "camera": each channel by its name; an oral answer's lost link ("the student's
     * audio and video did not reach" + who) as the sentence of the act's language.
     */
    static String what(Wording w, String what) {
        if (what == null) return "—";
        return Arrays.stream(what.split(" \\+ ")).map(x -> {
            String part = x.strip();
            if (part.startsWith(ActDraft.ORAL_LINK)) return w.t("act.what.oralLink", part.substring(ActDraft.ORAL_LINK.length()).strip());
            return named(w, "act.what." + part, part);
        }).collect(Collectors.joining(", "));
    }

    /**
     * The error notes are drafted in a fixed form (ActDraft): "camera stopped", "screen recording stopped:
     * reason", "the attempt's time ran out", "kind: error". Each form has its sentence in the bundle; the
     * device or track is named there too. A technical error text from the browser stays as it came.
     */
    static String error(Wording w, String note) {
        if (note == null) return "—";
        if (note.equals("the attempt's time ran out")) return w.t("act.evidence.timeRanOut");
        if (note.equals(ActDraft.ANSWER_PAUSED)) return w.t("act.evidence.answerPaused");
        if (note.startsWith(ActDraft.ANSWER_PAUSED + " (ticket ") && note.endsWith(")")) {
            return w.t("act.evidence.answerPausedTicket", note.substring(ActDraft.ANSWER_PAUSED.length() + 9, note.length() - 1));
        }
        if (note.startsWith(ActDraft.AT_STAGE)) {
            // "at stage ANSWERING, ticket 3: the secretary's note" (the note is the secretary's own words)
            int colon = note.indexOf(": ");
            String head = colon < 0 ? note.substring(ActDraft.AT_STAGE.length()) : note.substring(ActDraft.AT_STAGE.length(), colon);
            String words = colon < 0 ? "" : note.substring(colon + 2);
            int comma = head.indexOf(", ticket ");
            String stage = w.label("TurnStage." + (comma < 0 ? head : head.substring(0, comma)).strip());
            return comma < 0 ? w.t("act.evidence.oralFailure", stage, words)
                    : w.t("act.evidence.oralFailureTicket", stage, head.substring(comma + 9).strip(), words);
        }
        int rec = note.indexOf(" recording stopped: ");
        if (rec > 0) {
            return w.t("act.evidence.trackStopped", named(w, "act.what." + note.substring(0, rec), note.substring(0, rec)),
                    named(w, "act.reason." + note.substring(rec + 20), note.substring(rec + 20)));
        }
        if (note.endsWith(" stopped") && !note.contains(":")) {
            String device = note.substring(0, note.length() - 8);
            return w.t("act.evidence.deviceStopped", named(w, "act.what." + device, device));
        }
        int colon = note.indexOf(": ");
        if (colon > 0) return w.t("act.evidence.pageError", note.substring(colon + 2));
        return note;
    }

    private static String named(Wording w, String key, String raw) {
        String s = w.t(key);
        return s.equals(key) ? raw : s;
    }
}
