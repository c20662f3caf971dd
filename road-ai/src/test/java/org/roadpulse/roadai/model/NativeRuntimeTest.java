package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.ImageSize;

/** Verifies that DL4J's oneDNN helpers really run where the CPU allows it (they fail silently otherwise). */
class NativeRuntimeTest {

    @Test
    void convolutionsUseOneDnnWhenTheCpuHasAvx2() {
        assumeTrue(NativeRuntime.cpuHasAvx2(), "CPU without AVX2: the plain build is used (see the fallback test)");
        // GIVEN the runtime configured before ND4J loads
        assertThat(NativeRuntime.configure()).isTrue();
        // WHEN a convolutional network is built
        MultiLayerNetwork network = Dl4jNetworkFactory.build(
                new CnnSpec(ImageSize.square(16), 3, new int[] {4, 8}, 0, 0, 1), 1e-3);
        // THEN the oneDNN backend check passes and the convolution layer got the oneDNN helper
        assertThat(BaseMKLDNNHelper.mklDnnEnabled()).isTrue();
        assertThat(((ConvolutionLayer) network.getLayer(0)).getHelper()).isInstanceOf(MKLDNNConvHelper.class);
    }

    @Test
    void cpuWithoutAvx2KeepsThePlainNativeBuild() {
        assumeFalse(NativeRuntime.cpuHasAvx2(), "CPU has AVX2: the oneDNN build is used (see the test above)");
        // GIVEN no AVX2, WHEN configured, THEN the extension is not set to the oneDNN build
        assertThat(NativeRuntime.configure()).isFalse();
        assertThat(System.getProperty(NativeRuntime.PLATFORM_EXTENSION)).isNotEqualTo(NativeRuntime.ONEDNN_AVX2);
    }
}
