package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadpulse.roadai.images.ImageSize;

/** The network shape options (phase 6): convolutions per block and global pooling, with today's network as default. */
class Dl4jNetworkFactoryTest {
    private static final ImageSize INPUT = ImageSize.square(16);

    @Test
    void twoConvolutionsPerBlockGiveTwiceTheConvBnReluLayersAndTheSamePoolsBetweenBlocks() {
        CnnSpec spec = new CnnSpec(INPUT, 3, new int[] {4, 8, 16}, 0, 0, 1, 2, GlobalPooling.AVG);

        List<Layer> layers = layers(Dl4jNetworkFactory.build(spec, 1e-3));

        assertThat(count(layers, ConvolutionLayer.class)).isEqualTo(6);
        assertThat(count(layers, BatchNormalization.class)).isEqualTo(6);
        assertThat(count(layers, ActivationLayer.class)).isEqualTo(6);
        assertThat(count(layers, SubsamplingLayer.class)).isEqualTo(2);
        // both convolutions of a block have the block's width, in block order
        assertThat(layers.stream().filter(ConvolutionLayer.class::isInstance)
                .map(l -> ((ConvolutionLayer) l).getNOut())).containsExactly(4L, 4L, 8L, 8L, 16L, 16L);
        // each convolution is followed by its batch norm and ReLU; a pool only after a block's last convolution
        int firstConv = indexOf(layers, ConvolutionLayer.class, 0);
        assertThat(layers.subList(firstConv, firstConv + 7)).extracting(Object::getClass).containsExactly(
                ConvolutionLayer.class, BatchNormalization.class, ActivationLayer.class,
                ConvolutionLayer.class, BatchNormalization.class, ActivationLayer.class, SubsamplingLayer.class);
    }

    @Test
    void maxGlobalPoolingIsBuiltWhenAskedAndAverageOtherwise() {
        CnnSpec max = new CnnSpec(INPUT, 3, new int[] {4, 8}, 0, 0, 1, 1, GlobalPooling.MAX);
        CnnSpec avg = new CnnSpec(INPUT, 3, new int[] {4, 8}, 0, 0, 1);

        assertThat(globalPooling(Dl4jNetworkFactory.build(max, 1e-3))).isEqualTo(PoolingType.MAX);
        assertThat(globalPooling(Dl4jNetworkFactory.build(avg, 1e-3))).isEqualTo(PoolingType.AVG);
        assertThat(max.describe()).contains("global max pool");
    }

    @Test
    void theStandardSpecIsStillTheNetworkOfModelsUpToPhase5() {
        CnnSpec standard = CnnSpec.standard(ImageSize.square(64), 3, 42);

        MultiLayerNetwork built = Dl4jNetworkFactory.build(standard, 1e-3);

        // default options: one convolution per block, average pooling; the layer list and parameter shapes of
        // model B (the shipped model up to phase 5: 18 layers, 390,627 parameters), read from its file
        assertThat(standard.convsPerBlock()).isEqualTo(1);
        assertThat(standard.pooling()).isEqualTo(GlobalPooling.AVG);
        assertThat(built.getnLayers()).isEqualTo(18);
        assertThat(built.numParams()).isEqualTo(390_627L);
        assertThat(shapes(built)).containsExactly("0_W[32, 3, 3, 3]", "1_gamma[32]", "1_beta[32]", "1_mean[32]",
                "1_log10stdev[32]", "4_W[64, 32, 3, 3]", "5_gamma[64]", "5_beta[64]", "5_mean[64]", "5_log10stdev[64]",
                "8_W[128, 64, 3, 3]", "9_gamma[128]", "9_beta[128]", "9_mean[128]", "9_log10stdev[128]",
                "12_W[256, 128, 3, 3]", "13_gamma[256]", "13_beta[256]", "13_mean[256]", "13_log10stdev[256]",
                "17_W[256, 3]", "17_b[3]");
        assertThat(globalPooling(built)).isEqualTo(PoolingType.AVG);
        // and new default models describe themselves as model B's metadata does
        assertThat(standard.describe()).isEqualTo("CNN 32-64-128-256 (conv3x3+BN+ReLU+maxpool blocks), global avg pool, "
                + "dropout 0.3, softmax 3, input 64x64");
    }

