import { TEXTS } from "./texts.js";

// The language comes from ?lang= (as on the live page), else the last choice on this browser, else the browser's
// preferred languages; German is the fallback because the platform's users are German municipalities.
const STORAGE_KEY = "roadpulse.lang";
const ZONE = "Europe/Berlin"; // days and hours are local time at the sites (docs/flow-history.md)
const listeners = [];
let current = initialLanguage();

function initialLanguage() {
  const requested = new URLSearchParams(location.search).get("lang");
  if (requested in TEXTS) {
    remember(requested);
    return requested;
  }
  const stored = recalled();
  if (stored in TEXTS) return stored;
  for (const preferred of navigator.languages || [navigator.language || "de"]) {
    const base = preferred.toLowerCase().slice(0, 2);
    if (base in TEXTS) return base;
  }
  return "de";
}

function remember(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // Storage may be off (private mode, policies); the choice then lasts for this page only.
  }
}

function recalled() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    return null;
  }
}

export function language() {
  return current;
}

export function locale() {
  return current === "de" ? "de-DE" : "en-GB";
}

/** The text for a key in the current language (a function for texts with values). */
export function t(key) {
  return TEXTS[current][key];
}

export function setLanguage(lang) {
  if (!(lang in TEXTS) || lang === current) return;
  current = lang;
  remember(lang);
  listeners.forEach(listener => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Fills every element with a data-text attribute (and data-title for tooltips) from the current language. */
export function translateStatic(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll("[data-text]").forEach(element => { element.textContent = t(element.dataset.text); });
  root.querySelectorAll("[data-title]").forEach(element => { element.title = t(element.dataset.title); });
  root.querySelectorAll("[data-label]").forEach(element => {
    element.setAttribute("aria-label", t(element.dataset.label));
  });
}

const NONE = "–";

/** 1.234,5 in German, 1,234.5 in English; "–" for a missing value (never a zero). */
export function number(value, fractionDigits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return NONE;
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A percentage given as 0–100: "12,5 %" in German, "12.5%" in English. */
export function percent(value, fractionDigits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return NONE;
  return new Intl.NumberFormat(locale(), {
    style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits,
  }).format(value / 100);
}

/** A signed change in percent, "+4,2 %". */
export function change(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return new Intl.NumberFormat(locale(), {
    style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1,
  }).format(value / 100);
}

/** The start of a bucket as a planner reads it: the date for days and longer, date and hour for hours. */
export function bucketLabel(iso, bucket) {
  const date = new Date(iso);
  const options = { timeZone: ZONE };
  if (bucket === "hour" || bucket === "15min") {
    Object.assign(options, { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  } else if (bucket === "month") {
    Object.assign(options, { month: "long", year: "numeric" });
  } else if (bucket === "year") {
    options.year = "numeric";
  } else {
    Object.assign(options, { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" });
  }
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A local date (2021-03-01) in the reader's format. */
export function localDate(isoDate) {
  if (!isoDate) return NONE;
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" })
      .format(new Date(Date.UTC(year, month - 1, day)));
}

/** An hour of the day (0–23) as "07:00". */
export function hourOfDay(hour) {
  if (hour === null || hour === undefined) return NONE;
  return new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })
      .format(new Date(Date.UTC(2000, 0, 1, hour)));
}
