import type * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAuthorizationRequest,
  discoverClient,
  signIn,
  startTestProvider,
  type TestProvider,
} from "./oidc-test-harness.ts";
import { formAction, inputValue, TestBrowser } from "./test-browser.ts";

describe("sandbox OIDC login page", () => {
  let provider: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    provider = await startTestProvider();
    config = await discoverClient(provider.issuer);
  });
  afterAll(() => provider.close());

  it("is an accessible, script-free page listing the demo accounts", async () => {
    const browser = new TestBrowser();
    const request = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(request.url), request.url.origin);

    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toMatch(/<title>[^<]+<\/title>/);
    expect(page.body).toMatch(/<h1>Sandbox sign-in<\/h1>/);
    expect(page.body).toMatch(/<form method="post" action="\/oidc\/interaction\/[\w-]+">/);
    expect(page.body).not.toMatch(/<script|<link|src=|onclick|javascript:/i);
    expect(page.body).toContain("<code>ava</code>");
    expect(page.body).toContain("Member · Bronze tier (lowest)");
    // Descriptions are data; markup in them is escaped, not rendered.
    expect(page.body).toContain("Program manager &lt;previews activities&gt;");
    expect(page.body).toMatch(/password of every demo account is <code>demo<\/code>/);
    expect(page.body).not.toContain('role="alert"');
  });

  it("re-renders with an alert, keeps the username and issues no code on a wrong password", async () => {
    const request = await buildAuthorizationRequest(config);
    const { afterSubmit, final } = await signIn(new TestBrowser(), request.url, 'ava"><b>x', "not-demo");

    expect(afterSubmit.status).toBe(200);
    expect(afterSubmit.location).toBeUndefined();
    expect(final).toBe(afterSubmit);
    expect(afterSubmit.body).toMatch(/role="alert">Unknown username or wrong password\.<\/p>/);
    expect(inputValue(afterSubmit.body, "username")).toBe("ava&quot;&gt;&lt;b&gt;x");
    expect(afterSubmit.body).not.toContain("<b>x");
  });

  it("still signs in after a failed attempt on the same page", async () => {
    const browser = new TestBrowser();
    const request = await buildAuthorizationRequest(config);
    const { afterSubmit } = await signIn(browser, request.url, "ava", "wrong");
    const retry = await browser.postForm(new URL(formAction(afterSubmit.body) ?? "", request.url.origin), {
      username: "ava",
      password: "demo",
    });
    const final = await browser.follow(retry, request.url.origin);

    expect(new URL(final.location ?? "").searchParams.get("code")).toBeTruthy();
  });

  it("explains an expired sign-in instead of failing when the interaction cookie is gone", async () => {
    const browser = new TestBrowser();
    const request = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(request.url), request.url.origin);

    const fresh = await new TestBrowser().get(page.url);
    expect(fresh.status).toBe(400);
    expect(fresh.body).toContain("This sign-in request has expired or was already completed.");
  });

  it("renders provider errors as an escaped page without a stack", async () => {
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: "portal-bff",
      response_type: "code",
      scope: "openid",
      redirect_uri: "http://evil.example/<script>alert(1)</script>",
      code_challenge: "x".repeat(43),
      code_challenge_method: "S256",
    }).toString();
    const page = await new TestBrowser().get(url);

    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.body).toContain("invalid_redirect_uri");
    expect(page.body).not.toMatch(/<script|evil\.example|\bat .*\.js:\d+/);
  });
});
