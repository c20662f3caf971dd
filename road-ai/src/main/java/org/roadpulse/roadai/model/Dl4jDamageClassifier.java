package org.roadpulse.roadai.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.ImageTensors;
import org.roadpulse.roadai.images.PatchPixels;

/** A trained DL4J network together with the metadata that says how to feed it and what its outputs mean. */
public final class Dl4jDamageClassifier implements DamageClassifier {
    private final MultiLayerNetwork network;
    private final ModelMetadata metadata;

    public Dl4jDamageClassifier(MultiLayerNetwork network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The same network deciding with other metadata (a calibrated rule, flip averaging on or off). */
    public Dl4jDamageClassifier withMetadata(ModelMetadata newMetadata) {
        return new Dl4jDamageClassifier(network, newMetadata);
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

    /** With flip averaging on, the mean of the patches' and their mirror images' probabilities. */
    @Override
    public float[][] probabilities(List<PatchPixels> patches) {
        float[][] rows = networkProbabilities(patches);
        if (metadata.flips()) {
            float[][] mirrored = networkProbabilities(patches.stream().map(PatchPixels::mirrored).toList());
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < rows[i].length; c++) {
                    rows[i][c] = (rows[i][c] + mirrored[i][c]) / 2;
                }
            }
        }
        return rows;
    }

    private float[][] networkProbabilities(List<PatchPixels> patches) {
        INDArray input = ImageTensors.batch(patches, metadata.normalisation());
        INDArray output = network.output(input, false);
        float[][] rows = output.toFloatMatrix();
        input.close();
        output.close();
        return rows;
    }
}
