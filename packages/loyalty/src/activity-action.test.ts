import { describe, expect, it } from "vitest";
import { type ActivityActionInput, activityAction, safeActionUrl } from "./activity-action.ts";
import type { MemberCommunity } from "./community.ts";

const LOCAL = { allowLoopbackHttp: true };
const openSurvey: MemberCommunity = { checked: true, kind: "survey", blocks: [] };

describe("activityAction", () => {
  it.each<[string, ActivityActionInput, ReturnType<typeof activityAction>]>([
    [
      "points-on-click with a redirect: the link, points follow the click",
      { type: "your_site", redirectUrl: "https://brand.example/app", pointsOnClick: true },
      { kind: "link", url: "https://brand.example/app", pointsOnClick: true },
    ],
    [
      "a JS-tag activity with a redirect: the link, points when the tag fires",
      { type: "your_site", redirectUrl: "https://brand.example/refer", pointsOnClick: false },
      { kind: "link", url: "https://brand.example/refer", pointsOnClick: false },
    ],
    [
      "points-on-click without a redirect: said how (program login)",
      { type: "your_site", channelId: "15", pointsOnClick: true },
      { kind: "instruction", instruction: "sign_in" },
    ],
    [
      "linked survey with a redirect: the community link",
      { type: "your_site", redirectUrl: "https://community.example/s/1", community: openSurvey },
      { kind: "community", url: "https://community.example/s/1", community: "survey" },
    ],
    [
      "linked forum Alida could not check: the link, kind unknown",
      { type: "your_site", redirectUrl: "https://community.example/f/2", community: { checked: false } },
      { kind: "community", url: "https://community.example/f/2", community: "activity" },
    ],
    [
      "linked survey without a redirect: the invitation",
      { type: "your_site", community: openSurvey },
      { kind: "instruction", instruction: "community_invitation" },
    ],
    ["code redemption", { type: "code_redemption" }, { kind: "instruction", instruction: "enter_code" }],
    ["check-in", { type: "check_in" }, { kind: "instruction", instruction: "check_in" }],
    ["merchandise", { type: "merchandise" }, { kind: "instruction", instruction: "buy_merchandise" }],
    ["tickets", { type: "tickets" }, { kind: "instruction", instruction: "buy_tickets" }],
    ["facebook", { type: "facebook" }, { kind: "instruction", instruction: "facebook" }],
    ["twitter", { type: "twitter" }, { kind: "instruction", instruction: "twitter" }],
    ["music", { type: "music" }, { kind: "instruction", instruction: "music" }],
    // Every channel of the extended document that says how a "Your Site" activity is done.
    ...(
      [
        ["2", "enter_code"],
        ["3", "enter_code"],
        ["7", "open_email"],
        ["10", "check_in"],
        ["13", "use_app"],
        ["14", "use_app"],
        ["15", "sign_in"],
        ["16", "buy_merchandise"],
        ["17", "buy_tickets"],
        ["18", "buy_tickets"],
        ["19", "complete_profile"],
      ] as const
    ).map(([channelId, instruction]): [string, ActivityActionInput, ReturnType<typeof activityAction>] => [
      `your site, channel ${channelId}`,
      { type: "your_site", channelId },
      { kind: "instruction", instruction },
    ]),
    [
      "your site, no channel",
      { type: "your_site", channelId: null },
      { kind: "instruction", instruction: "on_site" },
    ],
    [
      "your site, a channel that says nothing of how",
      { type: "your_site", channelId: "1" },
      { kind: "instruction", instruction: "on_site" },
    ],
    [
      "the type says how before the channel does",
      { type: "tickets", channelId: "7" },
      { kind: "instruction", instruction: "buy_tickets" },
    ],
    ["a type the tables lack", { type: null }, { kind: "instruction", instruction: "on_site" }],
    [
      "ids that are Object properties",
      { type: "constructor", channelId: "toString" },
      { kind: "instruction", instruction: "on_site" },
    ],
    [
      "a hostile redirect falls back to the instruction",
      { type: "code_redemption", redirectUrl: "javascript:alert(1)", pointsOnClick: true },
      { kind: "instruction", instruction: "enter_code" },
    ],
    [
      "a hostile redirect on a linked survey: the invitation",
      { type: "your_site", redirectUrl: "data:text/html,hi", community: openSurvey },
      { kind: "instruction", instruction: "community_invitation" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(activityAction(input)).toEqual(expected);
  });

  it("takes the sandbox's loopback http link only when allowed", () => {
    const input = {
      type: "your_site",
      redirectUrl: "http://localhost:4010/sandbox/site/x",
      pointsOnClick: true,
    };
    expect(activityAction(input, LOCAL)).toEqual({
      kind: "link",
      url: "http://localhost:4010/sandbox/site/x",
      pointsOnClick: true,
    });
    expect(activityAction(input)).toEqual({ kind: "instruction", instruction: "on_site" });
  });
});

describe("safeActionUrl", () => {
  it.each([
    ["javascript:alert(document.cookie)"],
    ["JavaScript:alert(1)"],
    [" javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["ftp://brand.example/"],
    ["http://brand.example/plain-http"],
    ["//evil.example/"],
    ["/relative/path"],
    ["www.crowdtwist.com"],
    ["https://user:pass@brand.example/"],
    ["https://:pass@brand.example/"],
    ["https://brand.example@evil.example/"],
    [""],
    [null],
  ])("refuses %j", (raw) => {
    expect(safeActionUrl(raw)).toBeNull();
    expect(safeActionUrl(raw, LOCAL)).toBeNull();
  });

  it.each([
    ["http://localhost:4010/x", "http://localhost:4010/x"],
    ["http://127.0.0.1:4010/x", "http://127.0.0.1:4010/x"],
    ["http://[::1]:4010/x", "http://[::1]:4010/x"],
  ])("takes loopback http %s only when allowed", (raw, href) => {
    expect(safeActionUrl(raw, LOCAL)).toBe(href);
    expect(safeActionUrl(raw)).toBeNull();
  });

  it("refuses http on a host that only starts like localhost", () => {
    expect(safeActionUrl("http://localhost.evil.example/", LOCAL)).toBeNull();
  });

  it.each([["ftp://localhost/x"], ["ws://localhost:4010/x"], ["file://localhost/etc/passwd"]])(
    "refuses %s on loopback, plain http being the only exception",
    (raw) => {
      expect(safeActionUrl(raw, LOCAL)).toBeNull();
    },
  );

  it("takes an address pasted with no-break spaces around it", () => {
    expect(safeActionUrl("\u00a0https://brand.example/app\u00a0")).toBe("https://brand.example/app");
  });

  it("normalises an https address", () => {
    expect(safeActionUrl("  https://Brand.Example/a b?q=1  ")).toBe("https://brand.example/a%20b?q=1");
  });
});
