package org.roadpulse.roadai.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.support.TinyTraining;
import org.roadpulse.roadai.training.Trainer;
import org.roadpulse.roadai.training.TrainingListener;

/** The tiny synthetic model (crack = dark line, pothole = dark disc), trained once per test JVM in seconds. */
public final class TinyModel {

    private static Path file;

    private TinyModel() {
    }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("roadai-tiny-model");
                LoadedDataset train = TinyTraining.dataset(dir.resolve("train"), 30, 1);
                LoadedDataset validation = TinyTraining.dataset(dir.resolve("val"), 10, 2);
                Path model = dir.resolve("tiny.zip");
                new Trainer(TinyTraining.config(6), new TrainingListener() {
                }).train(train, validation, "synthetic", model);
                file = model;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
