package org.roadpulse.roadai.roads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that road segments are read from GeoJSON, OSM tags included, and that each bad feature is refused alone. */
class GeoJsonRoadsTest {

    private final GeoJsonRoads reader = new GeoJsonRoads();

    @Test
    void readsLineStringsWithTheirProperties() {
        RoadImport result = reader.read("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"id":"L119","name":"Saarbrücker Straße","roadClass":"state",
                   "ags":"10045111","siteId":"bexbach-l119"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,49.35],[7.26,49.351]]}}]}""", null);
        assertThat(result.refused()).isEmpty();
        RoadSegment segment = result.accepted().get(0);
        assertThat(segment.id()).isEqualTo("L119");
        assertThat(segment.name()).isEqualTo("Saarbrücker Straße");
        assertThat(segment.roadClass()).isEqualTo(RoadClass.STATE);
        assertThat(segment.site()).contains("bexbach-l119");
        assertThat(segment.line().get(1)).isEqualTo(new GeoPoint(49.351, 7.26));
    }

    @Test
    void takesOpenStreetMapTagsAndSplitsMultiLines() {
        RoadImport result = reader.read("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"@id":"way/123","highway":"tertiary","name":"K 101"},
                   "geometry":{"type":"MultiLineString","coordinates":[[[7.0,49.4],[7.01,49.4]],
                                                                        [[7.01,49.4],[7.02,49.41]]]}}]}""",
                "10042114");
        assertThat(result.accepted()).extracting(RoadSegment::id).containsExactly("way/123/0", "way/123/1");
        assertThat(result.accepted()).allSatisfy(s -> {
            assertThat(s.roadClass()).isEqualTo(RoadClass.DISTRICT);
            assertThat(s.municipality()).isEqualTo("10042114");
        });
    }

    @Test
    void badFeaturesAreRefusedWithTheirReasonAndTheGoodOnesKept() {
        RoadImport result = reader.read("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"id":"ok","roadClass":"residential","ags":"10045111"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,49.35],[7.26,49.35]]}},
                  {"type":"Feature","properties":{"id":"point","roadClass":"residential","ags":"10045111"},
                   "geometry":{"type":"Point","coordinates":[7.25,49.35]}},
                  {"type":"Feature","properties":{"id":"noags","roadClass":"residential"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,49.35],[7.26,49.35]]}},
                  {"type":"Feature","properties":{"id":"footway","highway":"footway","ags":"10045111"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,49.35],[7.26,49.35]]}},
                  {"type":"Feature","properties":{"id":"short","roadClass":"state","ags":"10045111"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,49.35]]}},
                  {"type":"Feature","properties":{"id":"far","roadClass":"state","ags":"10045111"},
                   "geometry":{"type":"LineString","coordinates":[[7.25,95],[7.26,49.35]]}}]}""", null);
        assertThat(result.accepted()).extracting(RoadSegment::id).containsExactly("ok");
        assertThat(result.refused()).extracting(RoadImport.Refusal::id)
                .containsExactly("point", "noags", "footway", "short", "far");
        assertThat(result.refused().get(0).reason()).contains("LineString");
        assertThat(result.refused().get(1).reason()).contains("AGS");
        assertThat(result.refused().get(2).reason()).contains("footway");
        assertThat(result.refused().get(3).reason()).contains("two positions");
        assertThat(result.refused().get(4).reason()).contains("WGS 84");
    }

    @Test
    void somethingOtherThanAFeatureCollectionIsAnError() {
        assertThatThrownBy(() -> reader.read("{\"type\":\"Feature\"}", null)).hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> reader.read("{not json", null)).hasMessageContaining("not JSON");
    }
}
