import { t, number } from "./i18n.js";

// The items on a Leaflet map. Without a tile server (offline) the roads of the municipality are the background.
let map;
let layer;
let roadLayer;

export function showMap(element, area, roads, items, onOpen) {
  if (typeof L === "undefined") return; // Leaflet failed to load: the list still works
  if (!map) {
    map = L.map(element, { attributionControl: false });
    roadLayer = L.layerGroup().addTo(map);
    layer = L.layerGroup().addTo(map);
  }
  roadLayer.clearLayers();
  layer.clearLayers();
  L.geoJSON(roads, { style: { color: "#7d8a99", weight: 3 } }).addTo(roadLayer);
  const points = [];
  for (const item of items) {
    const colour = item.damageClass === "pothole" ? "#b3261e" : "#d98a00";
    const marker = L.circleMarker([item.latitude, item.longitude], {
      radius: item.safetyCritical ? 9 : 6, color: colour, fillColor: colour, fillOpacity: 0.7,
    });
    // Tooltip content built as a text node: names and kinds are never read as markup.
    marker.bindTooltip(document.createTextNode(`#${item.rank} ${t("kind_" + item.kind)}, ${number(item.grade)}`));
    marker.on("click", () => onOpen(item.id));
    marker.addTo(layer);
    points.push([item.latitude, item.longitude]);
  }
  if (points.length) {
    map.fitBounds(points, { padding: [30, 30], maxZoom: 17 });
  } else {
    map.fitBounds([[area[1], area[0]], [area[3], area[2]]]);
  }
}
