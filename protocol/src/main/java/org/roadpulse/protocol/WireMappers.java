package org.roadpulse.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The Jackson mappers for both encodings, shared because they are thread-safe and costly to build. */
final class WireMappers {

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxNumberLength(32)
            .maxStringLength(Limits.MAX_PAYLOAD_BYTES)
            .build();

    static final ObjectMapper JSON = strict(new ObjectMapper());
    static final ObjectMapper CBOR = strict(new CBORMapper(
            CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build()));

    static {
        JSON.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    /**
     * A payload means one thing or is malformed: Jackson by default reads the first value and ignores what follows
     * it, and keeps the last of two equal keys, where a firmware's parser may keep the first. With a duplicate
     * {@code seq} the two sides would disagree on the message identity, so both are refused.
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    static ObjectMapper of(Encoding encoding) {
        return encoding == Encoding.CBOR ? CBOR : JSON;
    }

    /**
     * Writes a payload tree. CBOR maps and arrays get definite lengths: Jackson writes objects of a tree with
     * indefinite length, which is valid CBOR but which some decoders on small devices do not read.
     */
    static byte[] write(JsonNode tree, Encoding encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = of(encoding).createGenerator(out)) {
            if (encoding == Encoding.CBOR) {
                writeDefinite(tree, generator);
            } else {
                generator.writeTree(tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeDefinite(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject(node, node.size());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                generator.writeFieldName(field.getKey());
                writeDefinite(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray(node, node.size());
            for (JsonNode item : node) {
                writeDefinite(item, generator);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private WireMappers() {
    }
}
