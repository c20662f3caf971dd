package org.roadpulse.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies how a payload's encoding is told from its bytes, its media type and its CoAP content format. */
class EncodingTest {

    @Test
    void sniffsJsonObjectAfterWhitespace() {
        // GIVEN a JSON object with leading blanks and line breaks
        byte[] payload = " \r\n\t{\"v\":1}".getBytes(StandardCharsets.UTF_8);

        // WHEN sniffed, THEN it is JSON
        assertThat(Encoding.sniff(payload)).isEqualTo(Encoding.JSON);
    }

    @Test
    void sniffsEveryCborMapHeaderAsCbor() {
        // GIVEN the first bytes of CBOR maps: empty, 8 entries, 23 entries, one-byte length, indefinite length
        for (int first : new int[] {0xA0, 0xA8, 0xB7, 0xB8, 0xBF}) {
            // WHEN sniffed, THEN it is CBOR
            assertThat(Encoding.sniff(new byte[] {(byte) first, 0x00})).as("0x%02X", first).isEqualTo(Encoding.CBOR);
        }
    }

    @Test
    void sniffsSelfDescribedCborAsCbor() {
        // GIVEN CBOR that starts with tag 55799 before the map
        byte[] payload = {(byte) 0xD9, (byte) 0xD9, (byte) 0xF7, (byte) 0xA1, 0x61, 'v', 0x01};

        // WHEN sniffed, THEN it is CBOR
        assertThat(Encoding.sniff(payload)).isEqualTo(Encoding.CBOR);
    }

    @Test
    void takesWhatIsNeitherAsJsonSoThatItIsRefusedAsMalformed() {
        // GIVEN payloads that start like no map: empty, blanks only, a CBOR array, a bare tag byte, a UTF-8 BOM
        byte[][] payloads = {
                {},
                "  \n".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0x81, (byte) 0xA0},
                {(byte) 0xD9, (byte) 0xD9},
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}};

        for (byte[] payload : payloads) {
            // WHEN sniffed, THEN the guess is JSON
            assertThat(Encoding.sniff(payload)).isEqualTo(Encoding.JSON);
        }
    }

    @Test
    void readsMediaTypesWithParametersAndAnyCase() {
        assertThat(Encoding.fromMediaType("application/json; charset=utf-8")).contains(Encoding.JSON);
        assertThat(Encoding.fromMediaType(" Application/CBOR ")).contains(Encoding.CBOR);
        assertThat(Encoding.fromMediaType("text/plain")).isEmpty();
        assertThat(Encoding.fromMediaType("")).isEmpty();
        assertThat(Encoding.fromMediaType(null)).isEmpty();
    }

    @Test
    void readsUpperCaseMediaTypeUnderATurkishDefaultLocale() {
        // GIVEN a JVM whose default locale lower-cases 'I' to a dotless 'ı'
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            // WHEN an upper-case media type is read, THEN it is still JSON
            assertThat(Encoding.fromMediaType("APPLICATION/JSON")).contains(Encoding.JSON);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void mapsCoapContentFormats() {
        assertThat(Encoding.fromCoapContentFormat(50)).contains(Encoding.JSON);
        assertThat(Encoding.fromCoapContentFormat(60)).contains(Encoding.CBOR);
        assertThat(Encoding.fromCoapContentFormat(0)).as("text/plain").isEmpty();
        assertThat(Encoding.JSON.coapContentFormat()).isEqualTo(50);
        assertThat(Encoding.CBOR.mediaType()).isEqualTo("application/cbor");
    }
}
