package org.roadpulse.roadai.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.model.GlobalPooling;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.support.TinyTraining;

class TrainerTest {
    @TempDir
    Path dir;

    @Test
    void aTinySyntheticDatasetTrainsInSecondsAndTheLossFalls() throws IOException {
        // GIVEN 30 synthetic patches per class for training, 10 for validation
        LoadedDataset train = TinyTraining.dataset(dir.resolve("train"), 30, 1);
        LoadedDataset validation = TinyTraining.dataset(dir.resolve("val"), 10, 2);
        List<Double> batchLosses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batchesPerEpoch, double loss) {
                batchLosses.add(loss);
            }
        };
        Path modelFile = dir.resolve("model.zip");
        // WHEN
        TrainingResult result = new Trainer(TinyTraining.config(6), recorder)
                .train(train, validation, "synthetic", modelFile);
        // THEN the loss falls, the model learns the easy task, and the best epoch was saved with its metrics
        List<EpochSummary> epochs = result.epochs();
        assertThat(epochs.get(epochs.size() - 1).trainLoss()).isLessThan(epochs.get(0).trainLoss() * 0.7);
        assertThat(batchLosses).hasSizeGreaterThan(6);
        assertThat(result.bestEpoch().validation().macroF1()).isGreaterThan(0.8);
        assertThat(ModelFile.readMetadata(modelFile).metrics())
                .containsEntry("validation.macroF1", result.bestEpoch().validation().macroF1());
    }

    @Test
    void withAveragingTheValidatedModelIsTheSavedOneAndItStillLearns() throws IOException {
        // GIVEN the tiny set-up, square-root balance and the mean of the last 3 epochs judged and kept
        LoadedDataset train = TinyTraining.dataset(dir.resolve("train"), 30, 1);
        LoadedDataset validation = TinyTraining.dataset(dir.resolve("val"), 10, 2);
        TrainingConfig plain = TinyTraining.config(6);
        TrainingConfig averaged = new TrainingConfig(plain.inputSize(), plain.blockChannels(), plain.epochs(),
                plain.batchSize(), plain.learningRate(), plain.patience(), plain.augmentation(), plain.dropout(),
                plain.seed(), plain.timeBudget(), 0.5, 3);
        Path modelFile = dir.resolve("averaged.zip");
        // WHEN
        TrainingResult result = new Trainer(averaged, TrainingListener.NONE).train(train, validation, "synthetic", modelFile);
        // THEN the averaged weights (not a fresh clone) were validated and saved: they classify the easy task
        assertThat(result.bestEpoch().validation().macroF1()).isGreaterThan(0.8);
        assertThat(org.roadpulse.roadai.evaluation.Evaluator.evaluate(ModelFile.load(modelFile), validation, 16).macroF1())
                .isEqualTo(result.bestEpoch().validation().macroF1());
    }

    @Test
    void aDeeperNetworkWithMaxPoolingStillLearnsAndIsSavedAsBuilt() throws IOException {
        // GIVEN the tiny set-up with two convolutions per block and global max pooling
        LoadedDataset train = TinyTraining.dataset(dir.resolve("train"), 30, 1);
        LoadedDataset validation = TinyTraining.dataset(dir.resolve("val"), 10, 2);
        TrainingConfig deeper = TinyTraining.config(6).withArchitecture(2, GlobalPooling.MAX);
        Path modelFile = dir.resolve("deeper.zip");
        // WHEN
        TrainingResult result = new Trainer(deeper, TrainingListener.NONE).train(train, validation, "synthetic", modelFile);
        // THEN it learns the easy task, and the file holds 2 convolutions per block (2 blocks) and max pooling
        assertThat(result.bestEpoch().validation().macroF1()).isGreaterThan(0.8);
        var saved = ModelFile.load(modelFile);
        var layers = java.util.stream.IntStream.range(0, saved.network().getnLayers())
                .mapToObj(i -> saved.network().getLayerWiseConfigurations().getConf(i).getLayer()).toList();
        assertThat(layers.stream().filter(ConvolutionLayer.class::isInstance)).hasSize(4);
        assertThat(layers.stream().filter(GlobalPoolingLayer.class::isInstance)
                .map(l -> ((GlobalPoolingLayer) l).getPoolingType())).containsExactly(PoolingType.MAX);
        assertThat(saved.metadata().architecture()).contains("2x conv3x3").contains("global max pool");
    }
}
