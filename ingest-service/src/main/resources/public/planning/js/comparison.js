import { el } from "./dom.js";
import { bucketLabel, change, number, percent, t } from "./i18n.js";
import { seriesColor } from "./palette.js";
import { seriesLabel } from "./sites.js";

// Two periods of the same sites, aligned by position in the period (the first day of A beside the first day of
// B), so two weeks or two months can be laid over each other whatever their dates. Totals count measured
// vehicles only; a period that is not fully measured is flagged, since its total is then too low.

/** Measured vehicles and the measured share of one series over its period. */
export function totalOf(series) {
  let vehicles = 0;
  let measured = 0;
  let expected = 0;
  for (const bucket of series.buckets) {
    if (bucket.total !== null && bucket.total !== undefined) vehicles += bucket.total;
    if (bucket.completeness) {
      measured += bucket.completeness.measuredSeconds;
      expected += bucket.completeness.expectedSeconds;
    }
  }
  return { vehicles, ratio: expected > 0 ? measured / expected : 0 };
}

/** Change from B to A in percent, or null when B has no vehicles to compare with. */
export function changePercent(a, b) {
  return b > 0 ? (a - b) / b * 100 : null;
}

export function drawComparison(canvas, tableBody, a, b, sitesById) {
  Chart.getChart(canvas)?.destroy();
  const length = Math.max(...a.series.map(s => s.buckets.length), ...b.series.map(s => s.buckets.length), 0);
  const labels = Array.from({ length }, (_, index) => String(index + 1));
  const datasets = [];
  a.series.forEach((seriesA, index) => {
    const seriesB = b.series[index];
    const color = seriesColor(index);
    const name = seriesLabel(seriesA, sitesById);
    datasets.push(line(`${name} · ${t("periodA")}`, seriesA, color, [], length));
    if (seriesB) datasets.push(line(`${name} · ${t("periodB")}`, seriesB, color, [6, 4], length));
  });
  new Chart(canvas, {
    type: "line",
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      spanGaps: false, // a gap in the counts stays a gap in the line
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { title: { display: true, text: t("position") } },
        y: { beginAtZero: true, title: { display: true, text: t("vehicles") }, ticks: { callback: v => number(v) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: items => items.length ? positionTitle(a, b, items[0].dataIndex) : "",
            label: item => `${item.dataset.label}: ${number(item.raw)}`,
          },
        },
      },
    },
  });
  renderTotals(tableBody, a, b, sitesById);
}

function line(label, series, color, dash, length) {
  const values = series.buckets.map(bucket => bucket.total ?? null);
  while (values.length < length) values.push(null);
  return { label, data: values, borderColor: color, backgroundColor: color, borderDash: dash, pointRadius: 2,
    borderWidth: 2, periodStarts: series.buckets.map(bucket => bucket.start) };
}

function positionTitle(a, b, index) {
  const startOf = response => response.series[0]?.buckets[index]?.start;
  const parts = [[t("periodA"), startOf(a), a.bucket], [t("periodB"), startOf(b), b.bucket]]
      .filter(([, start]) => start)
      .map(([name, start, bucket]) => `${name}: ${bucketLabel(start, bucket)}`);
  return parts.join(" / ");
}

function renderTotals(body, a, b, sitesById) {
  body.replaceChildren();
  let sumA = 0;
  let sumB = 0;
  let allComplete = true;
  a.series.forEach((seriesA, index) => {
    const totalA = totalOf(seriesA);
    const totalB = b.series[index] ? totalOf(b.series[index]) : { vehicles: 0, ratio: 0 };
    sumA += totalA.vehicles;
    sumB += totalB.vehicles;
    const complete = totalA.ratio >= 1 && totalB.ratio >= 1;
    allComplete = allComplete && complete;
    body.append(row(seriesLabel(seriesA, sitesById), totalA, totalB, complete));
  });
  if (a.series.length > 1) {
    const sumRow = row(t("allSelected"), { vehicles: sumA }, { vehicles: sumB }, allComplete);
    sumRow.className = "sum";
    body.append(sumRow);
  }
}

function row(name, totalA, totalB, complete) {
  const measured = total => total.ratio === undefined ? "" : ` (${t("measuredShare")} ${percent(total.ratio * 100, 0)})`;
  const changeCell = el("td", { className: "num change" }, change(changePercent(totalA.vehicles, totalB.vehicles)));
  if (!complete) {
    changeCell.append(el("span", { className: "warning", title: t("incompleteWarning") }, " ⚠"));
  }
  return el("tr", {},
      el("th", { scope: "row" }, name),
      el("td", { className: "num total-a" }, number(totalA.vehicles) + measured(totalA)),
      el("td", { className: "num total-b" }, number(totalB.vehicles) + measured(totalB)),
      changeCell);
}
