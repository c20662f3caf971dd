package org.roadpulse.ingest.http;

import org.roadpulse.ingest.sites.SiteNotVisibleException;
import org.roadpulse.ingest.access.AdminAudit;
import io.swagger.v3.oas.annotations.Parameter;
import org.roadpulse.ingest.access.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.sites.InvalidSiteException;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measurement sites as GeoJSON ({@code /api/v1/sites.geojson}): export for GIS, and import of a
 * FeatureCollection in which every feature is created or replaced on its own, so one bad feature never keeps the
 * good ones out. The body is read here rather than by the framework, which has no reader for application/geo+json.
 */
@Controller("/api/v1/sites.geojson")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.SITES)
@Secured({AccessRules.PLANNER, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
final class SiteGeoJsonController {

    private static final Logger LOG = LoggerFactory.getLogger(SiteGeoJsonController.class);

    private final PgSites sites;
    private final AdminAudit audit;
    private final JsonMapper json;

    SiteGeoJsonController(PgSites sites, AdminAudit audit, JsonMapper json) {
        this.sites = sites;
        this.audit = audit;
        this.json = json;
    }

    @Get(produces = {SiteGeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportSitesGeoJson",
            summary = "Measurement sites as a GeoJSON FeatureCollection (for QGIS)", description = """
            One Point feature per site, `coordinates` [longitude, latitude] in WGS 84, the feature's `id` the site \
            id, the other fields as flat `properties` (one attribute-table column each): `id`, `municipality`, \
            `name`, `roadName`, `roadNumber`, `lanesForward`, `lanesBackward`, `forwardLabel`, `backwardLabel`, \
            `speedLimitKmh`, `devices`.""")
    @ApiResponse(responseCode = "200", description = "The sites", content = @Content(
            mediaType = SiteGeoJson.MEDIA_TYPE, schema = @Schema(implementation = SiteGeoJson.FeatureCollection.class)))
    @ApiResponse(responseCode = "400", description = "`municipality.invalid`: the filter is no AGS (8 digits)")
    @ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE)
    HttpResponse<?> export(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue @FlowParameters.Municipality String municipality) {
        Optional<MutableHttpResponse<?>> refusal = SiteReplies.checkMunicipalityFilter(municipality);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            byte[] body = json.writeValueAsBytes(SiteGeoJson.FeatureCollection.of(
                    sites.seenBy(caller.visibility()).list(municipality)));
            return HttpResponse.ok(body).contentType(SiteGeoJson.MEDIA_TYPE);
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("sites unavailable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(consumes = {SiteGeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "importSitesGeoJson",
            summary = "Import measurement sites from a GeoJSON FeatureCollection", description = """
            Every feature is created or replaced on its own, the site id read from `properties.id`; one bad feature \
            keeps no other out, and sending the same file again is harmless. The report says per feature \
            `imported` or `refused` with reason and `field`, a path in the upload such as \
            `features[2].properties.municipality`; the reasons are those of PUT /api/v1/sites/{id}, and \
            `feature.invalid` for a feature that cannot be read. At most 64 KiB (about 150 sites): split larger \
            files, for instance by municipality.""",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = SiteGeoJson.MEDIA_TYPE,
                            schema = @Schema(implementation = SiteGeoJson.FeatureCollection.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SiteGeoJson.FeatureCollection.class))}))
    @ApiResponse(responseCode = "200", description = "What happened to each feature",
            content = @Content(schema = @Schema(implementation = SiteImportReport.class)))
    @ApiResponse(responseCode = "400", description = """
            Nothing imported: `payload.malformed` (not JSON) or `geojson.invalid` (not a FeatureCollection with a \
            `features` array).""",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "413", description = "`payload.too_large`: more than 64 KiB",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    HttpResponse<?> importSites(@Parameter(hidden = true) Caller caller, @Body byte[] body) {
        SiteGeoJson.Upload upload;
        try {
            upload = json.readValue(body, SiteGeoJson.Upload.class);
        } catch (IOException e) {
            return SiteReplies.badRequest(Rejection.of(Reasons.PAYLOAD_MALFORMED, null,
                    "not readable as GeoJSON: " + e.getMessage()));
        }
        if (upload == null || !"FeatureCollection".equals(upload.type())) {
            return SiteReplies.badRequest(Rejection.of(SiteGeoJson.COLLECTION_INVALID, "type",
                    "upload a FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}"));
        }
        if (upload.features() == null) {
            return SiteReplies.badRequest(Rejection.of(SiteGeoJson.COLLECTION_INVALID, "features",
                    "a FeatureCollection has a \"features\" array"));
        }
        List<SiteImportReport.Outcome> outcomes = new ArrayList<>(upload.features().size());
        try {
            for (int i = 0; i < upload.features().size(); i++) {
                outcomes.add(importFeature(caller, i, upload.features().get(i)));
            }
        } catch (IllegalStateException e) {
            // Each feature is created or replaced, so repeating the whole upload is harmless.
            return SiteReplies.unavailable("import stopped after " + outcomes.size() + " feature(s); send it again");
        }
        return HttpResponse.ok(SiteImportReport.of(outcomes));
    }

    private SiteImportReport.Outcome importFeature(Caller caller, int index, @Nullable JsonNode node) {
        String path = "features[" + index + "]";
        SiteGeoJson.Feature feature;
        try {
            feature = node == null ? null : json.readValueFromTree(node, SiteGeoJson.Feature.class);
        } catch (IOException e) {
            // The reader's own message names internal types; say what a feature must look like instead.
            LOG.debug("Feature {} of an import not readable: {}", index, e.getMessage());
            return SiteImportReport.Outcome.refused(index, idOf(node), Rejection.of(SiteGeoJson.FEATURE_INVALID,
                    path, "not readable as a site feature: lanesForward, lanesBackward and speedLimitKmh are "
                            + "whole numbers, devices a list of texts, the other properties texts"));
        }
        if (feature == null) {
            return SiteImportReport.Outcome.refused(index, null, Rejection.of(SiteGeoJson.FEATURE_INVALID, path,
                    "a feature is an object"));
        }
        String id = feature.properties() == null ? null : feature.properties().id();
        Optional<Rejection> problem = feature.problem();
        if (problem.isPresent()) {
            return SiteImportReport.Outcome.refused(index, id, within(path, problem.get().field(), problem.get()));
        }
        try {
            PgSites.Saved saved = sites.save(feature.toSite(), caller.visibility());
            audit.record(caller, "site.imported", saved.site().id(), saved.site().municipality(), null);
            return SiteImportReport.Outcome.imported(index, saved.site().id(), saved.created());
        } catch (SiteNotVisibleException e) {
            return SiteImportReport.Outcome.refused(index, id, Rejection.of(SiteReplies.NOT_YOURS,
                    path + ".properties.municipality", e.getMessage()));
        } catch (InvalidSiteException e) {
            Rejection rejection = e.rejection();
            return SiteImportReport.Outcome.refused(index, id,
                    within(path, SiteGeoJson.field(rejection.field()), rejection));
        }
    }

    private static Rejection within(String path, @Nullable String field, Rejection rejection) {
        return Rejection.of(rejection.reason(), field == null ? path : path + "." + field, rejection.message());
    }

    /** The site id of a feature that cannot be read as a whole, for the report; null when there is none. */
    private static String idOf(@Nullable JsonNode node) {
        JsonNode properties = node == null || !node.isObject() ? null : node.get("properties");
        JsonNode id = properties == null || !properties.isObject() ? null : properties.get("id");
        return id != null && id.isString() ? id.getStringValue() : null;
    }
}
