import { t } from "./i18n.js";
import { el, clear } from "./dom.js";
import { importDrive } from "./api.js";

// Uploads a drive's images (and track) and shows the batch report, one line per file. File names are shown as
// text: a name like "<img onerror=…>.jpg" stays a name.
export function setUpImport(currentAgs, onDone, showError) {
  const button = document.getElementById("import-start");
  button.addEventListener("click", async () => {
    const files = document.getElementById("import-files").files;
    const track = document.getElementById("import-track").files[0];
    if (!files.length) return;
    const summary = document.getElementById("import-summary");
    summary.textContent = t("importRunning")(files.length);
    button.disabled = true;
    try {
      const report = await importDrive(currentAgs(), files, track);
      summary.textContent = t("importDone")(report.stored, report.duplicates, report.refused);
      const rows = document.getElementById("import-rows");
      clear(rows);
      for (const file of report.files) {
        const row = el("tr");
        row.append(el("td", file.file), el("td", t("outcome_" + file.outcome)),
          el("td", file.outcome === "stored" ? "" : reason(file)));
        rows.append(row);
      }
      document.getElementById("import-report").hidden = false;
      document.body.dataset.imported = String(report.files.length);
      onDone();
    } catch (error) {
      summary.textContent = "";
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}

function reason(file) {
  const text = t("reason_" + file.reason);
  return text === "reason_" + file.reason ? file.message : text;
}
