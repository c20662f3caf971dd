package org.roadpulse.roadai.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.service.RunningService.Part;

class WithoutModelTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAModelImageIntakeAnswers503NamingTheModelAndTheListStillWorks() throws IOException {
        try (RunningService service = RunningService.start(dataDir, false)) {
            HttpResponse<String> upload = service.postMultipart("/api/v1/municipalities/10046118/images",
                    List.of(new Part("file", "x.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8})));
            assertThat(upload.statusCode()).isEqualTo(503);
            JsonNode error = new ObjectMapper().readTree(upload.body());
            assertThat(error.path("reason").asText()).isEqualTo("model.missing");
            assertThat(error.path("message").asText()).contains("none.zip");
            assertThat(service.get("/api/v1/municipalities/10046118/items").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/municipalities").body()).contains("Tholey", "Bexbach", "Mettlach",
                    "Nalbach");
        }
    }
}
