package kz.adal.exam;

import kz.adal.identity.People.Person;

import java.util.Set;
import java.util.TreeSet;

/** The exam's language of instruction: its group's (001 §5.23.5), which its official documents are printed in. */
public final class ExamLanguage {
    private ExamLanguage() {
    }

    /** kk, ru or en; null when the group is empty or mixed (the institution's language then). */
    public static String of(Exam exam) {
        if (exam == null || exam.groupCode == null) return null;
        Set<String> langs = new TreeSet<>();
        for (Person s : ExamService.groupStudents(exam.groupCode)) if (s.instructionLanguage() != null) langs.add(s.instructionLanguage());
        return langs.size() == 1 ? langs.iterator().next() : null;
    }
}
