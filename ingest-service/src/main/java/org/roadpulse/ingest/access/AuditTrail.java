package org.roadpulse.ingest.access;

/** Where administrative actions, logins and lock-outs are written down. */
public interface AuditTrail {

    void record(AuditEntry entry);
}
