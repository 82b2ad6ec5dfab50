// A minimal user agent for tests: fetch with manual redirects and a path-aware cookie jar, so every
// hop of the OIDC flow (and every cookie the provider scopes to a path) is visible to assertions.

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export interface Page {
  status: number;
  url: string;
  location: string | undefined;
  headers: Headers;
  body: string;
}

export class TestBrowser {
  readonly #cookies = new Map<string, StoredCookie>();

  async get(url: string | URL): Promise<Page> {
    return this.#request(new URL(url), { method: "GET" });
  }

  async postForm(url: string | URL, fields: Record<string, string>): Promise<Page> {
    return this.#request(new URL(url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects on the provider's origin; stops at the first hop that leaves it (the RP). */
  async follow(page: Page, origin: string): Promise<Page> {
    let current = page;
    for (let hops = 0; current.location && hops < 10; hops++) {
      const next = new URL(current.location, current.url);
      if (next.origin !== origin) return current;
      current = await this.get(next);
    }
    return current;
  }

  async #request(url: URL, init: RequestInit): Promise<Page> {
    const cookie = [...this.#cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        accept: "text/html",
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const header of response.headers.getSetCookie()) this.#store(header);
    return {
      status: response.status,
      url: url.href,
      location: response.headers.get("location") ?? undefined,
      headers: response.headers,
      body: await response.text(),
    };
  }

  #store(header: string): void {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) || "/";
    const expired = attributes.some((a) => /^expires=.*1970/i.test(a)) || value === "";
    const key = `${name}@${path}`;
    if (expired) this.#cookies.delete(key);
    else this.#cookies.set(key, { name, value, path });
  }
}

/** The value of a hidden or text input in server-rendered HTML (tests only; our markup is regular). */
export function inputValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
}

export function formAction(html: string): string | undefined {
  return /<form[^>]*action="([^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
}
