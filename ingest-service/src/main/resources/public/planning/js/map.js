import { el } from "./dom.js";

// Leaflet (window.L) comes from its WebJar. Without a tile server (none is reachable from most municipal
// networks, and tests run offline) the sites are drawn as circle markers on a plain background with a scale.
const GERMANY = [51.2, 10.4];
const SINGLE_SITE_ZOOM = 14;
const COLORS = { normal: "#0b5cad", selected: "#d9480f" };

export class SiteMap {
  /**
   * @param settings {tileUrl, tileAttribution} from the service (roadpulse.planning.*)
   * @param zoomTitles {zoomIn, zoomOut}: the zoom buttons' tooltips in the page's language
   */
  constructor(element, settings, zoomTitles) {
    this.element = element;
    this.map = L.map(element, { zoomSnap: 0.5, zoomControl: false });
    this.translate(zoomTitles);
    if (settings.tileUrl) {
      // The attribution is operator configuration (it usually holds a link), not data from a site.
      L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution || "", maxZoom: 19 }).addTo(this.map);
    } else {
      element.classList.add("no-tiles");
    }
    L.control.scale({ imperial: false }).addTo(this.map);
    this.markers = new Map();
    this.map.setView(GERMANY, 6);
  }

  /** Draws one marker per site; clicking a marker calls onToggle(id). The view fits all markers. */
  show(sites, onToggle) {
    this.markers.forEach(marker => marker.remove());
    this.markers.clear();
    const located = sites.filter(site => site.location
        && Number.isFinite(site.location.latitude) && Number.isFinite(site.location.longitude));
    for (const site of located) {
      const marker = L.circleMarker([site.location.latitude, site.location.longitude], {
        radius: 8, weight: 2, color: COLORS.normal, fillOpacity: 0.6, className: "site-marker",
      });
      // A DOM element, not a string: Leaflet would parse a string as HTML.
      marker.bindTooltip(el("span", { className: "site-tooltip" }, site.name));
      marker.on("click", () => onToggle(site.id));
      marker.addTo(this.map);
      marker.getElement()?.setAttribute("data-site", site.id);
      this.markers.set(site.id, marker);
    }
    this.fit(located);
  }

  /**
   * Jumps to the sites without Leaflet's zoom animation: the planner wants the sites at once, and a marker that is
   * still flying in cannot be clicked where it is drawn.
   */
  fit(located) {
    if (located.length === 1) {
      const site = located[0].location;
      this.map.setView([site.latitude, site.longitude], SINGLE_SITE_ZOOM, { animate: false });
    } else if (located.length > 1) {
      const bounds = L.latLngBounds(located.map(site => [site.location.latitude, site.location.longitude]));
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: SINGLE_SITE_ZOOM, animate: false });
    }
  }

  highlight(selected) {
    for (const [id, marker] of this.markers) {
      const chosen = selected.includes(id);
      marker.setStyle({ color: chosen ? COLORS.selected : COLORS.normal, fillOpacity: chosen ? 0.9 : 0.6 });
      marker.getElement()?.classList.toggle("selected", chosen);
      if (chosen) marker.bringToFront();
    }
  }

  /** Leaflet's zoom buttons carry English tooltips; replace the control with one in the page's language. */
  translate({ zoomIn, zoomOut }) {
    this.zoom?.remove();
    this.zoom = L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(this.map);
  }

  /** Leaflet measures its container once; call after the layout changed. */
  resize() {
    this.map.invalidateSize();
  }
}
