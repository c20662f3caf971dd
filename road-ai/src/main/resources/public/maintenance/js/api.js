// The JSON API of the maintenance queue; refusals come back as {reason, field, message}.
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : "HTTP " + status);
    this.status = status;
    this.reason = body && body.reason;
  }
}

/** The login cookie's CSRF partner, which every change repeats in a header (the service refuses it otherwise). */
function csrf() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("CSRF-TOKEN="));
  return cookie ? cookie.substring("CSRF-TOKEN=".length) : "";
}

/** Without a (valid) login the page goes to the login page, which brings the person back here. */
function toLogin() {
  location.href = "/login/?next=" + encodeURIComponent(location.pathname + location.search + location.hash);
}

async function call(path, options = {}) {
  const method = (options.method || "GET").toUpperCase();
  if (method !== "GET") options.headers = { ...(options.headers || {}), "X-CSRF-Token": csrf() };
  const response = await fetch(path, options);
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, null);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const municipalities = () => call("/api/v1/municipalities");
export const me = () => call("/api/v1/me");

export async function logout() {
  await fetch("/logout", { method: "POST", headers: { "X-CSRF-Token": csrf() } });
  toLogin();
}

export function base(ags) {
  return "/api/v1/municipalities/" + encodeURIComponent(ags);
}

export function items(ags, filter) {
  return call(base(ags) + "/items?" + new URLSearchParams(filter));
}

export const item = (ags, id) => call(base(ags) + "/items/" + encodeURIComponent(id));
export const roads = ags => call(base(ags) + "/roads");

export function act(ags, id, action, body) {
  return call(base(ags) + "/items/" + encodeURIComponent(id) + "/" + action, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
}

export const unmatched = ags => call(base(ags) + "/detections/unmatched");

/**
 * A drive's folder: the images as "files", the track (if any) as "track". The server's multipart decoder (Netty)
 * turns "=", ";", ":" and "," in a file name into spaces, so the names go percent-encoded and the form says so.
 */
export function importDrive(ags, files, track) {
  const form = new FormData();
  form.append("fileNameEncoding", "percent");
  for (const file of files) form.append("files", file, encodeURIComponent(file.name));
  if (track) form.append("track", track, encodeURIComponent(track.name));
  return call(base(ags) + "/images/batch", { method: "POST", body: form });
}
