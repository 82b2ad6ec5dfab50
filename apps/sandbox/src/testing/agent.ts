// The one small user agent of the tests (the sandbox's own and the BFF's): fetch with manual redirects
// and one path-aware cookie jar shared by every origin on localhost (as browsers share cookies across
// ports), so a test can walk the whole sign-in dance between the portal and the sandbox's identity
// provider, see every hop and every cookie the provider scopes to a path, and then call the API.

export interface AgentResponse {
  status: number;
  url: string;
  location: string | null;
  headers: Headers;
  text: string;
  json<T = unknown>(): T;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export class Agent {
  readonly cookies = new Map<string, StoredCookie>();
  readonly origin: string;
  readonly #headers: Record<string, string>;

  /**
   * `origin` is the portal's: API calls from this agent look like they come from its page.
   * `headers` go with every request (a browser's `accept: text/html`, say).
   */
  constructor(origin: string, options: { headers?: Record<string, string> } = {}) {
    this.origin = origin;
    this.#headers = options.headers ?? {};
  }

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  async request(
    method: string,
    url: string | URL,
    init: { headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {},
  ): Promise<AgentResponse> {
    const target = new URL(url, this.origin);
    const cookie = [...this.cookies.values()]
      .filter(
        (c) =>
          target.pathname === c.path ||
          target.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const response = await fetch(target, {
      method,
      redirect: "manual",
      headers: { ...this.#headers, ...(cookie ? { cookie } : {}), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    for (const header of response.headers.getSetCookie()) this.#store(header);
    const text = await response.text();
    return {
      status: response.status,
      url: target.href,
      location: response.headers.get("location"),
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    } satisfies AgentResponse;
  }

  get(url: string | URL, headers: Record<string, string> = {}): Promise<AgentResponse> {
    return this.request("GET", url, { headers });
  }

  /** A state-changing API call as the portal's own page makes it: CSRF header and same origin. */
  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AgentResponse> {
    return this.request("POST", path, {
      headers: {
        "x-csrf": "1",
        origin: this.origin,
        "sec-fetch-site": "same-origin",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async postForm(url: string | URL, fields: Record<string, string>): Promise<AgentResponse> {
    return this.request("POST", url, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects (any origin) until an answer that is not one, or `stopAt` matches the next URL. */
  async follow(response: AgentResponse, stopAt?: (next: URL) => boolean): Promise<AgentResponse> {
    let current = response;
    for (let hops = 0; current.location && hops < 15; hops += 1) {
      const next = new URL(current.location, current.url);
      if (stopAt?.(next)) return current;
      current = await this.get(next);
    }
    return current;
  }

  #store(header: string): void {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) || "/";
    const expired =
      value === "" || attributes.some((a) => /^expires=.*1970/i.test(a) || /^max-age=0$/i.test(a));
    const key = `${name}@${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }
}

/** The form's action in server-rendered HTML (the sandbox's sign-in and sign-out pages). */
export function formAction(html: string): string | undefined {
  return /<form[^>]*action="([^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
}

/** The value of a hidden or text input in server-rendered HTML (tests only; our markup is regular). */
export function inputValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
}
