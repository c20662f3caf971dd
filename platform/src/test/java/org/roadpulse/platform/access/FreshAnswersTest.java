package org.roadpulse.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshAnswersTest {

    private final Map<String, String> truth = new ConcurrentHashMap<>(Map.of("anna", "current", "ben", "current"));
    private final AtomicInteger lookups = new AtomicInteger();

    private FreshAnswers<String, String> answers(Duration freshness) {
        return new FreshAnswers<>(freshness, 100, key -> {
            lookups.incrementAndGet();
            return truth.get(key);
        }, "withdrawn"::equals);
    }

    @Test
    void looksAKeyUpOnceWhileTheAnswerIsFresh() {
        FreshAnswers<String, String> answers = answers(Duration.ofMinutes(1));

        assertThat(answers.get("anna")).isEqualTo("current");
        truth.put("anna", "withdrawn");
        assertThat(answers.get("anna")).isEqualTo("current");
        assertThat(answers.get("ben")).isEqualTo("current");

        assertThat(lookups).hasValue(2);
    }

    @Test
    void aStaleAnswerIsGivenOnceMoreAndRefreshedInTheBackground() throws InterruptedException {
        FreshAnswers<String, String> answers = answers(Duration.ofMillis(50));
        answers.get("anna");
        truth.put("anna", "withdrawn");
        Thread.sleep(100);

        // the stale answer comes at once, the new one soon after
        assertThat(answers.get("anna")).isEqualTo("current");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!answers.get("anna").equals("withdrawn") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(answers.get("anna")).isEqualTo("withdrawn");
    }

    @Test
    void aSettledAnswerIsNeverLookedUpAgain() throws InterruptedException {
        truth.put("anna", "withdrawn");
        FreshAnswers<String, String> answers = answers(Duration.ofMillis(10));
        answers.get("anna");
        truth.put("anna", "current");
        Thread.sleep(50);

        for (int i = 0; i < 5; i++) {
            assertThat(answers.get("anna")).isEqualTo("withdrawn");
            Thread.sleep(20);
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aForgottenAnswerIsLookedUpAtTheNextQuestion() {
        FreshAnswers<String, String> answers = answers(Duration.ofMinutes(1));
        answers.get("anna");
        truth.put("anna", "withdrawn");

        answers.forget("anna");

        assertThat(answers.get("anna")).isEqualTo("withdrawn");
    }
}
