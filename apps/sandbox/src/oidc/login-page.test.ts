import type * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formAction, inputValue } from "../testing/agent.ts";
import {
  buildAuthorizationRequest,
  discoverClient,
  leaving,
  signIn,
  startTestProvider,
  type TestProvider,
  testBrowser,
} from "./oidc-test-harness.ts";

describe("sandbox OIDC login page", () => {
  let provider: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    provider = await startTestProvider();
    config = await discoverClient(provider.issuer);
  });
  afterAll(() => provider.close());

  it("is an accessible, script-free page listing the demo accounts", async () => {
    const browser = testBrowser();
    const request = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(request.url), leaving(request.url.origin));

    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toMatch(/<title>[^<]+<\/title>/);
    expect(page.text).toMatch(/<h1>Sandbox sign-in<\/h1>/);
    expect(page.text).toMatch(/<form method="post" action="\/oidc\/interaction\/[\w-]+">/);
    expect(page.text).not.toMatch(/<script|<link|src=|onclick|javascript:/i);
    expect(page.text).toContain("<code>ava</code>");
    expect(page.text).toContain("Member · Bronze tier (lowest)");
    // Descriptions are data; markup in them is escaped, not rendered.
    expect(page.text).toContain("Program manager &lt;previews activities&gt;");
    expect(page.text).toMatch(/password of every demo account is <code>demo<\/code>/);
    expect(page.text).not.toContain('role="alert"');
  });

  it("re-renders with an alert, keeps the username and issues no code on a wrong password", async () => {
    const request = await buildAuthorizationRequest(config);
    const { afterSubmit, final } = await signIn(testBrowser(), request.url, 'ava"><b>x', "not-demo");

    expect(afterSubmit.status).toBe(200);
    expect(afterSubmit.location).toBeNull();
    expect(final).toBe(afterSubmit);
    expect(afterSubmit.text).toMatch(/role="alert">Unknown username or wrong password\.<\/p>/);
    expect(inputValue(afterSubmit.text, "username")).toBe("ava&quot;&gt;&lt;b&gt;x");
    expect(afterSubmit.text).not.toContain("<b>x");
  });

  it("still signs in after a failed attempt on the same page", async () => {
    const browser = testBrowser();
    const request = await buildAuthorizationRequest(config);
    const { afterSubmit } = await signIn(browser, request.url, "ava", "wrong");
    const retry = await browser.postForm(new URL(formAction(afterSubmit.text) ?? "", request.url.origin), {
      username: "ava",
      password: "demo",
    });
    const final = await browser.follow(retry, leaving(request.url.origin));

    expect(new URL(final.location ?? "").searchParams.get("code")).toBeTruthy();
  });

  it("explains an expired sign-in instead of failing when the interaction cookie is gone", async () => {
    const browser = testBrowser();
    const request = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(request.url), leaving(request.url.origin));

    const fresh = await testBrowser().get(page.url);
    expect(fresh.status).toBe(400);
    expect(fresh.text).toContain("This sign-in request has expired or was already completed.");
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
    const page = await testBrowser().get(url);

    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain("invalid_redirect_uri");
    expect(page.text).not.toMatch(/<script|evil\.example|\bat .*\.js:\d+/);
  });
});