    @Test
    void theStemHalvesTheImageBeforeTheFirstBlockWithTheFirstBlocksWidth() {
        CnnSpec plain = new CnnSpec(INPUT, 3, new int[] {4, 8}, 0, 0, 1, 2, GlobalPooling.AVG);
        CnnSpec stemmed = new CnnSpec(INPUT, 3, new int[] {4, 8}, 0, 0, 1, 2, GlobalPooling.AVG, true);

        MultiLayerNetwork network = Dl4jNetworkFactory.build(stemmed, 1e-3);
        List<Layer> layers = layers(network);

        ConvolutionLayer stem = (ConvolutionLayer) layers.get(0);
        assertThat(stem.getKernelSize()).containsExactly(5, 5);
        assertThat(stem.getStride()).containsExactly(2, 2);
        assertThat(stem.getNOut()).isEqualTo(4L);
        assertThat(layers.subList(0, 4)).extracting(Object::getClass).containsExactly(ConvolutionLayer.class,
                BatchNormalization.class, ActivationLayer.class, ConvolutionLayer.class);
        assertThat(layers).hasSize(layers(Dl4jNetworkFactory.build(plain, 1e-3)).size() + 3);
        // a 16 px input leaves the stem as 8x8 maps, and the network still gives one probability per class
        List<INDArray> activations = network.feedForward(Nd4j.rand(new int[] {2, 3, 16, 16}), false);
        assertThat(activations.get(3).shape()).containsExactly(2, 4, 8, 8);
        assertThat(network.output(Nd4j.rand(new int[] {2, 3, 16, 16})).shape()).containsExactly(2, 3);
        assertThat(stemmed.describe()).startsWith("CNN 5x5/2 stem, 4-8 ");
        assertThat(plain.describe()).doesNotContain("stem");
    }

    @Test
    void noConvolutionPerBlockIsRefused() {
        assertThatThrownBy(() -> new CnnSpec(INPUT, 3, new int[] {4}, 0, 0, 1, 0, GlobalPooling.AVG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convsPerBlock");
    }

    @Test
    void poolingNamesAreReadInAnyCaseAndOthersAreRefusedByName() {
        assertThat(GlobalPooling.parse("MAX")).isEqualTo(GlobalPooling.MAX);
        assertThat(GlobalPooling.parse("avg")).isEqualTo(GlobalPooling.AVG);
        assertThatThrownBy(() -> GlobalPooling.parse("median")).hasMessageContaining("avg or max")
                .hasMessageContaining("median");
    }

    private static List<Layer> layers(MultiLayerNetwork network) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            layers.add(network.getLayerWiseConfigurations().getConf(i).getLayer());
        }
        return layers;
    }

    private static long count(List<Layer> layers, Class<?> kind) {
        return layers.stream().filter(kind::isInstance).count();
    }

    private static int indexOf(List<Layer> layers, Class<?> kind, int from) {
        for (int i = from; i < layers.size(); i++) {
            if (kind.isInstance(layers.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static PoolingType globalPooling(MultiLayerNetwork network) {
        return layers(network).stream().filter(GlobalPoolingLayer.class::isInstance)
                .map(l -> ((GlobalPoolingLayer) l).getPoolingType()).findFirst().orElseThrow();
    }

    private static List<String> shapes(MultiLayerNetwork network) {
        List<String> shapes = new ArrayList<>();
        network.paramTable().forEach((name, values) -> shapes.add(name + java.util.Arrays.toString(values.shape())));
        return shapes;
    }
}
