package kz.adal.bank;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.bank.review.ReviewRows;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bank rows for the tests of other features, which may not name bank's entities (they are package-private, as the
 * ArchitectureTest keeps them). Each call runs in its own transaction.
 */
public final class BankRows {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private BankRows() {
    }

    /** A version an exam can be set on: its id and the discipline of its passport. */
    public record Version(UUID id, UUID bankId, String discipline) {
    }

    /** Version 1 of the demo bank in a language (kk, ru, en). */
    public static Version demo(String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BankVersion v = BankVersion.find("language = ?1 and number = 1", language).firstResult();
            return new Version(v.id, v.bankId, v.discipline);
        });
    }

    /** The demo bank's approved version in a language. */
    public static UUID approvedDemo(String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Bank bank = Bank.find("title", DemoBanks.TITLES.get(language)).firstResult();
            BankVersion v = BankVersion.find("bankId = ?1 and state = ?2", bank.id, BankVersionState.APPROVED).firstResult();
            return v.id;
        });
    }

    /** The demo bank itself in a language. */
    public static UUID demoBank(String language) {
        return QuarkusTransaction.requiringNew().call(() -> Bank.<Bank>find("title", DemoBanks.TITLES.get(language)).firstResult().id);
    }

    /** A new bank by {@code author} whose one version is in {@code state} and has no expert conclusion. */
    public static UUID unreviewed(String language, BankVersionState state, UUID author) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Bank bank = new Bank();
            bank.title = "Unreviewed " + SEQ.incrementAndGet();
            bank.createdBy = author;
            bank.createdAt = Instant.now();
            bank.persist();
            BankVersion v = new BankVersion();
            v.bankId = bank.id;
            v.number = 1;
            v.discipline = "Foundations of mathematics";
            v.programme = "6B06102 Information systems";
            v.language = language;
            v.createdAt = Instant.now();
            v.state = state;
            v.persist();
            return v.id;
        });
    }

    /** A reference material attached to a version; returns its id. */
    public static UUID material(UUID versionId, String fileName, String contentType, byte[] content) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BankMaterial m = new BankMaterial();
            m.versionId = versionId;
            m.fileName = fileName;
            m.contentType = contentType;
            m.content = content;
            m.uploadedAt = Instant.now();
            m.persist();
            return m.id;
        });
    }

    /** Some expert review assigned to {@code expert}, or null when there is none. */
    public static UUID reviewOf(UUID expert) {
        return ReviewRows.reviewOf(expert);
    }
}
