package org.roadpulse.ingest.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters that the flow queries and their exports share, described once for the OpenAPI document:
 * each annotation here carries the {@link Parameter} that micronaut-openapi reads wherever it is put. The values
 * are those {@link org.roadpulse.ingest.flow.FlowRequests} accepts; docs/flow-history.md has the rules behind them.
 *
 * <p>"Required" is said in the text, not with {@code required = true}: the controllers take every parameter as
 * nullable so that a missing one is refused with its own reason ({@code sites.missing}, {@code period.missing}), and
 * the generator lets nullability win. Examples are left out where YAML would read them as a date or a number.
 */
final class FlowParameters {

    /** The 400 answer of every flow query and export, with its reason codes. */
    static final String REFUSALS = """
            The request cannot be answered as asked; `field` names the parameter. Reasons: `sites.missing` (no site \
            named), `sites.too_many` (more than 500), `site.unknown`, `period.missing`, `period.unparsable`, \
            `period.invalid` (empty or reversed), `bucket.unknown`, `bucket.too_fine` (more than 100,000 points: \
            choose a coarser bucket or a shorter period), `split.unknown`, `classes.unknown`, `figures.unknown`, \
            `format.unknown` (CSV only), `sites.none` (a DATEX II site table with no site in it).""";

    private FlowParameters() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(example = "bexbach-rathausstrasse", description = """
            **Required.** Measurement site ids, comma-separated (at most 500). Each site gives its own series.""")
    @interface Sites {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            **Required.** Start of the period: a local date (`2021-03-01`, midnight in the service's zone, \
            Europe/Berlin by default) or a date-time with offset (`2021-03-01T06:00:00+01:00`). A period is widened \
            to whole buckets (to whole days for figures).""")
    @interface From {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            **Required.** End of the period, **exclusive**, in the same forms as `from`: \
            `from=2021-03-01&to=2021-03-08` is the week of 1 to 7 March.""")
    @interface To {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            Length of each bucket. `15min` and `hour` are fixed lengths; `day`, `week` (Monday to Sunday), `month` and \
            `year` are local, so a day has 23 or 25 hours when the clocks change. At most 100,000 buckets times \
            sites, or `bucket.too_fine`.""",
            schema = @Schema(allowableValues = {"15min", "hour", "day", "week", "month", "year"},
                    defaultValue = "hour"))
    @interface Bucket {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            `cross-section`: one series per site, both directions together; `direction`: one series per direction \
            the site has lanes in (`forward`, `backward`).""",
            schema = @Schema(allowableValues = {"cross-section", "direction"}, defaultValue = "cross-section"))
    @interface Split {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            Vehicle class group (TLS) of the volume categories: `8+1` Krad, Pkw, Lfw, PkwA, Lkw, LkwA, SattelKfz, \
            Bus, nkKfz; `5+1` PkwGruppe, PkwA, Lkw, LkwASattelKfz, Bus, nkKfz; `2+1` PkwAehnlich, LkwAehnlich, \
            nkKfz; `kfz` all motor vehicles; `sv` SV (heavy vehicles) and nichtSV. Classes add up to coarser \
            groups only: vehicles a device counted in a coarser scheme than asked for are given as `coarser`. \
            In a URL, `+` is written `%2B` (an unencoded `+` arrives as a space, which is accepted too).""",
            schema = @Schema(allowableValues = {"8+1", "5+1", "2+1", "kfz", "sv"}, defaultValue = "8+1"))
    @interface Classes {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            `all`: every figure; `means`: the daily means only, leaving out the MSV and the peak hour (null), which \
            need every hour of the period: for many sites over a year several times faster.""",
            schema = @Schema(allowableValues = {"all", "means"}, defaultValue = "all"))
    @interface Figures {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            `comma`: RFC 4180, decimal points; `semicolon`: semicolons, decimal commas and a UTF-8 byte-order mark, \
            as German Excel expects.""",
            schema = @Schema(allowableValues = {"comma", "semicolon"}, defaultValue = "comma"))
    @interface Format {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = """
            Only the sites of this municipality: its official municipality key (AGS, 8 digits, e.g. `10045111`).""")
    @interface Municipality {
    }
}
