/**
 * Flow history in exchange formats: {@link org.roadpulse.ingest.flow.export.CsvExport} (spreadsheets),
 * {@link org.roadpulse.ingest.flow.export.Datex2Export} (DATEX II v3.6, the European traffic-data standard) and
 * {@link org.roadpulse.ingest.flow.export.NgsiLdExport} (FIWARE {@code TrafficFlowObserved}, NGSI-LD keyValues).
 * Pure writers on an {@code OutputStream}: no HTTP here; the controllers choose media types and file names.
 *
 * <p>Rules shared by all three: a gap is never a zero (empty cell, DATEX II fault, no entity); partially measured
 * buckets keep the vehicles counted and say how much was measured (CSV columns, DATEX II data quality); the total
 * and the heavy count include vehicles counted at a coarser class scheme, the categories do not.
 */
package org.roadpulse.ingest.flow.export;
