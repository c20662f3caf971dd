package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
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
    void theStandardSpecIsTheNetworkOfTheShippedModelLayerForLayer() throws IOException {
        assumeTrue(Files.isRegularFile(ShippedModelTest.SHIPPED), "no shipped model");
        Dl4jDamageClassifier shipped = ModelFile.load(ShippedModelTest.SHIPPED);
        CnnSpec standard = CnnSpec.standard(ImageSize.square(64), 3, 42);

        MultiLayerNetwork built = Dl4jNetworkFactory.build(standard, 1e-3);

        // default options: one convolution per block, average pooling; same layers and parameter shapes as shipped
        assertThat(standard.convsPerBlock()).isEqualTo(1);
        assertThat(standard.pooling()).isEqualTo(GlobalPooling.AVG);
        assertThat(layers(built)).extracting(Object::getClass)
                .containsExactlyElementsOf(layers(shipped.network()).stream().map(Object::getClass).toList());
        assertThat(shapes(built)).isEqualTo(shapes(shipped.network()));
        assertThat(globalPooling(built)).isEqualTo(globalPooling(shipped.network()));
        // and the description written into new default models reads as the shipped model's does
        assertThat(standard.describe()).isEqualTo(shipped.metadata().architecture());
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
