import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS } from "../program-config.ts";
import { BRAND_ELEMENT_ID, brandCss, brandedPage } from "./brand-page.ts";
import { contrastRatio } from "./contrast.ts";

const BUILT = `<!doctype html><html><head><title>Loyalty portal</title></head><body>
<a href="/" class="x"><!--brand:name-->Loyalty portal<!--/brand:name--></a></body></html>`;

describe("the brand in the page", () => {
  it("writes the name into the title and the painted header, and the logo beside it", () => {
    const { html } = brandedPage(BUILT, {
      name: "Harbourside Rewards",
      logo: "/brand/logo.svg",
      colors: DEFAULT_COLORS,
      contentLanguage: "en",
    });
    expect(html).toContain("<title>Harbourside Rewards</title>");
    expect(html).toContain(
      '<a href="/" class="x"><img src="/brand/logo.svg" alt="" class="h-8 w-auto shrink-0" /><span>Harbourside Rewards</span></a>',
    );
    expect(html).not.toContain("Loyalty portal");
  });

  it("makes the logo the page's icon in place of the build's empty one; without a logo the empty one stays", () => {
    const built = BUILT.replace("</title>", '</title><link rel="icon" href="data:," />');
    const withLogo = brandedPage(built, {
      name: "H",
      logo: '/brand/a"b.svg',
      colors: DEFAULT_COLORS,
      contentLanguage: "en",
    }).html;
    expect(withLogo).toContain('<link rel="icon" href="/brand/a&#34;b.svg" />');
    expect(withLogo).not.toContain("data:,");
    const without = brandedPage(built, {
      name: "H",
      logo: null,
      colors: DEFAULT_COLORS,
      contentLanguage: "en",
    }).html;
    expect(without).toContain('<link rel="icon" href="data:," />');
  });

  it("hands the app the name and logo as JSON no name can break out of", () => {
    const name = `</script><script>alert("x")</script> & Co`;
    const { html } = brandedPage(BUILT, { name, logo: null, colors: DEFAULT_COLORS, contentLanguage: "en" });
    const json = new RegExp(`<script type="application/json" id="${BRAND_ELEMENT_ID}">(.*?)</script>`).exec(
      html,
    )?.[1];
    expect(JSON.parse(json ?? "")).toEqual({ name, logo: null, contentLanguage: "en" });
    expect(html).toContain(
      "<title>&#60;/script&#62;&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co</title>",
    );
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("applies the colours, light and dark, through one inline style the policy allows by its hash", () => {
    const { html, styleHash } = brandedPage(BUILT, {
      name: "x",
      logo: null,
      colors: DEFAULT_COLORS,
      contentLanguage: "en",
    });
    const css = brandCss(DEFAULT_COLORS);
    expect(html).toContain(`<style>${css}</style>`);
    expect(styleHash).toBe(`'sha256-${createHash("sha256").update(css).digest("base64")}'`);
    expect(css).toContain(`--color-primary:${DEFAULT_COLORS.light.primary}`);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{:root\{--color-primary:#a3b3ff;/);
  });

  it("gives the hover shade at least the contrast of the colour itself", () => {
    for (const palette of [DEFAULT_COLORS.light, DEFAULT_COLORS.dark]) {
      const hover = /--color-primary-hover:(#[0-9a-f]{6})/.exec(
        brandCss({ light: palette, dark: palette }),
      )?.[1];
      expect(contrastRatio(hover ?? "", palette.onPrimary)).toBeGreaterThanOrEqual(
        contrastRatio(palette.primary, palette.onPrimary),
      );
    }
  });

  it.each([
    ["$`", "Before $` after"],
    ["$&", "Cash $& Carry"],
    ["$$", "Double $$ Rewards"],
    ["$'", "Tail $' end"],
  ])("writes a name or logo with %s in it as it is", (_pattern, name) => {
    const logo = `https://cdn.example.com/${encodeURIComponent(name)}/$&.svg`;
    const { html } = brandedPage(BUILT, { name, logo, colors: DEFAULT_COLORS, contentLanguage: "en" });
    const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(html).toContain(`<title>${escaped(name)}</title>`);
    expect(html).toContain(
      `<a href="/" class="x"><img src="${escaped(logo)}" alt="" class="h-8 w-auto shrink-0" /><span>${escaped(name)}</span></a>`,
    );
    const json = new RegExp(`<script type="application/json" id="${BRAND_ELEMENT_ID}">(.*?)</script>`).exec(
      html,
    )?.[1];
    expect(JSON.parse(json ?? "")).toEqual({ name, logo, contentLanguage: "en" });
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it.each([
    ["a French page, English brand", "fr", "en", ' lang="en"'],
    ["a French page, brand in Canadian French", "fr", "fr-CA", ""],
    ["an English page, English brand", "en", "en-GB", ""],
    ["an English page, French brand", "en", "fr", ' lang="fr"'],
  ])(
    "marks the painted name with the brand's language on a page in another: %s",
    (_name, page, content, lang) => {
      const built = BUILT.replace("<html>", `<html lang="${page}">`);
      const { html } = brandedPage(built, {
        name: "Harbourside Rewards",
        logo: null,
        colors: DEFAULT_COLORS,
        contentLanguage: content,
      });
      expect(html).toContain(`<a href="/" class="x"><span${lang}>Harbourside Rewards</span></a>`);
    },
  );

  it("refuses a page without the marker for the name, rather than paint the portal's own", () => {
    expect(() =>
      brandedPage("<!doctype html><html><head><title>Loyalty portal</title></head><body></body></html>", {
        name: "x",
        logo: null,
        colors: DEFAULT_COLORS,
        contentLanguage: "en",
      }),
    ).toThrow(/<!--brand:name-->/);
  });
});
