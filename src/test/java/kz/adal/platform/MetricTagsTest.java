package kz.adal.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricTagsTest {

    @Test
    void rawPathsOfUnmatchedRequestsBecomeTemplates() {
        assertEquals("/api/attempts/{id}/answers/{n}", MetricTags.template("/api/attempts/11da070a-a6be-483a-bf51-49ca7f479b81/answers/18"));
        assertEquals("/ws/attempts/{id}", MetricTags.template("/ws/attempts/11DA070A-A6BE-483A-BF51-49CA7F479B81"));
    }

    @Test
    void templatesAndPlainPathsAreKept() {
        assertEquals("/api/attempts/{id}/answers/{position}", MetricTags.template("/api/attempts/{id}/answers/{position}"));
        assertEquals("/api/public/settings", MetricTags.template("/api/public/settings"));
        assertEquals("/api/v2x/items", MetricTags.template("/api/v2x/items"));
    }
}
