// Colours for the class categories (stable per category, so Pkw looks the same in every chart) and a hatch
// pattern that marks partly measured buckets.

const CATEGORY_COLORS = {
  Krad: "#8c6bb1", Pkw: "#4e79a7", Lfw: "#76b7b2", PkwA: "#59a14f", Lkw: "#f28e2b", LkwA: "#e15759",
  SattelKfz: "#9c2f2f", Bus: "#edc948", nkKfz: "#9aa3ad", PkwGruppe: "#4e79a7", LkwASattelKfz: "#e15759",
  PkwAehnlich: "#4e79a7", LkwAehnlich: "#f28e2b", Kfz: "#4e79a7", SV: "#f28e2b", nichtSV: "#4e79a7",
  coarser: "#c9ced6",
};
const SERIES_COLORS = ["#0b5cad", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#1098ad", "#c2255c", "#5c940d"];

export function categoryColor(category, index) {
  return CATEGORY_COLORS[category] || SERIES_COLORS[index % SERIES_COLORS.length];
}

export function seriesColor(index) {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

const hatches = new Map();

/** Diagonal stripes of the colour on a lighter ground: "this bar is only partly measured". */
export function hatch(color) {
  if (!hatches.has(color)) {
    const tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    const context = tile.getContext("2d");
    context.fillStyle = color + "55";
    context.fillRect(0, 0, 8, 8);
    context.strokeStyle = color;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(-2, 2); context.lineTo(2, -2);
    context.moveTo(0, 8); context.lineTo(8, 0);
    context.moveTo(6, 10); context.lineTo(10, 6);
    context.stroke();
    hatches.set(color, context.createPattern(tile, "repeat"));
  }
  return hatches.get(color);
}

/** A small swatch for the HTML legend, drawn like the bars. */
export function swatch(kind) {
  const canvas = document.createElement("canvas");
  canvas.width = 18;
  canvas.height = 12;
  canvas.className = "swatch";
  const context = canvas.getContext("2d");
  if (kind === "complete") {
    context.fillStyle = "#4e79a7";
  } else if (kind === "incomplete") {
    context.fillStyle = hatch("#4e79a7");
  } else {
    context.fillStyle = "#e9ecef";
  }
  context.fillRect(0, 0, 18, 12);
  context.strokeStyle = "#9aa3ad";
  context.strokeRect(0.5, 0.5, 17, 11);
  return canvas;
}
