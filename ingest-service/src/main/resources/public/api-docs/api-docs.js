"use strict";
// Swagger UI on the service's own OpenAPI document (written at build time, see http.ApiDocument). The document
// names no server, so "Try it out" sends requests to this service. validatorUrl is null because the default sends
// the document to an online validator: outside this service, and unreachable where the service runs offline.
SwaggerUIBundle({
  url: document.getElementById("document").getAttribute("href"),
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0
});
