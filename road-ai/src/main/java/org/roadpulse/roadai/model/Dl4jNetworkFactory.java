package org.roadpulse.roadai.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds an untrained DL4J network from a {@link CnnSpec}. The learning rate is set per epoch by the trainer. */
public final class Dl4jNetworkFactory {
    private Dl4jNetworkFactory() {
    }

    public static MultiLayerNetwork build(CnnSpec spec, double initialLearningRate) {
        NativeRuntime.configure();
        var list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .weightInit(WeightInit.RELU)
                .updater(new Adam(initialLearningRate))
                .l2(spec.l2())
                .convolutionMode(ConvolutionMode.Same)
                .list();
        int[] channels = spec.blockChannels();
        if (spec.stem()) {
            list.layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(channels[0])
                    .activation(Activation.IDENTITY).hasBias(false).build());
            list.layer(new BatchNormalization.Builder().build());
            list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        for (int b = 0; b < channels.length; b++) {
            // Several 3x3 convolutions in a row (VGG style) see 5x5, 7x7, ... at the cost of one 3x3 each.
            for (int c = 0; c < spec.convsPerBlock(); c++) {
                list.layer(new ConvolutionLayer.Builder(3, 3).nOut(channels[b]).activation(Activation.IDENTITY)
                        .hasBias(false).build());
                list.layer(new BatchNormalization.Builder().build());
                list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
            if (b < channels.length - 1) {
                list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
            }
        }
        list.layer(new GlobalPoolingLayer.Builder(spec.pooling().dl4j()).build());
        if (spec.dropout() > 0) {
            // DL4J's dropout argument is the probability of *keeping* an activation.
            list.layer(new DropoutLayer.Builder(1 - spec.dropout()).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(spec.classCount())
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        list.setInputType(InputType.convolutional(spec.input().height(), spec.input().width(), 3));
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        return network;
    }
}
