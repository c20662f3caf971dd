package org.roadpulse.roadai.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.ImageTensors;
import org.roadpulse.roadai.images.PatchPixels;

/**
 * One or more trained DL4J networks together with the metadata that says how to feed them and what their outputs mean.
 * Several networks (an ensemble, e.g. the same settings trained with different seeds) share the input pipeline and the
 * decision rule; their probabilities are averaged before the rule decides.
 */
public final class Dl4jDamageClassifier implements DamageClassifier {
    private final List<MultiLayerNetwork> networks;
    private final ModelMetadata metadata;

    public Dl4jDamageClassifier(MultiLayerNetwork network, ModelMetadata metadata) {
        this(List.of(network), metadata);
    }

    public Dl4jDamageClassifier(List<MultiLayerNetwork> networks, ModelMetadata metadata) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one network");
        }
        this.networks = List.copyOf(networks);
        this.metadata = metadata;
    }

    /**
     * An ensemble of the given models: their networks' probabilities averaged, deciding by arg-max until calibrated (a
     * rule picked for one network does not carry over to the mean). The models must share classes, input size,
     * normalisation and test-time augmentation, as models trained on the same data with different seeds do.
     *
     * @param description what the ensemble is made of, appended to the first model's data description
     */
    public static Dl4jDamageClassifier ensemble(List<Dl4jDamageClassifier> models, String description) {
        ModelMetadata first = models.get(0).metadata();
        List<MultiLayerNetwork> all = new ArrayList<>();
        for (Dl4jDamageClassifier model : models) {
            ModelMetadata other = model.metadata();
            if (!other.classes().equals(first.classes()) || other.inputWidth() != first.inputWidth()
                    || other.inputHeight() != first.inputHeight() || !other.normalisation().equals(first.normalisation())
                    || !other.augmentations().equals(first.augmentations())) {
                throw new IncompatibleModelException("cannot average models with different input pipelines: "
                        + describe(first) + " vs " + describe(other));
            }
            all.addAll(model.networks());
        }
        String architecture = "mean of " + all.size() + " networks' probabilities, each: " + first.architecture();
        return new Dl4jDamageClassifier(all, first.asEnsemble(all.size(), architecture,
                first.dataDescription() + "; ensemble: " + description));
    }

    private static String describe(ModelMetadata m) {
        return m.classes() + " " + m.inputWidth() + "x" + m.inputHeight() + " " + m.normalisation()
                + " test-time augmentation " + TestTimeAugmentation.describe(m.augmentations());
    }

    /** The first (for a single model: the only) network. */
    public MultiLayerNetwork network() {
        return networks.get(0);
    }

    /** Every network whose probabilities are averaged; one for a plain model. */
    public List<MultiLayerNetwork> networks() {
        return networks;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The same networks deciding with other metadata (a calibrated rule, other test-time augmentations). */
    public Dl4jDamageClassifier withMetadata(ModelMetadata newMetadata) {
        return new Dl4jDamageClassifier(networks, newMetadata);
    }

    @Override
    public List<String> classes() {
        return metadata.classes();
    }

    @Override
    public ImageSize inputSize() {
        return new ImageSize(metadata.inputWidth(), metadata.inputHeight());
    }

    @Override
    public DecisionRule decisionRule() {
        return metadata.decision();
    }

    /**
     * The mean over the networks and over the views of each patch: the patch itself and one copy per test-time
     * augmentation in the metadata. Each view of the batch is one forward pass of the caller's batch size: one pass over
     * all views at once (4 x 22 tiles as one batch of 88) took about twice as long as four passes of 22 on these CPUs
     * (docs/road-damage-model.md, phase 4).
     */
    @Override
    public float[][] probabilities(List<PatchPixels> patches) {
        List<TestTimeAugmentation> augmentations = metadata.augmentations();
        float[][] sum = networkProbabilities(patches);
        for (TestTimeAugmentation augmentation : augmentations) {
            add(sum, networkProbabilities(patches.stream().map(augmentation::apply).toList()));
        }
        int summed = networks.size() * (1 + augmentations.size());
        if (summed > 1) {
            for (float[] row : sum) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= summed;
                }
            }
        }
        return sum;
    }

    /** The sum over the networks of their probabilities; the input tensor is built once for all of them. */
    private float[][] networkProbabilities(List<PatchPixels> patches) {
        INDArray input = ImageTensors.batch(patches, metadata.normalisation());
        float[][] sum = null;
        for (MultiLayerNetwork network : networks) {
            INDArray output = network.output(input, false);
            float[][] rows = output.toFloatMatrix();
            output.close();
            if (sum == null) {
                sum = rows;
            } else {
                add(sum, rows);
            }
        }
        input.close();
        return sum;
    }

    private static void add(float[][] sum, float[][] rows) {
        for (int i = 0; i < sum.length; i++) {
            for (int c = 0; c < sum[i].length; c++) {
                sum[i][c] += rows[i][c];
            }
        }
    }
}
