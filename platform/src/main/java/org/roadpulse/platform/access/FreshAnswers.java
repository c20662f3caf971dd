package org.roadpulse.platform.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Remembers the answer to a slow question per key (a database or HTTP lookup made while a request waits): the first
 * time a key is asked it is looked up there and then; after that the remembered answer is given at once, and when it
 * is older than the freshness it is looked up again in the background, one lookup per key at a time. So a request
 * waits for a lookup only the first time its key is seen, and an answer is at most a freshness and one lookup old.
 * Settled answers (ones that can no longer change) are never looked up again.
 *
 * @param <K> the key, e.g. a username or a token
 * @param <V> the answer; the lookup returns one also when it fails (its caller decides what a failure means)
 */
public final class FreshAnswers<K, V> {

    private record Answer<V>(V value, long atNanos) {
    }

    private final long freshNanos;
    private final int maxKeys;
    private final Function<K, V> lookup;
    private final Predicate<V> settled;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();
    private final Map<K, Boolean> looking = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fresh-answers");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param maxKeys beyond this many keys everything is forgotten (a bound on memory, not a cache policy)
     * @param settled which answers never change
     */
    public FreshAnswers(Duration freshness, int maxKeys, Function<K, V> lookup, Predicate<V> settled) {
        this.freshNanos = freshness.toNanos();
        this.maxKeys = maxKeys;
        this.lookup = lookup;
        this.settled = settled;
    }

    public V get(K key) {
        Answer<V> answer = answers.get(key);
        if (answer == null) {
            return lookUp(key);
        }
        if (!settled.test(answer.value()) && System.nanoTime() - answer.atNanos() > freshNanos
                && looking.putIfAbsent(key, Boolean.TRUE) == null) {
            try {
                background.execute(() -> {
                    try {
                        lookUp(key);
                    } finally {
                        looking.remove(key);
                    }
                });
            } catch (RejectedExecutionException e) {
                looking.remove(key);
            }
        }
        return answer.value();
    }

    /** Forgets the answer for this key: the next question looks it up there and then (the answer is known to change). */
    public void forget(K key) {
        answers.remove(key);
    }

    private V lookUp(K key) {
        V value = lookup.apply(key);
        if (answers.size() >= maxKeys) {
            answers.clear();
        }
        answers.put(key, new Answer<>(value, System.nanoTime()));
        return value;
    }
}
