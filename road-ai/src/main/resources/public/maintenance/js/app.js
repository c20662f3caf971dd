import { t, translate, setLanguage, onLanguageChange, recall, remember } from "./i18n.js";
import * as api from "./api.js";
import { renderList, renderUnmatched } from "./list.js";
import { showMap } from "./map.js";
import { renderItem } from "./item.js";
import { setUpImport } from "./drive-import.js";

// The staff page: municipality, filters, the list with its map, and one item with its actions (#item-<id>).
const AGS_KEY = "roadpulse.ags";
const $ = id => document.getElementById(id);
const state = { ags: null, municipalities: [], items: [], roads: null, detail: null, unmatched: [] };

function filter() {
  const f = { status: $("filter-status").value };
  if ($("filter-class").value) f.class = $("filter-class").value;
  if ($("filter-grade").value) f.grade = $("filter-grade").value;
  return f;
}

function showError(where, error) {
  $(where).textContent = error && error.status === 503 && !error.reason ? t("unavailable")
    : t("failed") + (error && error.message ? error.message : String(error));
}

async function loadList() {
  $("page-error").textContent = "";
  const query = new URLSearchParams(filter()).toString();
  $("export-csv").href = api.base(state.ags) + "/items.csv?" + query;
  $("export-geojson").href = api.base(state.ags) + "/items.geojson?" + query;
  try {
    const [reply, roads, unmatched] = await Promise.all([api.items(state.ags, filter()),
      state.roads || api.roads(state.ags), api.unmatched(state.ags)]);
    state.items = reply.items;
    state.roads = roads;
    state.unmatched = unmatched;
    drawList();
  } catch (error) {
    showError("page-error", error);
  }
}

function drawList() {
  renderList($("item-rows"), $("list-count"), state.items, open);
  renderUnmatched($("unmatched-summary"), $("unmatched"), state.unmatched,
    id => api.base(state.ags) + "/images/" + id + "/image.jpg");
  const municipality = state.municipalities.find(m => m.ags === state.ags);
  showMap($("map"), municipality.area, state.roads, state.items, open);
  document.body.dataset.ready = "list";
}

function open(id) {
  location.hash = "item-" + id;
}

async function showRoute() {
  const match = /^#item-(\d+)$/.exec(location.hash);
  $("item-section").hidden = !match;
  if (!match) return;
  $("action-error").textContent = "";
  try {
    state.detail = await api.item(state.ags, match[1]);
    renderItem(state.ags, state.detail);
    document.body.dataset.ready = "item-" + match[1];
    $("item-section").scrollIntoView();
  } catch (error) {
    showError("page-error", error);
  }
}

async function act(action) {
  const body = {
    schedule: { date: $("schedule-date").value, crew: $("schedule-crew").value },
    assign: { assignee: $("assignee").value },
    comment: { text: $("comment-text").value },
  }[action] || {};
  $("action-error").textContent = "";
  try {
    state.detail = await api.act(state.ags, state.detail.item.id, action, body);
    if (action === "comment") $("comment-text").value = "";
    renderItem(state.ags, state.detail);
    document.body.dataset.done = action + "-" + state.detail.item.id;
    loadList();
  } catch (error) {
    showError("action-error", error);
  }
}

async function start() {
  translate();
  document.querySelectorAll("[data-lang]").forEach(b => b.addEventListener("click", () => setLanguage(b.dataset.lang)));
  onLanguageChange(() => {
    if (state.items) drawList();
    if (state.detail && !$("item-section").hidden) renderItem(state.ags, state.detail);
  });
  $("logout").addEventListener("click", () => api.logout());
  ["filter-status", "filter-class", "filter-grade"].forEach(id => $(id).addEventListener("change", loadList));
  document.querySelectorAll("[data-action]").forEach(b => b.addEventListener("click", () => act(b.dataset.action)));
  $("back").addEventListener("click", e => { e.preventDefault(); history.pushState(null, "", location.pathname + location.search); showRoute(); });
  window.addEventListener("hashchange", showRoute);
  setUpImport(() => state.ags, loadList, error => showError("page-error", error));
  try {
    $("who").textContent = (await api.me()).username;
    state.municipalities = await api.municipalities();
  } catch (error) {
    showError("page-error", error);
    return;
  }
  if (state.municipalities.length === 0) {
    $("page-error").textContent = t("noMunicipality");
    return;
  }
  const select = $("municipality");
  for (const m of state.municipalities) {
    const option = document.createElement("option");
    option.value = m.ags;
    option.textContent = `${m.name} (${m.ags})`;
    select.append(option);
  }
  const asked = new URLSearchParams(location.search).get("ags") || recall(AGS_KEY);
  state.ags = state.municipalities.some(m => m.ags === asked) ? asked : state.municipalities[0].ags;
  select.value = state.ags;
  select.addEventListener("change", () => {
    state.ags = select.value;
    state.roads = null;
    remember(AGS_KEY, state.ags);
    location.hash = "";
    loadList();
  });
  await loadList();
  await showRoute();
}

start();
