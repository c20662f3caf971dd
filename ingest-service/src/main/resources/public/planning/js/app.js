import * as api from "./api.js";
import { byId, el, setText } from "./dom.js";
import { describe } from "./errors.js";
import { language, localDate, onLanguageChange, setLanguage, t, translateStatic } from "./i18n.js";
import { SiteMap } from "./map.js";
import { swatch } from "./palette.js";
import { lastFullWeek, precedingPeriod } from "./period.js";
import { municipalities, renderSiteList } from "./sites.js";
import { drawVolumes } from "./volumes-chart.js";
import { drawComparison } from "./comparison.js";
import { renderFigures, renderFiguresHead } from "./figures-table.js";
import { renderDownloads } from "./downloads.js";

// The page's state: the sites, which are selected, and the last answers, kept so that a language switch can
// redraw everything without asking the service again. The query also lives in the URL's hash, so a view can
// be bookmarked or sent to a colleague.

const state = {
  sites: [],
  sitesById: new Map(),
  selected: [],
  query: null,
  answers: null, // {volumes, crossSection, byDirection}
  comparison: null, // {a, b}
  errors: { sites: null, query: null, comparison: null },
};
let map;
let periodBEdited = false;

function visibleSites() {
  const municipality = byId("municipality").value;
  return municipality ? state.sites.filter(site => site.municipality === municipality) : state.sites;
}

function toggleSite(id) {
  state.selected = state.selected.includes(id)
      ? state.selected.filter(selected => selected !== id) : [...state.selected, id];
  showSelection();
}

function renderSites() {
  renderSiteList(byId("site-list"), visibleSites(), state.selected, toggleSite);
  showSelection();
}

/** Marks the selection in the list and on the map without rebuilding the list (keeps keyboard focus). */
function showSelection() {
  byId("site-list").querySelectorAll("tr[data-site]").forEach(row => {
    const chosen = state.selected.includes(row.dataset.site);
    row.classList.toggle("selected", chosen);
    row.querySelector("input").checked = chosen;
  });
  map?.highlight(state.selected);
  setText("selection-count", t("selectedCount")(state.selected.length));
}

function renderMunicipalities() {
  const select = byId("municipality");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, t("allMunicipalities")),
      ...municipalities(state.sites).map(ags => el("option", { value: ags }, ags)));
  select.value = chosen;
}

function readQuery() {
  return {
    sites: [...state.selected],
    from: byId("from").value,
    toInclusive: byId("to").value,
    bucket: byId("bucket").value,
    classes: byId("classes").value,
    split: byId("split").value,
    municipality: byId("municipality").value,
  };
}

// Where each kind of error is shown, and which inputs an API error's field points at.
const ERROR_PLACES = {
  sites: { target: "sites-error", inputs: {} },
  query: { target: "query-error", inputs: { from: "from", to: "to" } },
  comparison: { target: "comparison-error", inputs: { from: "b-from", to: "b-to" } },
};

function showError(kind, error) {
  state.errors[kind] = error;
  const place = ERROR_PLACES[kind];
  const prefix = kind === "sites" ? t("sitesFailed") + " " : "";
  byId(place.target).textContent = error ? prefix + describe(error) : "";
  Object.values(place.inputs).forEach(id => byId(id).removeAttribute("aria-invalid"));
  if (error && error.field && place.inputs[error.field]) {
    byId(place.inputs[error.field]).setAttribute("aria-invalid", "true");
  }
}

async function runQuery() {
  const query = readQuery();
  writeHash(query);
  showError("query", null);
  try {
    const [volumes, crossSection, byDirection] = await Promise.all([
      api.volumes(query), api.figures(query, "cross-section"), api.figures(query, "direction")]);
    state.query = query;
    state.answers = { volumes, crossSection, byDirection };
  } catch (error) {
    state.query = null;
    state.answers = null;
    showError("query", error);
  }
  renderAnswers();
  if (state.query) await runComparison();
  settled();
}

/** Counts finished queries on the body (data-settled), so tests and scripts can wait for an answer. */
function settled() {
  document.body.dataset.settled = String(Number(document.body.dataset.settled || 0) + 1);
}

async function runComparison() {
  if (!state.query) return;
  showError("comparison", null);
  const totals = { classes: "kfz", split: "cross-section" };
  const periodB = { ...state.query, from: byId("b-from").value, toInclusive: byId("b-to").value };
  writeHash(state.query);
  try {
    const [a, b] = await Promise.all([api.volumes(state.query, totals), api.volumes(periodB, totals)]);
    state.comparison = { a, b, periodA: state.query, periodB };
  } catch (error) {
    state.comparison = null;
    showError("comparison", error);
  }
  renderComparison();
}

function renderAnswers() {
  const answers = state.answers;
  byId("chart-empty").hidden = Boolean(answers);
  if (answers) {
    const summary = drawVolumes(byId("volumes-chart"), answers.volumes, state.sitesById);
    setText("chart-summary", t("chartSummary")(summary.buckets, summary.incomplete, summary.gaps));
    renderFigures(byId("figures-body"), answers.crossSection, answers.byDirection, state.query.sites, state.sitesById);
  } else {
    Chart.getChart(byId("volumes-chart"))?.destroy();
    setText("chart-summary", "");
    byId("figures-body").replaceChildren();
  }
  renderDownloads(byId("downloads"), state.query);
}

