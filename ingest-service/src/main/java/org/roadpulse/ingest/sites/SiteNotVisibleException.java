package org.roadpulse.ingest.sites;

/**
 * A change to a site of a municipality the caller may not see, or a new site placed in one. Answered like an unknown
 * site (404) when the site exists elsewhere, so that nothing about another municipality's sites is revealed, and as
 * 403 when the caller names a foreign municipality in the body.
 */
public final class SiteNotVisibleException extends RuntimeException {

    private final String municipality;

    public SiteNotVisibleException(String id, String municipality) {
        super("site '" + id + "' is not in your municipalities");
        this.municipality = municipality;
    }

    public String municipality() {
        return municipality;
    }
}
