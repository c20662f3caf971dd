// The login page: posts the credentials as JSON to /login/session, which sets the HttpOnly login cookie, and then
// goes on to the page that sent the person here (?next=, same site only) or to the service's start page.
"use strict";

const TEXT = {
  de: {
    title: "Bei RoadPulse anmelden", username: "Benutzername", password: "Passwort", submit: "Anmelden",
    failed: "Benutzername oder Passwort ist falsch.",
    locked: "Zu viele Fehlversuche: das Konto ist vorübergehend gesperrt. Bitte später erneut versuchen.",
    limited: "Zu viele Anmeldeversuche. Bitte eine Minute warten.",
    error: "Die Anmeldung ist gerade nicht möglich.",
    oidc: "Mit dem Konto der Gemeinde anmelden",
  },
  en: {
    title: "Log in to RoadPulse", username: "Username", password: "Password", submit: "Log in",
    failed: "Wrong username or password.",
    locked: "Too many failed attempts: the account is locked for a while. Please try again later.",
    limited: "Too many login attempts. Please wait a minute.",
    error: "Logging in is not possible right now.",
    oidc: "Log in with the municipality's account",
  },
};

const params = new URLSearchParams(location.search);
const wanted = params.get("lang") || (navigator.languages || [navigator.language])[0] || "de";
const lang = wanted.toLowerCase().startsWith("en") ? "en" : "de";
const t = TEXT[lang];
document.documentElement.lang = lang;
document.title = "RoadPulse – " + t.submit;
for (const element of document.querySelectorAll("[data-text]")) {
  element.textContent = t[element.dataset.text];
}

/**
 * Only a path on this site: an absolute or protocol-relative address would send the person elsewhere. The part after
 * "#" (an item on the staff page) came along through the redirect here and goes on with the person.
 */
function nextPage() {
  const next = params.get("next");
  return (next && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/")
      + location.hash;
}

/**
 * A login cookie already there (another RoadPulse page on this host, or an old session) makes the service check CSRF
 * on this request too: repeat the CSRF cookie, as every page's changes do.
 */
function csrfHeader() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("CSRF-TOKEN="));
  return cookie ? { "X-CSRF-Token": cookie.substring("CSRF-TOKEN=".length) } : {};
}

/** The municipal identity provider's login, where the service offers one (the ingest service, when configured). */
fetch("/login/providers", { headers: { Accept: "application/json" } })
  .then(response => (response.ok ? response.json() : null))
  .then(providers => {
    if (providers && providers.oidc && providers.oidcLogin.startsWith("/")) {
      document.getElementById("oidc-login").href = providers.oidcLogin;
      document.getElementById("oidc").hidden = false;
    }
  })
  .catch(() => {});

document.getElementById("login").addEventListener("submit", async event => {
  event.preventDefault();
  const message = document.getElementById("message");
  message.textContent = "";
  try {
    const response = await fetch("/login/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeader() },
      body: JSON.stringify({
        username: document.getElementById("username").value.trim(),
        password: document.getElementById("password").value,
      }),
    });
    if (response.ok) {
      location.href = nextPage();
      return;
    }
    message.textContent = response.status === 401 ? t.failed : response.status === 423 ? t.locked
        : response.status === 429 ? t.limited : t.error;
  } catch (e) {
    message.textContent = t.error;
  }
});
