import { el } from "./dom.js";
import { hourOfDay, number, percent, t } from "./i18n.js";
import { seriesLabel } from "./sites.js";

// The standard figures per cross-section and, below each, per direction. The API averages over complete days
// only; a missing figure (no complete day) shows as "–", never as 0.

const COLUMNS = [
  ["dtv", "figDtv", "figTitleDtv", f => number(f.dtv)],
  ["dtvw", "figDtvw", "figTitleDtvw", f => number(f.dtvw)],
  ["dtvSv", "figDtvSv", "figTitleDtvSv", f => number(f.dtvSv)],
  ["svShare", "figSvShare", null, f => percent(f.svShare)],
  ["msv", "figMsv", "figTitleMsv", f => number(f.msv)],
  ["peakHour", "figPeak", null, f => peak(f.peakHour)],
  ["day", "figDay", null, f => dayOrNight(f.dayNight?.dayVolume, f.dayNight?.daySvShare)],
  ["night", "figNight", null, f => dayOrNight(f.dayNight?.nightVolume, f.dayNight?.nightSvShare)],
  ["v85", "figV85", null, f => f.speed?.v85Kmh === null || f.speed?.v85Kmh === undefined
      ? t("none") : `${number(f.speed.v85Kmh, 1)} km/h`],
  ["completeness", "figCompleteness", null, f => completeness(f)],
];

function peak(peakHour) {
  if (!peakHour || peakHour.meanVolume === null || peakHour.meanVolume === undefined) return t("none");
  return t("peakAt")(hourOfDay(peakHour.typicalHour), number(peakHour.meanVolume), percent(peakHour.meanSharePercent));
}

function dayOrNight(volume, svShare) {
  if (volume === null || volume === undefined) return t("none");
  return `${number(volume)} · SV ${percent(svShare)}`;
}

function completeness(figure) {
  const ratio = figure.completeness ? figure.completeness.ratio : null;
  return `${percent(ratio === null ? null : ratio * 100)} · ${t("daysComplete")(figure.completeDays, figure.days)}`;
}

export function renderFiguresHead(headRow) {
  headRow.replaceChildren(el("th", { scope: "col" }, t("figSite")),
      ...COLUMNS.map(([, label, title]) => el("th", { scope: "col", title: title ? t(title) : null }, t(label))));
}

/** Rows for each site: its cross-section, then its directions. */
export function renderFigures(body, crossSection, byDirection, siteOrder, sitesById) {
  body.replaceChildren();
  for (const siteId of siteOrder) {
    const rows = [
      ...crossSection.figures.filter(figure => figure.site === siteId),
      ...byDirection.figures.filter(figure => figure.site === siteId),
    ];
    for (const figure of rows) body.append(figureRow(figure, sitesById));
  }
}

function figureRow(figure, sitesById) {
  const name = figure.direction ? seriesLabel(figure, sitesById) : `${seriesLabel(figure, sitesById)} – ${t("crossSection")}`;
  const row = el("tr", {
    className: [figure.direction ? "direction" : "cross-section", figure.complete ? "" : "incomplete"].join(" ").trim(),
    dataset: { site: figure.site, direction: figure.direction || "cross-section" },
  }, el("th", { scope: "row" }, name));
  for (const [key, , , format] of COLUMNS) {
    const wraps = ["peakHour", "day", "night", "completeness"].includes(key);
    row.append(el("td", { className: wraps ? "num wraps" : "num", dataset: { figure: key } }, format(figure)));
  }
  return row;
}
