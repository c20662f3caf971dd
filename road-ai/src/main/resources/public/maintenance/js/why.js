import { t, number, day } from "./i18n.js";

// "Why here": the server sends each term's facts (numbers and codes); they are worded here, in the page's language,
// by the basis_… and source_… texts. A term the texts do not know keeps the server's English basis.
const words = {
  number,
  day,
  percent: share => t("percent")(number(share * 100, 0)),
  roadClass: code => t("roadClass_" + code),
  source: facts => worded("source_" + facts.source, facts) ?? facts.source,
};

export function basis(term) {
  return (term.facts && worded("basis_" + term.term, term.facts)) ?? term.basis;
}

function worded(key, facts) {
  const word = t(key);
  return typeof word === "function" ? word(facts, words) : null;
}
