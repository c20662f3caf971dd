package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.dataset.DatasetIndex;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.dataset.SplitFile;
import org.roadpulse.roadai.evaluation.ClassMetrics;
import org.roadpulse.roadai.images.Augmentation;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.model.GlobalPooling;
import org.roadpulse.roadai.report.ConfusionMatrixChart;
import org.roadpulse.roadai.report.TrainingCurvesChart;
import org.roadpulse.roadai.training.EpochSummary;
import org.roadpulse.roadai.training.Trainer;
import org.roadpulse.roadai.training.TrainingConfig;
import org.roadpulse.roadai.training.TrainingListener;
import org.roadpulse.roadai.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier from scratch; keeps the epoch with the best validation macro-F1. "
                + "Writes beside the model: <name>-history.csv, <name>-curves.png, <name>-confusion.png.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--train", required = true, description = "Folder of class folders, or a split file (*.txt).")
    Path trainSource;

    @Option(names = "--val", required = true, description = "Validation data: folder of class folders or split file.")
    Path validationSource;

    @Option(names = "--model", required = true, description = "Model file to write (.zip); the best epoch is kept.")
    Path modelFile;

    @Option(names = "--size", defaultValue = "64", description = "Input patch side in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--channels", defaultValue = "32,64,128,256", split = ",",
            description = "Output channels per convolution block (default ${DEFAULT-VALUE}).")
    int[] channels;

    @Option(names = "--convs-per-block", defaultValue = "1",
            description = "3x3 convolution+BN+ReLU layers per block, VGG style (default ${DEFAULT-VALUE}).")
    int convsPerBlock;

    @Option(names = "--global-pooling", defaultValue = "avg",
            description = "Pooling of the last block's map: avg or max (default ${DEFAULT-VALUE}).")
    String globalPooling;

    @Option(names = "--stem", description = "Begin with a 5x5 stride-2 convolution that halves the input: use it with "
            + "twice the --size at about the same training time.")
    boolean stem;

    @Option(names = "--epochs", defaultValue = "12", description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate, cosine-decayed (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--patience", defaultValue = "4", description = "Stop after this many epochs without improvement.")
    int patience;

    @Option(names = "--dropout", defaultValue = "0.3", description = "Dropout before the output layer.")
    double dropout;

    @Option(names = "--no-augment", description = "Train on the images as they are (no flips, rotation, jitter, blur).")
    boolean noAugment;

    @Option(names = "--hue", defaultValue = "0",
            description = "Turn each patch's hue by up to this many degrees either way (default ${DEFAULT-VALUE}: off).")
    double hueShiftDeg;

    @Option(names = "--saturation", defaultValue = "0",
            description = "Scale saturation by a gain in [1-S, 1+S] (default ${DEFAULT-VALUE}: off).")
    double saturation;

    @Option(names = "--crop-scale", defaultValue = "1",
            description = "Train on a random square crop of side in [F, 1] of the patch, resized back "
                    + "(default ${DEFAULT-VALUE}: no crop).")
    double cropScale;

    @Option(names = "--max-minutes", defaultValue = "0", description = "Start no epoch that would end after this (0 = no limit).")
    int maxMinutes;

    @Option(names = "--balance-power", defaultValue = "1",
            description = "Class balance of the batches: 1 every class equally often (default), 0.5 square-root "
                    + "frequencies, 0 natural frequencies.")
    double balancePower;

    @Option(names = "--average-last", defaultValue = "1",
            description = "Judge and keep the mean weights of the last N epochs (default ${DEFAULT-VALUE}: no averaging).")
    int averageLast;

    @Option(names = "--data-note", defaultValue = "",
            description = "Stored in the model's data description: source and licence of the images (attribution).")
    String dataNote;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, sampling and augmentation.")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Checked before the data is loaded, so a typo costs no time.
        GlobalPooling pooling;
        try {
            pooling = GlobalPooling.parse(globalPooling);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (convsPerBlock < 1) {
            throw new ParameterException(spec.commandLine(), "--convs-per-block must be at least 1, got " + convsPerBlock);
        }
        ImageSize inputSize = ImageSize.square(size);
        DatasetIndex trainIndex = SplitFile.readAny(trainSource);
        LoadedDataset train = new DatasetLoader().load(trainIndex, inputSize);
        LoadedDataset validation = new DatasetLoader().load(SplitFile.readAny(validationSource), train.classes(), inputSize);
        out.println("train " + DataOptions.describe(trainSource, train));
        out.println("val   " + DataOptions.describe(validationSource, validation));
        out.flush();

        Augmentation augmentation = noAugment ? Augmentation.NONE
                : Augmentation.DEFAULT.withColourAndCrop(hueShiftDeg, saturation, cropScale);
        TrainingConfig config = new TrainingConfig(inputSize, channels, epochs, batch, learningRate, patience,
                augmentation, dropout, seed, Duration.ofMinutes(maxMinutes),
                balancePower, averageLast).withArchitecture(convsPerBlock, pooling, stem);
        ProgressBar bar = new ProgressBar(System.err, System::nanoTime, epochs);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batchNo, int batchesPerEpoch, double loss) {
                bar.update(epoch, batchNo, batchesPerEpoch, loss);
            }

            @Override
            public void epochDone(EpochSummary summary) {
                bar.finishLine();
                out.println(epochLine(summary));
                out.flush();
            }

            @Override
            public void stoppedByTimeBudget(int epochsRun, Duration budget) {
                out.println("stopping after " + epochsRun + " epochs: the next would exceed --max-minutes " + maxMinutes);
            }
        };
        String description = "train: " + trainSource + " " + Arrays.toString(train.countsPerClass())
                + "; validation: " + validationSource + " " + Arrays.toString(validation.countsPerClass())
                + String.format(Locale.ROOT, "; size %d, epochs %d, lr %s, batch %d, balance power %s, average last %d, seed %d"
                        + ", convs per block %d, global pooling %s%s",
                size, epochs, learningRate, batch, balancePower, averageLast, seed, convsPerBlock, pooling.label(),
                stem ? ", 5x5 stride-2 stem" : "")
                + "; " + augmentation.describe()
                + DataOptions.attribution(dataNote);
        TrainingResult result = new Trainer(config, listener).train(train, validation, description, modelFile);
        writeHistory(result);
        writeCharts(result);
        out.println("best epoch " + result.bestEpoch().epoch() + " saved to " + modelFile);
        out.println(result.bestEpoch().validation().toText());
        return 0;
    }

    static String epochLine(EpochSummary s) {
        StringBuilder recall = new StringBuilder();
        for (ClassMetrics m : s.validation().perClass()) {
            recall.append(String.format(Locale.ROOT, " %s %.3f", m.className(), m.recall()));
        }
        return String.format(Locale.ROOT, "epoch %2d  lr %.5f  train loss %.4f  val accuracy %.3f  val macro-F1 %.3f"
                        + "  recall:%s  %.0f s%s", s.epoch(), s.learningRate(), s.trainLoss(),
                s.validation().accuracy(), s.validation().macroF1(), recall, s.seconds(), s.best() ? "  *best" : "");
    }

    private void writeCharts(TrainingResult result) throws IOException {
        TrainingCurvesChart.write(result.epochs(), "Training " + modelFile.getFileName(), sibling("-curves.png"));
        ConfusionMatrixChart.write(result.bestEpoch().validation().matrix(),
                "Validation, best epoch " + result.bestEpoch().epoch(), sibling("-confusion.png"));
    }

    private Path sibling(String suffix) {
        String name = modelFile.getFileName().toString().replaceFirst("\\.zip$", "");
        return modelFile.toAbsolutePath().resolveSibling(name + suffix);
    }

    /** One CSV line per epoch beside the model, for curves and for the experiment notes. */
    private void writeHistory(TrainingResult result) throws IOException {
        StringBuilder csv = new StringBuilder("epoch,learning_rate,train_loss,val_accuracy,val_macro_f1,seconds");
        result.epochs().get(0).validation().perClass().forEach(m -> csv.append(",val_recall_").append(m.className()));
        csv.append('\n');
        for (EpochSummary s : result.epochs()) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.5f,%.4f,%.4f,%.1f", s.epoch(), s.learningRate(),
                    s.trainLoss(), s.validation().accuracy(), s.validation().macroF1(), s.seconds()));
            s.validation().perClass().forEach(m -> csv.append(String.format(Locale.ROOT, ",%.4f", m.recall())));
            csv.append('\n');
        }
        Files.writeString(sibling("-history.csv"), csv);
    }
}
