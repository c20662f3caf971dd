// Calls to the ingest service's HTTP API (docs/flow-history.md). Refusals come back as ApiError carrying the
// API's {reason, field, message}, so the page can say what is wrong in the reader's language.

export class ApiError extends Error {
  constructor(status, reason, field, message) {
    super(message || reason || String(status));
    this.status = status;
    this.reason = reason || null;
    this.field = field || null;
  }
}

let pending = 0;
const loadingListeners = [];

/** Called with true when the first request starts and with false when the last one ends. */
export function onLoading(listener) {
  loadingListeners.push(listener);
}

function loading(delta) {
  const before = pending > 0;
  pending += delta;
  if (before !== pending > 0) loadingListeners.forEach(listener => listener(pending > 0));
}

export async function getJson(path) {
  loading(+1);
  try {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new ApiError(0, "network", null, e.message);
    }
    if (response.status === 401) {
      // The login cookie has expired: back to the login page, and then here again.
      location.href = "/login/?next=" + encodeURIComponent(location.pathname + location.search);
    }
    if (!response.ok) throw await refusal(response);
    return await response.json();
  } finally {
    loading(-1);
  }
}

async function refusal(response) {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.reason, body.field, body.message);
  } catch (e) {
    return new ApiError(response.status, null, null, response.statusText);
  }
}

/** The day after a local date (2021-03-07 → 2021-03-08): the API's "to" is exclusive, the page's inclusive. */
export function dayAfter(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || "");
  if (!match) return isoDate || "";
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The API's query parameters for a page query {sites, from, toInclusive, bucket, classes, split}.
 * Empty values are sent as they are, so the API names what is missing.
 */
export function flowParameters(query, overrides = {}) {
  const parameters = new URLSearchParams();
  parameters.set("sites", query.sites.join(","));
  parameters.set("from", query.from || "");
  parameters.set("to", dayAfter(query.toInclusive));
  parameters.set("bucket", query.bucket);
  parameters.set("split", query.split);
  parameters.set("classes", query.classes);
  for (const [name, value] of Object.entries(overrides)) parameters.set(name, value);
  return parameters;
}

export const paths = {
  sites: "/api/v1/sites",
  sitesGeojson: "/api/v1/sites.geojson",
  sitesDatex: "/api/v1/sites.datex2.xml",
  volumes: "/api/v1/flow/volumes",
  volumesCsv: "/api/v1/flow/volumes.csv",
  volumesDatex: "/api/v1/flow/volumes.datex2.xml",
  volumesNgsi: "/api/v1/flow/volumes.ngsi-ld.json",
  figures: "/api/v1/flow/figures",
  figuresCsv: "/api/v1/flow/figures.csv",
  settings: "/api/v1/planning/settings",
};

export function volumes(query, overrides) {
  return getJson(paths.volumes + "?" + flowParameters(query, overrides));
}

export function figures(query, split) {
  const parameters = flowParameters(query, { split });
  parameters.delete("bucket");
  parameters.delete("classes");
  return getJson(paths.figures + "?" + parameters);
}
