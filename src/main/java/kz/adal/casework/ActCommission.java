package kz.adal.casework;

import kz.adal.casework.commission.CommissionSeat;
import kz.adal.casework.commission.ExamCommissions;
import kz.adal.oral.CommissionRole;
import kz.adal.oral.OralCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commission that decides an act: a test exam's commission ({@link ExamCommissions}) or an oral
 * sitting's ({@code oral_commission_member}). {@code voters} are the chair and the members; secretaries
 * draft and sign but do not vote.
 */
public record ActCommission(UUID chairId, List<UUID> voters, List<UUID> secretaries) {

    public static ActCommission ofExam(UUID examId) {
        UUID chair = null;
        List<UUID> voters = new ArrayList<>();
        List<UUID> secretaries = new ArrayList<>();
        for (ExamCommissions.Member s : ExamCommissions.of(examId)) {
            switch (s.seat()) {
                case CHAIR -> { chair = s.userId(); voters.addFirst(s.userId()); }
                case MEMBER -> voters.add(s.userId());
                case SECRETARY -> secretaries.add(s.userId());
            }
        }
        return new ActCommission(chair, voters, secretaries);
    }

    public static ActCommission ofSitting(OralCatalog.SittingRecord s) {
        UUID chair = null;
        List<UUID> voters = new ArrayList<>();
        List<UUID> secretaries = new ArrayList<>();
        for (OralCatalog.Seat seat : s.commission()) {
            if (seat.role() == CommissionRole.CHAIR) { chair = seat.userId(); voters.addFirst(seat.userId()); }
            else if (seat.role() == CommissionRole.MEMBER) voters.add(seat.userId());
            else secretaries.add(seat.userId());
        }
        return new ActCommission(chair, voters, secretaries);
    }

    public boolean isEmpty() {
        return chairId == null || voters.isEmpty();
    }

    /** Everyone on the commission, each once: the act goes to all of them (001 §6.15.6). */
    public List<UUID> everyone() {
        List<UUID> all = new ArrayList<>(voters);
        secretaries.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all;
    }

    public boolean has(UUID userId) {
        return voters.contains(userId) || secretaries.contains(userId);
    }

    /** userId → CHAIR / MEMBER / SECRETARY, as the exam commission's seats are named (an oral sitting's too). */
    public Map<UUID, String> seats() {
        Map<UUID, String> out = new LinkedHashMap<>();
        voters.forEach(v -> out.put(v, (v.equals(chairId) ? CommissionSeat.CHAIR : CommissionSeat.MEMBER).name()));
        secretaries.forEach(s -> out.putIfAbsent(s, CommissionSeat.SECRETARY.name()));
        return out;
    }
}
