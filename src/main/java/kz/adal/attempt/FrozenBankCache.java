package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.bank.BankCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pools and question content of the bank versions exams draw from, kept in memory. Safe because an
 * exam uses only an approved version and approval freezes a version for good (edits make a new
 * version, {@code BankVersionState.isFrozen}). Saves a start storm from reading 120 questions with
 * their options for every student. Bounded: cleared when it grows past its limits.
 */
@ApplicationScoped
class FrozenBankCache {
    private static final int MAX_VERSIONS = 64;
    private static final int MAX_QUESTIONS = 20_000;

    private final BankCatalog catalog;
    private final Map<UUID, List<BankCatalog.PoolQuestion>> pools = new ConcurrentHashMap<>();
    private final Map<UUID, BankCatalog.QuestionContent> contents = new ConcurrentHashMap<>();

    FrozenBankCache(BankCatalog catalog) {
        this.catalog = catalog;
    }

    /** The version's questions on the given topics (all when empty). */
    List<BankCatalog.PoolQuestion> pool(UUID versionId, Set<String> topics) {
        if (pools.size() >= MAX_VERSIONS) pools.clear();
        List<BankCatalog.PoolQuestion> all = pools.computeIfAbsent(versionId, v -> List.copyOf(catalog.pool(v, Set.of())));
        if (topics == null || topics.isEmpty()) return all;
        return all.stream().filter(q -> q.topic() != null && topics.contains(q.topic())).toList();
    }

    /** Content by question id, including the correct options: server side only. */
    Map<UUID, BankCatalog.QuestionContent> content(Collection<UUID> ids) {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) if (!contents.containsKey(id)) missing.add(id);
        if (!missing.isEmpty()) {
            if (contents.size() + missing.size() > MAX_QUESTIONS) contents.clear();
            contents.putAll(catalog.content(missing));
        }
        Map<UUID, BankCatalog.QuestionContent> out = new HashMap<>();
        for (UUID id : ids) out.put(id, contents.get(id));
        return out;
    }
}
