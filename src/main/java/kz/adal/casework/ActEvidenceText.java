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
        r.problemReports().forEach(n -> out.add(w.t("act.evidence.studentReported", w.at(n.at()), n.text())));
        r.errors().forEach(n -> out.add(w.t("act.evidence.error", w.at(n.at()), error(w, n.text()))));
        out.add(w.t("act.evidence.timeLost", String.valueOf(r.lostSeconds())));
        return out;
    }

    private static String interval(Wording w, String key, ActDraft.Interval i) {
        return w.t(key, w.at(i.from()), w.at(i.to()), String.valueOf(i.seconds()), what(w, i.what()))
                + (i.open() ? " " + w.t("act.evidence.notRestored") : "");
    }

    /** "connection + network", "camera": each channel by its name. */
    static String what(Wording w, String what) {
        if (what == null) return "—";
        return Arrays.stream(what.split(" \\+ ")).map(x -> named(w, "act.what." + x.strip(), x)).collect(Collectors.joining(", "));
    }

    /**
     * The error notes are drafted in a fixed form (ActDraft): "camera stopped", "screen recording stopped:
     * reason", "the attempt's time ran out", "kind: error". Each form has its sentence in the bundle; the
     * device or track is named there too. A technical error text from the browser stays as it came.
     */
    static String error(Wording w, String note) {
        if (note == null) return "—";
        if (note.equals("the attempt's time ran out")) return w.t("act.evidence.timeRanOut");
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
