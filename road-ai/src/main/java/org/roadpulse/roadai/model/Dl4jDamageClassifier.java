package org.roadpulse.roadai.model;

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
     * normalisation and flip averaging, as models trained on the same data with different seeds do.
     *
     * @param description what the ensemble is made of, appended to the first model's data description
     */
    public static Dl4jDamageClassifier ensemble(List<Dl4jDamageClassifier> models, String description) {
        ModelMetadata first = models.get(0).metadata();
        List<MultiLayerNetwork> all = new java.util.ArrayList<>();
        for (Dl4jDamageClassifier model : models) {
            ModelMetadata other = model.metadata();
            if (!other.classes().equals(first.classes()) || other.inputWidth() != first.inputWidth()
                    || other.inputHeight() != first.inputHeight() || !other.normalisation().equals(first.normalisation())
                    || other.flips() != first.flips()) {
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
                + (m.flips() ? " flip averaging" : "");
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

    /** The same networks deciding with other metadata (a calibrated rule, flip averaging on or off). */
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

    /** The mean over the networks and, with flip averaging on, over each patch and its mirror image. */
    @Override
    public float[][] probabilities(List<PatchPixels> patches) {
        float[][] sum = networkProbabilities(patches);
        int views = networks.size();
        if (metadata.flips()) {
            add(sum, networkProbabilities(patches.stream().map(PatchPixels::mirrored).toList()));
            views *= 2;
        }
        if (views > 1) {
            for (float[] row : sum) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= views;
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
