import { t, number, date, dateTime } from "./i18n.js";
import { el, clear } from "./dom.js";
import { base } from "./api.js";
import { basis } from "./why.js";

// One item: its anonymised image with the damage overlay, the facts, "why here", comments and history.
export function renderItem(ags, detail) {
  const item = detail.item;
  for (const list of ["detections", "comments", "history"]) detail[list] = detail[list] || [];
  document.getElementById("item-heading").textContent = t("item")(item.id);
  const latest = detail.detections.length ? detail.detections[detail.detections.length - 1] : null;
  const overlay = document.getElementById("item-overlay");
  const link = document.getElementById("item-image-link");
  if (latest) {
    overlay.src = base(ags) + "/images/" + latest.imageId + "/overlay.jpg";
    link.href = base(ags) + "/images/" + latest.imageId + "/image.jpg";
  }
  overlay.alt = t("imageCaption");
  // Each drive that saw the damage left an image: all of them, oldest first, each opening its overlay.
  const images = document.getElementById("item-images");
  clear(images);
  const ids = [...new Set(detail.detections.map(d => d.imageId))];
  if (ids.length > 1) {
    images.append(el("span", t("imagesOfItem") + " "));
    ids.forEach((id, i) => {
      images.append(el("a", t("imageN")(i + 1), { href: base(ags) + "/images/" + id + "/overlay.jpg",
        target: "_blank", rel: "noopener" }), document.createTextNode(" "));
    });
  }
  const facts = document.getElementById("item-facts");
  clear(facts);
  const fact = (key, value) => facts.append(el("dt", t(key)), el("dd", value));
  fact("factStatus", t("status_" + item.status));
  fact("factGrade", number(item.grade) + " – " + t("kind_" + item.kind) + " (" + item.rddCode + ")");
  fact("factScore", number(item.score) + (item.safetyCritical ? " · " + t("safety") : ""));
  const roadClass = item.why.find(term => term.term === "roadClass");
  fact("factRoad", (item.road || item.segmentId) + " · " + (roadClass ? basis(roadClass) : item.roadClass));
  fact("factSection", t("section")(item.section, item.section * 10, item.section * 10 + 10));
  fact("factFirstSeen", date(item.firstSeen));
  fact("factLastSeen", date(item.lastSeen));
  fact("factAssignee", item.assignee || "–");
  fact("factSchedule", item.scheduledFor ? date(item.scheduledFor) + " · " + item.crew : "–");
  const why = document.getElementById("why-rows");
  clear(why);
  for (const term of item.why) {
    const row = el("tr");
    row.append(el("td", t("term_" + term.term)), el("td", basis(term)), el("td", number(term.points)));
    why.append(row);
  }
  const comments = document.getElementById("comments");
  clear(comments);
  if (!detail.comments.length) comments.append(el("li", t("noComments"), { class: "muted" }));
  for (const c of detail.comments) comments.append(el("li", `${dateTime(c.at)} · ${c.who}: ${c.text}`));
  const history = document.getElementById("history");
  clear(history);
  for (const e of detail.history) {
    const change = e.from && e.to ? ` (${t("status_" + e.from)} → ${t("status_" + e.to)})` : "";
    history.append(el("li", `${dateTime(e.at)} · ${e.who}: ${e.action}${change}${e.detail ? " – " + e.detail : ""}`));
  }
}
