package org.roadpulse.roadai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void etaExtrapolatesTheAverageBatchTimeOverAllPlannedEpochs() {
        // GIVEN 2 epochs of 10 batches, and 5 batches done in 10 s
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), now::get, 2);
        now.set(10_000_000_000L);
        // WHEN
        String line = bar.line(1, 5, 10, 0.5);
        // THEN 15 batches remain at 2 s each
        assertThat(line).contains("epoch 1/2").contains("50%").contains("elapsed 0:00:10").contains("ETA 0:00:30");
    }

    @Test
    void itemProgressExtrapolatesTheAverageTimePerItem() {
        // GIVEN 10 frames of 40 done in 20 s
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), now::get, 1);
        now.set(20_000_000_000L);
        // WHEN
        String line = bar.itemLine("frames", 10, 40);
        // THEN 30 frames remain at 2 s each
        assertThat(line).startsWith("frames 10/40 [#######.").contains(" 25%").contains("ETA 0:01:00");
    }
}
