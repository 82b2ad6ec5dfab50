// Where the CrowdTwist API lives. The documents write it as
// `https://[environment]api[client_id].crowdtwist.com` — `environment` is empty for production and
// e.g. `stg` for staging — while tests and the sandbox pass a URL of their own.

export type CrowdTwistBaseUrlConfig =
  | { url: string }
  | { clientId: string | number; environment?: string | undefined };

// Both parts become part of a host name, so they may not carry dots, slashes or anything else that
// would move the request to another host.
const HOST_LABEL_PART = /^[a-z0-9-]*$/i;

/** The API's base URL without a trailing slash, e.g. `https://stgapi1234.crowdtwist.com`. */
export function crowdTwistBaseUrl(config: CrowdTwistBaseUrlConfig): string {
  if ("url" in config) return normaliseExplicitUrl(config.url);

  const clientId = String(config.clientId).trim();
  const environment = (config.environment ?? "").trim();
  if (clientId === "" || !HOST_LABEL_PART.test(clientId)) {
    throw new TypeError("CrowdTwist client id must be letters, digits or '-'");
  }
  if (!HOST_LABEL_PART.test(environment)) {
    throw new TypeError("CrowdTwist environment must be empty (production) or letters, digits or '-'");
  }
  return `https://${environment.toLowerCase()}api${clientId.toLowerCase()}.crowdtwist.com`;
}

function normaliseExplicitUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError("CrowdTwist base URL is not a valid absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError("CrowdTwist base URL must use http or https");
  }
  // The key travels in a header; a URL that carries credentials or a query is a misconfiguration.
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("CrowdTwist base URL must not contain credentials, a query or a fragment");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
