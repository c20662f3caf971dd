import { TEXTS } from "./texts.js";

// The language: ?lang=, else the last choice on this browser, else the browser's languages; German by default.
const KEY = "roadpulse.lang";
const listeners = [];
let current = initial();

function initial() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked in TEXTS) return asked;
  const stored = recall(KEY);
  if (stored in TEXTS) return stored;
  for (const preferred of navigator.languages || [navigator.language || "de"]) {
    const base = preferred.toLowerCase().slice(0, 2);
    if (base in TEXTS) return base;
  }
  return "de";
}

export function recall(key) {
  try { return localStorage.getItem(key); } catch (e) { return null; }
}

export function remember(key, value) {
  try { localStorage.setItem(key, value); } catch (e) { /* storage off: the choice lasts for this page */ }
}

export function t(key) {
  const text = TEXTS[current][key];
  return text === undefined ? key : text;
}

export function locale() {
  return current === "de" ? "de-DE" : "en-GB";
}

export function setLanguage(lang) {
  if (!(lang in TEXTS) || lang === current) return;
  current = lang;
  remember(KEY, lang);
  translate();
  listeners.forEach(listener => listener());
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Fills data-text, data-label and data-placeholder elements; texts go in as text, never as markup. */
export function translate() {
  document.documentElement.lang = current;
  document.querySelectorAll("[data-text]").forEach(e => { e.textContent = t(e.dataset.text); });
  document.querySelectorAll("[data-label]").forEach(e => e.setAttribute("aria-label", t(e.dataset.label)));
  document.querySelectorAll("[data-placeholder]").forEach(e => { e.placeholder = t(e.dataset.placeholder); });
  document.querySelectorAll("[data-lang]").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.lang === current)));
  document.title = "RoadPulse – " + t("title");
}

export function number(value, digits = 1) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function date(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(new Date(iso)) : "–";
}

/** A calendar day such as "2026-12-06", the same day in every time zone. */
export function day(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
