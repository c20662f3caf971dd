import { t, number, date } from "./i18n.js";
import { el, clear } from "./dom.js";

// The prioritised list as a table: rank, damage (with a safety badge), grade, score, road, status, first seen.
export function renderList(tbody, countLine, items, onOpen) {
  clear(tbody);
  for (const item of items) {
    const row = el("tr", null, { class: "item", tabindex: "0", "data-id": String(item.id) });
    row.append(el("td", item.rank));
    const damage = el("td", t("kind_" + item.kind) + " ");
    if (item.safetyCritical) damage.append(el("span", t("safety"), { class: "safety" }));
    row.append(damage, el("td", number(item.grade)), el("td", number(item.score)),
      el("td", item.road || item.segmentId), el("td", t("status_" + item.status)), el("td", date(item.firstSeen)));
    row.addEventListener("click", () => onOpen(item.id));
    row.addEventListener("keydown", e => { if (e.key === "Enter") onOpen(item.id); });
    tbody.append(row);
  }
  countLine.textContent = items.length ? t("count")(items.length) : t("empty");
}

// Detections no road was near: listed so staff can see what the list could not place, each with its image.
export function renderUnmatched(summary, list, detections, imageUrl) {
  summary.textContent = t("unmatched")(detections.length);
  clear(list);
  for (const d of detections) {
    const line = el("li", `${t("kind_" + d.kind)} · ${number(d.confidence * 100, 0)} % · ${d.latitude.toFixed(5)}, ${d.longitude.toFixed(5)} `);
    line.append(el("a", "JPEG", { href: imageUrl(d.imageId), target: "_blank", rel: "noopener" }));
    list.append(line);
  }
}
