import { bucketLabel, number, percent, t } from "./i18n.js";
import { categoryColor, hatch } from "./palette.js";
import { seriesLabel } from "./sites.js";

// Chart.js (window.Chart) comes from its WebJar. One stack of bars per series (site, or site and direction),
// stacked by the categories of the chosen class group. A bucket with nothing measured has null values: no bar is
// drawn and its column is shaded, because a gap is not a zero. Partly measured buckets are hatched.

const gapShading = {
  id: "gapShading",
  beforeDatasetsDraw(chart) {
    const gaps = chart.$gaps || [];
    if (!gaps.some(Boolean)) return;
    const { ctx, chartArea, scales } = chart;
    const width = scales.x.width / Math.max(1, chart.data.labels.length);
    ctx.save();
    ctx.fillStyle = "#e9ecef";
    gaps.forEach((gap, index) => {
      if (gap) ctx.fillRect(scales.x.getPixelForValue(index) - width / 2, chartArea.top, width, chartArea.height);
    });
    ctx.restore();
  },
};

/** Summary of a volumes answer: buckets per series, and how many are partly measured or not at all. */
export function bucketStates(response) {
  const first = response.series[0] ? response.series[0].buckets : [];
  const states = first.map((_, index) => {
    const all = response.series.map(series => series.buckets[index]);
    if (all.every(bucket => bucket.total === null || bucket.total === undefined)) return "gap";
    return all.every(bucket => bucket.completeness && bucket.completeness.complete) ? "complete" : "incomplete";
  });
  return {
    buckets: states.length,
    incomplete: states.filter(state => state === "incomplete").length,
    gaps: states.filter(state => state === "gap").length,
    states,
  };
}

function categoryDatasets(response, sitesById) {
  const datasets = [];
  const hasCoarser = response.series.some(series => series.buckets.some(bucket => bucket.coarser > 0));
  const categories = hasCoarser ? [...response.categories, "coarser"] : response.categories;
  response.series.forEach((series, seriesIndex) => {
    const label = seriesLabel(series, sitesById);
    categories.forEach((category, categoryIndex) => {
      const color = categoryColor(category, categoryIndex);
      datasets.push({
        label: t("categories")[category] || category,
        seriesLabel: label,
        seriesIndex,
        stack: `series-${seriesIndex}`,
        data: series.buckets.map(bucket => valueOf(bucket, category)),
        backgroundColor: series.buckets.map(bucket => partlyMeasured(bucket) ? hatch(color) : color),
        borderColor: color,
        borderWidth: 0,
        completeness: series.buckets.map(bucket => bucket.completeness),
      });
    });
  });
  return datasets;
}

/** Something was measured, but not the whole bucket (a bucket with nothing measured is a gap, not drawn). */
function partlyMeasured(bucket) {
  return bucket.total !== null && bucket.total !== undefined && !(bucket.completeness && bucket.completeness.complete);
}

function valueOf(bucket, category) {
  if (bucket.total === null || bucket.total === undefined) return null;
  if (category === "coarser") return bucket.coarser || 0;
  // null within a measured bucket: nothing was counted at this granularity (the device counted coarser)
  return bucket.volumes[category] ?? 0;
}

/** Draws (or redraws) the chart of a volumes answer on the canvas and returns the bucket summary. */
export function drawVolumes(canvas, response, sitesById) {
  Chart.getChart(canvas)?.destroy();
  const summary = bucketStates(response);
  const labels = (response.series[0] ? response.series[0].buckets : [])
      .map(bucket => bucketLabel(bucket.start, response.bucket));
  const chart = new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: categoryDatasets(response, sitesById) },
    plugins: [gapShading],
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, ticks: { maxRotation: 60, autoSkip: true } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: t("vehicles") },
          ticks: { callback: value => number(value) } },
      },
      plugins: {
        legend: {
          // The categories once: every series' stack uses the same colours.
          labels: { filter: (item, data) => data.datasets[item.datasetIndex].seriesIndex === 0 },
        },
        tooltip: {
          callbacks: {
            label: item => {
              const dataset = item.dataset;
              const prefix = response.series.length > 1 ? dataset.seriesLabel + " · " : "";
              return `${prefix}${dataset.label}: ${number(item.raw)}`;
            },
            footer: items => {
              const measured = items.map(item => item.dataset.completeness[item.dataIndex])
                  .find(completeness => completeness && !completeness.complete);
              return measured ? `${t("measuredShare")}: ${percent(measured.ratio * 100, 0)}` : "";
            },
          },
        },
      },
    },
  });
  chart.$gaps = summary.states.map(state => state === "gap");
  chart.update();
  return summary;
}
