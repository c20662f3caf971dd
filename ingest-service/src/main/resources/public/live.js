// The live page (index.html). A script file, not inline: the Content-Security-Policy runs only the service's own files.
"use strict";
// Device names come from operators and devices: they are only ever set as textContent, never as HTML.
const TEXT = {
  de: {
    title: "RoadPulse – Zählstellen live",
    lead: "Alle registrierten Zählstellen mit ihrem letzten Lebenszeichen und den gespeicherten Zählintervallen. "
        + "Kommen Zählungen an, steigt die Zahl der Intervalle.",
    device: "Zählstelle", municipality: "Gemeinde (AGS)", state: "Zustand", lastSeen: "Zuletzt gesehen",
    sensor: "Detektor", sensorOk: "misst", sensorDown: "gestört seit", sensorUnknown: "–",
    stored: "Gespeicherte Intervalle", lastInterval: "Letztes Intervall ab",
    refresh: "Aktualisiert sich alle 5 s. Stand:", online: "online", offline: "offline", unknown: "unbekannt",
    disabled: "gesperrt", never: "noch nie", none: "Noch keine Zählstellen registriert.",
    failed: "Die Liste konnte nicht geladen werden.", planning: "Verkehrsmengen für die Planung",
    apiDocs: "HTTP-API: Dokumentation (OpenAPI, Swagger UI)"
  },
  en: {
    title: "RoadPulse – counting sites live",
    lead: "Every registered counting site with its latest sign of life and the count intervals stored so far. "
        + "When counts arrive, the number of intervals goes up.",
    device: "Counting site", municipality: "Municipality (AGS)", state: "State", lastSeen: "Last seen",
    sensor: "Detector", sensorOk: "measuring", sensorDown: "down since", sensorUnknown: "–",
    stored: "Stored intervals", lastInterval: "Latest interval from",
    refresh: "Refreshes every 5 s. As of", online: "online", offline: "offline", unknown: "unknown",
    disabled: "disabled", never: "never", none: "No counting sites registered yet.",
    failed: "The list could not be loaded.", planning: "Traffic volumes for planning",
    apiDocs: "HTTP API: documentation (OpenAPI, Swagger UI)"
  }
};
const requested = new URLSearchParams(location.search).get("lang");
const lang = requested === "de" || requested === "en" ? requested
    : (navigator.language || "de").toLowerCase().startsWith("de") ? "de" : "en";
const t = TEXT[lang];
document.documentElement.lang = lang;
document.title = t.title;
document.querySelectorAll("[data-text]").forEach(el => { el.textContent = t[el.dataset.text]; });
document.querySelectorAll("[data-lang]").forEach(a => a.setAttribute("aria-current", String(a.dataset.lang === lang)));
document.getElementById("planning").href = "/planning/?lang=" + lang;

const locale = lang === "de" ? "de-DE" : "en-GB";
const time = iso => iso ? new Date(iso).toLocaleString(locale, { timeZone: "Europe/Berlin" }) : t.never;
const previous = new Map();

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// The detector's own state (a camera whose stream dropped is "down" while the device is online); older devices
// do not report it.
function sensorBadge(sensor) {
  const badge = document.createElement("span");
  if (!sensor) {
    badge.textContent = t.sensorUnknown;
    return badge;
  }
  const down = sensor.state === "down";
  badge.className = "state " + (down ? "offline" : "online");
  badge.textContent = down ? t.sensorDown + " " + time(sensor.since) : t.sensorOk;
  if (down && sensor.reason) badge.title = sensor.reason;
  badge.dataset.sensor = sensor.state;
  return badge;
}

function render(devices) {
  const body = document.getElementById("devices");
  body.replaceChildren();
  if (devices.length === 0) {
    const row = body.insertRow();
    const td = cell(row, t.none);
    td.colSpan = 7;
  }
  for (const d of devices) {
    const row = body.insertRow();
    const name = cell(row, d.name + " ");
    const id = document.createElement("small");
    id.textContent = "(" + d.id + ")";
    name.appendChild(id);
    cell(row, d.municipality);
    const state = d.enabled ? (d.state || "unknown") : "disabled";
    const badge = document.createElement("span");
    badge.className = "state " + (state === "online" ? "online" : state === "offline" || state === "disabled" ? "offline" : "unknown");
    badge.textContent = t[state] || state;
    row.insertCell().appendChild(badge);
    row.insertCell().appendChild(sensorBadge(d.sensor));
    cell(row, time(d.lastSeen));
    const stored = cell(row, Number(d.storedIntervals).toLocaleString(locale), "num");
    if (previous.has(d.id) && previous.get(d.id) !== d.storedIntervals) stored.classList.add("fresh");
    previous.set(d.id, d.storedIntervals);
    cell(row, time(d.lastIntervalStart));
  }
}

async function refresh() {
  try {
    const response = await fetch("/api/v1/devices", { headers: { Accept: "application/json" } });
    if (response.status === 401) { location.href = "/login/?next=" + encodeURIComponent("/"); return; }
    if (!response.ok) throw new Error(String(response.status));
    render(await response.json());
    document.getElementById("updated").textContent = new Date().toLocaleTimeString(locale);
    document.getElementById("error").textContent = "";
  } catch (e) {
    document.getElementById("error").textContent = t.failed;
  }
}

refresh();
setInterval(refresh, 5000);
