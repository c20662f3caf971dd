import { el } from "./dom.js";
import { t } from "./i18n.js";

/** The site's road as planners write it: "L 119 Rathausstraße". */
export function roadOf(site) {
  const road = site.road || {};
  return [road.number, road.name].filter(Boolean).join(" ");
}

/** What a series is called: the site's name, and its direction label when split by direction. */
export function seriesLabel(series, sitesById) {
  const site = sitesById.get(series.site);
  const name = site ? site.name : series.site;
  if (!series.direction) return name;
  const labels = (site && site.directionLabels) || {};
  return `${name} – ${labels[series.direction] || t(series.direction)}`;
}

/** The distinct municipality keys, for the filter. */
export function municipalities(sites) {
  return [...new Set(sites.map(site => site.municipality))].sort();
}

/**
 * The list of sites as table rows with a checkbox each; toggling one calls onToggle(id). Names are set as text:
 * they come from operators and GeoJSON imports.
 */
export function renderSiteList(body, sites, selected, onToggle) {
  body.replaceChildren();
  if (sites.length === 0) {
    body.append(el("tr", {}, el("td", { colspan: 4 }, t("noSites"))));
    return;
  }
  for (const site of sites) {
    const box = el("input", { type: "checkbox", id: `site-${site.id}`, value: site.id });
    box.checked = selected.includes(site.id);
    box.addEventListener("change", () => onToggle(site.id));
    const row = el("tr", { dataset: { site: site.id }, className: box.checked ? "selected" : "" },
        el("td", {}, box),
        el("td", {}, el("label", { for: box.id, className: "site-name" }, site.name)),
        el("td", {}, site.municipality),
        el("td", {}, roadOf(site)));
    body.append(row);
  }
}
