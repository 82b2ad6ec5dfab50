import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { describe, expect, it } from "vitest";
import { readSessionCookie, SESSION_COOKIE } from "./cookies.ts";

// readSessionCookie reads the common case directly and leaves the rest to Hono's parser: whatever
// the header, it must find exactly what the parser finds.

const id = `${"A".repeat(20) + "b-_9".repeat(5)}xyz`; // 43 base64url characters
const other = "Z".repeat(43);
const name = `__Host-${SESSION_COOKIE}`;

async function bothReadings(cookie: string | undefined) {
  const app = new Hono().get("/", (c) =>
    c.json({ ours: readSessionCookie(c) ?? null, hono: getCookie(c, SESSION_COOKIE, "host") ?? null }),
  );
  const response = await app.request("/", cookie === undefined ? {} : { headers: { cookie } });
  return (await response.json()) as { ours: string | null; hono: string | null };
}

const headers: (string | undefined)[] = [
  undefined,
  "",
  `${name}=${id}`,
  `theme=dark; ${name}=${id}`,
  `theme=dark;${name}=${id}; lang=fr`,
  `${name}=${id}; ${name}=${other}`,
  `${name}=${other}; ${name}=${id}`,
  `x${name}=${other}; ${name}=${id}`,
  `${name}x=${other}; ${name}=${id}`,
  `${name} =${other}; ${name}=${id}`,
  `${name}="${id}"`,
  `${name}=${id} ; theme=dark`,
  `${name}=${id.slice(1)}`,
  `${name}=${id}x`,
  `${name}=${id.slice(0, 20)}%41${id.slice(23)}`,
  `portal.sid=${id}`,
  `__Secure-portal.sid=${id}`,
  `theme=dark;  ${name}=${id}`,
  `theme=dark;\t${name}=${id}`,
  `${name}=`,
  `${name}`,
  `a=1; ${name}=${id}; ${name.toUpperCase()}=${other}`,
];

describe("readSessionCookie", () => {
  it.each(headers.map((header) => [header]))("finds what Hono's parser finds in %j", async (header) => {
    const { ours, hono } = await bothReadings(header);
    expect(ours).toBe(hono);
  });

  it("agrees with the parser on random headers built from the awkward pieces", async () => {
    const pieces = [
      `${name}=${id}`,
      `${name}=${other}`,
      "theme=dark",
      ";",
      "; ",
      " ",
      "=",
      '"',
      name,
      id,
      "%",
      "\t",
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(random() * 6);
      const header = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const { ours, hono } = await bothReadings(header);
      expect({ header, ours }).toEqual({ header, ours: hono });
    }
  });
});
