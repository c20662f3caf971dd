package org.roadpulse.roadai.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One file per model: DL4J's own zip (configuration and weights, no updater state) with our JSON metadata added as the entry
 * {@value #METADATA_ENTRY}. DL4J ignores the extra entry, and the model cannot be separated from its metadata.
 * An ensemble keeps its first network there too and each further network as a nested DL4J zip in an entry
 * {@code roadpulse-network-2.zip}, {@code -3.zip}, …; the metadata's {@code networks} says how many to expect.
 */
public final class ModelFile {
    /** Bump when the metadata or the input pipeline changes in a way old files would be read wrongly. */
    public static final int FORMAT_VERSION = 1;
    static final String METADATA_ENTRY = "roadpulse-metadata.json";
    private static final String MEMBER_ENTRY = "roadpulse-network-%d.zip";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    public static void save(Dl4jDamageClassifier classifier, Path file) throws IOException {
        if (classifier.networks().size() != classifier.metadata().networkCount()) {
            throw new IllegalArgumentException(file + ": " + classifier.networks().size()
                    + " networks but the metadata says " + classifier.metadata().networkCount());
        }
        for (MultiLayerNetwork network : classifier.networks()) {
            checkFits(network, classifier.metadata(), file);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Plain names rather than createTempFile, whose owner-only permissions would stick to the moved model file.
        String name = file.getFileName().toString();
        Path networkOnly = parent.resolve("." + name + ".network.tmp");
        Path combined = parent.resolve("." + name + ".tmp");
        try {
            // Without the updater (Adam) state: a shipped model is for inference, and the state is twice the weights.
            ModelSerializer.writeModel(classifier.network(), networkOnly.toFile(), false);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(networkOnly));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(combined))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                for (int i = 1; i < classifier.networks().size(); i++) {
                    out.putNextEntry(new ZipEntry(String.format(MEMBER_ENTRY, i + 1)));
                    out.write(networkBytes(classifier.networks().get(i)));
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(METADATA_ENTRY));
                out.write(JSON.writeValueAsBytes(classifier.metadata()));
                out.closeEntry();
            }
            // Written aside and moved, so a crash never leaves a half-written "best model".
            Files.move(combined, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(networkOnly);
            Files.deleteIfExists(combined);
        }
    }

    public static Dl4jDamageClassifier load(Path file) throws IOException {
        NativeRuntime.configure();
        ModelMetadata metadata = readMetadata(file);
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IncompatibleModelException(file + " does not contain a DL4J MultiLayerNetwork: " + e.getMessage(), e);
        }
        List<MultiLayerNetwork> networks = new ArrayList<>(List.of(network));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (int i = 2; i <= metadata.networkCount(); i++) {
                ZipEntry entry = zip.getEntry(String.format(MEMBER_ENTRY, i));
                if (entry == null) {
                    throw new IncompatibleModelException(file + ": metadata says " + metadata.networkCount()
                            + " networks but the entry " + String.format(MEMBER_ENTRY, i) + " is missing");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    networks.add(ModelSerializer.restoreMultiLayerNetwork(in, false));
                }
            }
        }
        for (MultiLayerNetwork each : networks) {
            checkFits(each, metadata, file);
        }
        return new Dl4jDamageClassifier(networks, metadata);
    }

    private static byte[] networkBytes(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, false);
        return bytes.toByteArray();
    }

    public static ModelMetadata readMetadata(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new IncompatibleModelException(file + " has no " + METADATA_ENTRY
                        + ": it is not a RoadPulse model file (a bare DL4J zip lacks classes and normalisation)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return JSON.readValue(in, ModelMetadata.class);
            } catch (IOException e) {
                throw new IncompatibleModelException(file + ": unreadable metadata: " + e.getMessage(), e);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IncompatibleModelException(file + " is not a model file (not a zip): " + e.getMessage(), e);
        }
    }

    /** Refuses metadata that this code or the network itself contradicts, naming the field and both values. */
    static void checkFits(MultiLayerNetwork network, ModelMetadata metadata, Path file) {
        String where = file + ": ";
        if (metadata.formatVersion() != FORMAT_VERSION) {
            throw new IncompatibleModelException(where + "metadata format version " + metadata.formatVersion()
                    + " is not supported by this code (expects " + FORMAT_VERSION + "); retrain or use a matching release");
        }
        if (metadata.classes() == null || metadata.classes().size() < 2) {
            throw new IncompatibleModelException(where + "metadata lists " + metadata.classes() + " as classes; need at least 2");
        }
        if (metadata.channels() != 3) {
            throw new IncompatibleModelException(where + "metadata says " + metadata.channels()
                    + " channels; this code feeds 3 (RGB)");
        }
        if (metadata.inputWidth() <= 0 || metadata.inputHeight() <= 0 || metadata.normalisation() == null) {
            throw new IncompatibleModelException(where + "metadata lacks a valid input size or normalisation");
        }
        DecisionRule rule = metadata.decision();
        for (String weighted : rule.weights().keySet()) {
            if (!metadata.classes().contains(weighted)) {
                throw new IncompatibleModelException(where + "the decision rule weighs class '" + weighted
                        + "', which is not among the model's classes " + metadata.classes());
            }
        }
        int layers = network.getnLayers();
        long outputs = ((FeedForwardLayer) network.getLayer(layers - 1).conf().getLayer()).getNOut();
        if (outputs != metadata.classes().size()) {
            throw new IncompatibleModelException(where + "metadata lists " + metadata.classes().size() + " classes "
                    + metadata.classes() + " but the network has " + outputs + " outputs");
        }
        long inputChannels = ((FeedForwardLayer) network.getLayer(0).conf().getLayer()).getNIn();
        if (inputChannels != metadata.channels()) {
            throw new IncompatibleModelException(where + "the network takes " + inputChannels
                    + " input channels but the metadata says " + metadata.channels());
        }
    }
}
