// Every text that reaches the page goes through these helpers as textContent: site names, road names and API
// messages come from operators and are never parsed as HTML.

/** Creates an element with attributes and optional text or children. */
export function el(tag, attributes = {}, ...content) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const part of content.flat()) {
    if (part === undefined || part === null) continue;
    element.append(part instanceof Node ? part : document.createTextNode(String(part)));
  }
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

export function setText(id, text) {
  byId(id).textContent = text;
}
