package org.roadpulse.roadai.service.http;

import jakarta.inject.Singleton;
import org.roadpulse.roadai.service.access.Staff;
import org.roadpulse.roadai.service.domain.Municipality;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
import org.roadpulse.roadai.service.storage.PgMunicipalities;

/**
 * The municipality a request is about, from the {@code {ags}} of its path, as far as the caller works in it: a
 * malformed AGS is a 400; an unknown one, and one the caller's token does not name, a 404 alike, so another
 * municipality's queue cannot even be told to exist. Every store query then names this municipality, so nothing of
 * another one can be read or changed.
 */
@Singleton
final class Scope {

    private final PgMunicipalities municipalities;

    Scope(PgMunicipalities municipalities) {
        this.municipalities = municipalities;
    }

    Municipality of(String ags, Staff staff) {
        if (ags == null || !ags.matches("\\d{8}")) {
            throw new InvalidParameterException("ags", "a municipality is named by its 8-digit AGS, not '" + ags + "'");
        }
        if (!staff.worksIn(ags)) {
            throw new UnknownMunicipalityException(ags);
        }
        return municipalities.find(ags).orElseThrow(() -> new UnknownMunicipalityException(ags));
    }

    static final class UnknownMunicipalityException extends RuntimeException {
        UnknownMunicipalityException(String ags) {
            super("no municipality with AGS " + ags);
        }
    }
}
