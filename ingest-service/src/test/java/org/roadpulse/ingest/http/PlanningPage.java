package org.roadpulse.ingest.http;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.roadpulse.ingest.testing.HeadlessChromium;

import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * The planner page ({@code /planning/}) as a test uses it: what a planner clicks and reads, in the page's words.
 * Queries are awaited through the page's {@code data-settled} counter, never with sleeps.
 */
final class PlanningPage {

    private final HeadlessChromium browser;

    PlanningPage(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** Opens the page ({@code query} like "?lang=en" or ""), and waits until the sites are in. */
    PlanningPage open(URL base, String query) {
        browser.open(base, "/planning/" + query);
        browser.waitUntilTrue("return document.body.dataset.ready === 'true'");
        return this;
    }

    String heading() {
        return browser.text(By.tagName("h1"));
    }

    String language() {
        return (String) browser.script("return document.documentElement.lang");
    }

    void switchLanguage(String lang) {
        browser.driver().findElement(By.cssSelector("button[data-lang='" + lang + "']")).click();
    }

    List<String> siteNames() {
        return browser.driver().findElements(By.cssSelector("#site-list .site-name")).stream()
                .map(WebElement::getText).toList();
    }

    int markersOnMap() {
        return browser.driver().findElements(By.cssSelector("#map path.site-marker")).size();
    }

    /** Hovers a site's marker and reads the tooltip the map shows. */
    String markerTooltip(String siteId) {
        WebElement marker = browser.driver().findElement(By.cssSelector("#map path[data-site='" + siteId + "']"));
        new Actions(browser.driver()).moveToElement(marker).perform();
        return browser.waitFor(By.cssSelector(".leaflet-tooltip")).getText();
    }

    void clickMarker(String siteId) {
        browser.driver().findElement(By.cssSelector("#map path[data-site='" + siteId + "']")).click();
    }

    void choose(String siteId) {
        browser.driver().findElement(By.cssSelector("label[for='site-" + siteId + "']")).click();
    }

    boolean chosen(String siteId) {
        return browser.driver().findElement(By.id("site-" + siteId)).isSelected();
    }

    /**
     * Sets the period, the end inclusive as the page shows it. Date inputs are set as a date picker would
     * (value and change event): typing into them depends on the browser's locale format.
     */
    void period(String from, String toInclusive) {
        setDate("from", from);
        setDate("to", toInclusive);
    }

    void periodB(String from, String toInclusive) {
        setDate("b-from", from);
        setDate("b-to", toInclusive);
    }

    void bucket(String wireName) {
        new Select(browser.driver().findElement(By.id("bucket"))).selectByValue(wireName);
    }

    void classes(String wireName) {
        new Select(browser.driver().findElement(By.id("classes"))).selectByValue(wireName);
    }

    void split(String wireName) {
        new Select(browser.driver().findElement(By.id("split"))).selectByValue(wireName);
    }

    /** Clicks "show" and waits until the answer (or the refusal) is on the page. */
    void show() {
        awaitingAnswer(() -> browser.driver().findElement(By.id("show")).click());
    }

    void compare() {
        awaitingAnswer(() -> browser.driver().findElement(By.id("compare")).click());
    }

    private void awaitingAnswer(Runnable action) {
        Object before = browser.script("return document.body.dataset.settled || '0'");
        action.run();
        browser.waitUntilTrue("return (document.body.dataset.settled || '0') !== arguments[0]", before);
    }

    String queryError() {
        return browser.text(By.id("query-error"));
    }

    /** The volumes chart as drawn: bucket labels, and per dataset its category, stack, values and hatching. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chart() {
        return (Map<String, Object>) browser.script("""
                const chart = Chart.getChart(document.getElementById('volumes-chart'));
                if (!chart) return null;
                return {
                  labels: chart.data.labels,
                  stackedX: chart.options.scales.x.stacked, stackedY: chart.options.scales.y.stacked,
                  datasets: chart.data.datasets.map(d => ({
                    label: d.label, stack: d.stack, data: d.data,
                    hatched: d.backgroundColor.map(c => c instanceof CanvasPattern)}))
                };""");
    }

    String chartSummary() {
        return browser.text(By.id("chart-summary"));
    }

    /** The figures table cell of one row (site, and "cross-section" or a direction) and figure (data-figure). */
    String figure(String siteId, String direction, String figure) {
        return browser.text(By.cssSelector("#figures-body tr[data-site='" + siteId + "'][data-direction='"
                + direction + "'] td[data-figure='" + figure + "']"));
    }

    List<String> figureRows() {
        return browser.driver().findElements(By.cssSelector("#figures-body tr")).stream()
                .map(row -> row.getAttribute("data-site") + "/" + row.getAttribute("data-direction")).toList();
    }

    /** The comparison table's rows: name, total A, total B, change. */
    List<List<String>> comparisonRows() {
        return browser.driver().findElements(By.cssSelector("#comparison-body tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** Per comparison line (period A and B per site): its label and the number of points drawn. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> comparisonLines() {
        return (List<Map<String, Object>>) browser.script("""
                const chart = Chart.getChart(document.getElementById('comparison-chart'));
                return chart ? chart.data.datasets.map(d => ({label: d.label, data: d.data})) : [];""");
    }

    String downloadLink(String export) {
        return browser.driver().findElement(By.cssSelector("#downloads a[data-export='" + export + "']"))
                .getAttribute("href");
    }

    private void setDate(String id, String isoDate) {
        browser.script("""
                const input = document.getElementById(arguments[0]);
                input.value = arguments[1];
                input.dispatchEvent(new Event('change', {bubbles: true}));""", id, isoDate);
    }
}
