import { el } from "./dom.js";
import { flowParameters, paths } from "./api.js";
import { t } from "./i18n.js";

// Links, not buttons with scripts: the browser downloads the API's exports itself, and a planner can copy a
// link into another tool. Each carries the page's current query.

function exportsOf(query) {
  const flow = flowParameters(query);
  const semicolon = flowParameters(query, { format: "semicolon" });
  const figures = flowParameters(query);
  figures.delete("bucket");
  figures.delete("classes");
  const municipality = new URLSearchParams();
  if (query.municipality) municipality.set("municipality", query.municipality);
  const suffix = parameters => (String(parameters) ? "?" + parameters : "");
  return [
    ["csv", "dlCsv", paths.volumesCsv + suffix(flow)],
    ["csv-semicolon", "dlCsvSemicolon", paths.volumesCsv + suffix(semicolon)],
    ["figures-csv", "dlFiguresCsv", paths.figuresCsv + suffix(figures)],
    ["datex2", "dlDatex", paths.volumesDatex + suffix(flow)],
    ["ngsi-ld", "dlNgsi", paths.volumesNgsi + suffix(flow)],
    ["sites-geojson", "dlSitesGeojson", paths.sitesGeojson + suffix(municipality)],
    ["sites-datex2", "dlSitesDatex", paths.sitesDatex + suffix(municipality)],
  ];
}

/** The download links for a query, or a note that they come after the first query. */
export function renderDownloads(list, query) {
  list.replaceChildren();
  if (!query) {
    list.append(el("li", { className: "muted" }, t("downloadsDisabled")));
    return;
  }
  for (const [kind, label, href] of exportsOf(query)) {
    list.append(el("li", {}, el("a", { href, download: "", className: "download", dataset: { export: kind } }, t(label))));
  }
}
