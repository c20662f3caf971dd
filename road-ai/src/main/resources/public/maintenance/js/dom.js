// Builds elements from text only: nothing a user typed (comments, names, file names) is ever parsed as markup.
export function el(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
}