function renderComparison() {
  renderPeriodHeads();
  if (state.comparison) {
    drawComparison(byId("comparison-chart"), byId("comparison-body"), state.comparison.a, state.comparison.b,
        state.sitesById);
  } else {
    Chart.getChart(byId("comparison-chart"))?.destroy();
    byId("comparison-body").replaceChildren();
  }
}

function renderStatic() {
  translateStatic();
  document.title = t("title");
  document.querySelectorAll("[data-lang]").forEach(button =>
      button.setAttribute("aria-pressed", String(button.dataset.lang === language())));
  renderFiguresHead(byId("figures-head"));
  renderPeriodHeads();
}

/** "Zeitraum A (01.03.2021 – 07.03.2021): Summe Kfz" over the comparison's columns. */
function renderPeriodHeads() {
  const dates = period => period ? ` (${localDate(period.from)} – ${localDate(period.toInclusive)})` : "";
  const compared = state.comparison;
  setText("period-a-head", `${t("periodA")}${dates(compared && compared.periodA)}: ${t("total")}`);
  setText("period-b-head", `${t("periodB")}${dates(compared && compared.periodB)}: ${t("total")}`);
}

function zoomTitles() {
  return { zoomIn: t("zoomIn"), zoomOut: t("zoomOut") };
}

function rerender() {
  renderStatic();
  map?.translate(zoomTitles());
  renderMunicipalities();
  renderSites();
  renderAnswers();
  renderComparison();
  Object.keys(ERROR_PLACES).forEach(kind => showError(kind, state.errors[kind]));
}

function fillPeriodB() {
  const preceding = precedingPeriod(byId("from").value, byId("to").value);
  if (preceding && !periodBEdited) {
    byId("b-from").value = preceding.from;
    byId("b-to").value = preceding.toInclusive;
  }
}

function writeHash(query) {
  const parameters = new URLSearchParams({
    sites: query.sites.join(","), from: query.from, to: query.toInclusive, bucket: query.bucket,
    classes: query.classes, split: query.split, bfrom: byId("b-from").value, bto: byId("b-to").value,
  });
  history.replaceState(null, "", "#" + parameters);
}

/** Restores a bookmarked query; true when there was one to run. */
function readHash() {
  const parameters = new URLSearchParams(location.hash.slice(1));
  const fields = { from: "from", to: "to", bucket: "bucket", classes: "classes", split: "split",
    bfrom: "b-from", bto: "b-to" };
  for (const [name, id] of Object.entries(fields)) {
    if (parameters.has(name)) byId(id).value = parameters.get(name);
  }
  if (parameters.has("bfrom")) periodBEdited = true;
  const sites = (parameters.get("sites") || "").split(",").filter(Boolean);
  state.selected = sites;
  return sites.length > 0;
}

function wireEvents() {
  document.querySelectorAll("[data-lang]").forEach(button =>
      button.addEventListener("click", () => setLanguage(button.dataset.lang)));
  onLanguageChange(rerender);
  byId("municipality").addEventListener("change", () => {
    map?.show(visibleSites(), toggleSite);
    renderSites();
  });
  byId("query").addEventListener("submit", event => { event.preventDefault(); runQuery(); });
  byId("comparison").addEventListener("submit", event => {
    event.preventDefault();
    runComparison().then(settled);
  });
  ["from", "to"].forEach(id => byId(id).addEventListener("change", fillPeriodB));
  ["b-from", "b-to"].forEach(id => byId(id).addEventListener("change", () => { periodBEdited = true; }));
  api.onLoading(busy => {
    byId("loading").hidden = !busy;
    byId("main").setAttribute("aria-busy", String(busy));
  });
}

async function start() {
  document.querySelectorAll("[data-swatch]").forEach(item => item.prepend(swatch(item.dataset.swatch)));
  const week = lastFullWeek();
  byId("from").value = week.from;
  byId("to").value = week.toInclusive;
  const bookmarked = readHash();
  fillPeriodB();
  renderStatic();
  wireEvents();
  renderDownloads(byId("downloads"), null);
  renderSites();
  const [settings, sites] = await Promise.allSettled([api.getJson(api.paths.settings), api.getJson(api.paths.sites)]);
  const mapSettings = settings.status === "fulfilled" ? settings.value : {};
  map = new SiteMap(byId("map"), mapSettings, zoomTitles());
  byId("map-note").hidden = Boolean(mapSettings.tileUrl);
  if (sites.status === "fulfilled") {
    state.sites = sites.value;
    state.sitesById = new Map(state.sites.map(site => [site.id, site]));
  } else {
    showError("sites", sites.reason);
  }
  renderMunicipalities();
  renderSites();
  map.show(visibleSites(), toggleSite);
  showSelection();
  document.body.dataset.ready = "true"; // for tests and scripts: the sites are in
  if (bookmarked) await runQuery();
}

start();
