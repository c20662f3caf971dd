import { ApiError } from "./api.js";
import { t } from "./i18n.js";

/**
 * What went wrong, in the reader's language: the API's reason code picks a translated text, its field names the
 * input at fault. An unknown reason falls back to the API's own (English) message rather than hiding it.
 */
export function describe(error) {
  if (!(error instanceof ApiError)) return t("errorStatus")(error && error.message ? error.message : "?");
  if (error.status === 0) return t("errorNetwork");
  const known = error.reason ? t("errors")[error.reason] : null;
  const field = error.field ? t("errorField")[error.field] || error.field : null;
  if (known) return field ? `${field}: ${known}` : known;
  if (error.reason) return t("errorUnknown")(error.message);
  return t("errorStatus")(error.status);
}
