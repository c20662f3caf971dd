package org.roadpulse.protocol;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

/** The Jackson mappers for both encodings, shared because they are thread-safe and costly to build. */
final class WireMappers {

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxNumberLength(32)
            .maxStringLength(Limits.MAX_PAYLOAD_BYTES)
            .build();

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper CBOR = new CBORMapper(CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build());

    static {
        JSON.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    static ObjectMapper of(Encoding encoding) {
        return encoding == Encoding.CBOR ? CBOR : JSON;
    }

    private WireMappers() {
    }
}
