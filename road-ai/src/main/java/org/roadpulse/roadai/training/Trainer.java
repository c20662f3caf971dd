package org.roadpulse.roadai.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadpulse.roadai.dataset.BalancedSampler;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.evaluation.ClassMetrics;
import org.roadpulse.roadai.evaluation.EvaluationReport;
import org.roadpulse.roadai.evaluation.Evaluator;
import org.roadpulse.roadai.images.ImageTensors;
import org.roadpulse.roadai.images.Normalisation;
import org.roadpulse.roadai.images.OpenCvAugmenter;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.CnnSpec;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.Dl4jNetworkFactory;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.model.ModelMetadata;

/**
 * Trains a CNN from scratch: class-balanced batches with augmentation, a per-epoch learning-rate schedule, validation
 * after each epoch, the best epoch by validation macro-F1 saved to {@code modelFile}, early stopping on no improvement.
 * With {@code averageLast > 1} what is validated and kept after each epoch is the mean of the last epochs' weights.
 */
public final class Trainer {
    private final TrainingConfig config;
    private final TrainingListener listener;

    public Trainer(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public TrainingResult train(LoadedDataset train, LoadedDataset validation, String dataDescription, Path modelFile)
            throws IOException {
        if (!train.classes().equals(validation.classes())) {
            throw new IllegalArgumentException("validation classes " + validation.classes()
                    + " differ from training classes " + train.classes());
        }
        CnnSpec spec = new CnnSpec(config.inputSize(), train.classes().size(), config.blockChannels(),
                config.dropout(), 1e-4, config.seed(), config.convsPerBlock(), config.pooling(), config.stem());
        MultiLayerNetwork network = Dl4jNetworkFactory.build(spec, config.learningRate());
        ModelMetadata metadata = new ModelMetadata(ModelFile.FORMAT_VERSION, train.classes(), config.inputSize().width(),
                config.inputSize().height(), 3, Normalisation.estimate(train.images()), spec.describe(),
                dataDescription, Map.of(), Instant.now().toString());

        LearningRateSchedule schedule = LearningRateSchedule.cosine(config.learningRate(), config.epochs());
        BalancedSampler sampler = new BalancedSampler(train.labels(), train.classes().size(), config.seed(),
                config.balancePower());
        WeightAverage average = new WeightAverage(config.averageLast());
        MultiLayerNetwork averaged = config.averageLast() > 1 ? network.clone() : network;
        Dl4jDamageClassifier judged = new Dl4jDamageClassifier(averaged, metadata);
        OpenCvAugmenter augmenter = new OpenCvAugmenter(config.augmentation());
        EarlyStopping stopping = new EarlyStopping(config.patience());
        List<EpochSummary> epochs = new ArrayList<>();
        EpochSummary best = null;

        long trainingStarted = System.nanoTime();
        for (int epoch = 0; epoch < config.epochs() && !stopping.shouldStop(); epoch++) {
            long started = System.nanoTime();
            if (!epochs.isEmpty() && wouldExceedBudget(started - trainingStarted, epochs.get(epochs.size() - 1))) {
                listener.stoppedByTimeBudget(epoch, config.timeBudget());
                break;
            }
            double rate = schedule.rate(epoch);
            network.setLearningRate(rate);
            double loss = runEpoch(network, train, sampler.epochOrder(epoch), augmenter, metadata.normalisation(),
                    new Random(config.seed() + 31L * epoch), epoch);
            if (averaged != network) {
                average.add(network.params());
                averaged.setParams(average.mean());
            }
            EvaluationReport report = Evaluator.evaluate(judged, validation, 64);
            boolean improved = stopping.record(epoch, report.macroF1());
            EpochSummary summary = new EpochSummary(epoch + 1, rate, loss, report,
                    (System.nanoTime() - started) / 1e9, improved);
            if (improved) {
                best = summary;
                ModelFile.save(new Dl4jDamageClassifier(averaged, metadata.withMetrics(metricsOf(summary))), modelFile);
            }
            epochs.add(summary);
            listener.epochDone(summary);
        }
        return new TrainingResult(List.copyOf(epochs), best, ModelFile.load(modelFile));
    }

    private double runEpoch(MultiLayerNetwork network, LoadedDataset train, int[] order, OpenCvAugmenter augmenter,
                            Normalisation normalisation, Random random, int epoch) {
        int batchSize = config.batchSize();
        int batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            int start = b * batchSize;
            int end = Math.min(order.length, start + batchSize);
            List<PatchPixels> patches = new ArrayList<>(end - start);
            INDArray labels = Nd4j.zeros(end - start, train.classes().size());
            for (int i = start; i < end; i++) {
                patches.add(augmenter.apply(train.images().get(order[i]), random));
                labels.putScalar(i - start, train.labels()[order[i]], 1.0);
            }
            INDArray features = ImageTensors.batch(patches, normalisation);
            network.fit(new DataSet(features, labels));
            double loss = network.score();
            lossSum += loss;
            listener.batchDone(epoch + 1, b + 1, batches, loss);
        }
        return lossSum / batches;
    }

    private boolean wouldExceedBudget(long elapsedNanos, EpochSummary last) {
        return !config.timeBudget().isZero()
                && elapsedNanos + (long) (last.seconds() * 1e9) > config.timeBudget().toNanos();
    }

    private static Map<String, Double> metricsOf(EpochSummary summary) {
        Map<String, Double> metrics = new HashMap<>();
        EvaluationReport report = summary.validation();
        metrics.put("epoch", (double) summary.epoch());
        metrics.put("validation.macroF1", report.macroF1());
        metrics.put("validation.accuracy", report.accuracy());
        for (ClassMetrics m : report.perClass()) {
            metrics.put("validation.recall." + m.className(), m.recall());
            metrics.put("validation.precision." + m.className(), m.precision());
        }
        return metrics;
    }
}
