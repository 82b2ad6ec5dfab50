import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expirationBody,
  FEED_PATH,
  redemptionBody,
  segmentationBody,
  userActivityBody,
} from "../live-push/feeds/feed-fixtures.ts";
import { livePushBody } from "../live-push/profile-fixture.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";

// The Data Push feeds' webhooks over real HTTP (docs/decisions/0030): the profile's checks, limits
// and answers on every path; idempotent by each feed's own id; safe in any order.

type Feed = keyof typeof FEED_PATH;
const json = { "content-type": "application/json" };
const keyed = { ...json, "x-api-key": LIVE_PUSH_API_KEY };

const BODIES: Record<Feed, (member: string, patch?: Record<string, unknown>) => Record<string, unknown>> = {
  user_activity: userActivityBody,
  user_redemption: redemptionBody,
  points_expiration: expirationBody,
  user_segmentation: segmentationBody,
};
const FEEDS = Object.keys(FEED_PATH) as Feed[];

interface Answer {
  outcome?: string;
  error: { code: string; message: string; requestId: string };
}

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

async function post(feed: Feed, body: unknown, headers: Record<string, string> = keyed) {
  const response = await fetch(`${system.portalUrl}${FEED_PATH[feed]}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, body: JSON.parse(text) as Answer };
}

async function counter(name: string, labels: string): Promise<number> {
  const text = await system.bff.metrics.registry.metrics();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}} `));
  return Number(line?.split(" ").pop() ?? 0);
}

const sequence = (() => {
  let n = 1_000;
  return () => (n += 1);
})();

describe.each(FEEDS)("the %s webhook", (feed) => {
  const body = (patch: Record<string, unknown> = {}) => BODIES[feed](`member-${sequence()}`, patch);

  it("stores a message sent with the API key and answers 200 with the outcome", async () => {
    const answer = await post(feed, body({ userActivityId: sequence(), orderId: sequence() }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ outcome: "stored" });
    expect(await counter("live_push_feed_accepted_total", `feed="${feed}"`)).toBeGreaterThanOrEqual(1);
  });

  it("refuses a caller without the credential with 401 and says nothing more", async () => {
    const before = await counter(
      "live_push_feed_auth_failures_total",
      `feed="${feed}",reason="bad_credentials"`,
    );
    const answer = await post(feed, body(), { ...json, "x-api-key": "wrong-key-0123456789" });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({
      code: "unauthenticated",
      message: "Authentication required.",
      requestId: expect.any(String),
    });
    expect(
      await counter("live_push_feed_auth_failures_total", `feed="${feed}",reason="bad_credentials"`),
    ).toBe(before + 1);
  });

  it("refuses a body that is not JSON by its type (415) or its text (400)", async () => {
    const typed = await post(feed, body(), { "x-api-key": LIVE_PUSH_API_KEY, "content-type": "text/plain" });
    expect(typed.status).toBe(415);
    expect(typed.body.error).toMatchObject({
      code: "unsupported_media_type",
      message: "Send the message as application/json.",
    });
    const malformed = await post(feed, '{"third_party_id": "ava",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("malformed_json");
  });

  it("refuses a body over 256 KiB with 413 and closes the connection", async () => {
    const answer = await post(feed, { ...body(), padding: "x".repeat(300 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("connection")).toBe("close");
    expect(
      await counter("live_push_feed_validation_failures_total", `feed="${feed}",reason="too_large"`),
    ).toBe(1);
  });

  it("takes fields it does not know", async () => {
    const answer = await post(
      feed,
      body({ somethingNew: { nested: [1, "two"] }, userActivityId: sequence(), orderId: sequence() }),
    );
    expect(answer.status).toBe(200);
  });

  it("answers 422 for a message without the configured member id, naming the field", async () => {
    const answer = await post(feed, body({ thirdPartyId: null, third_party_id: null }));
    expect(answer.status).toBe(422);
    const field = feed === "user_activity" || feed === "user_redemption" ? "thirdPartyId" : "third_party_id";
    expect(answer.body.error).toMatchObject({
      code: "no_member_id",
      message: expect.stringContaining(field),
    });
  });
});

describe("bad field paths in the 422 answer, never the values", () => {
  it.each([
    ["user_activity", { points: "eighty" }, "points"],
    ["user_activity", { userActivityId: null }, "userActivityId"],
    ["user_redemption", { orderDate: "whenever-ish" }, "orderDate"],
    [
      "points_expiration",
      { points_expiration: [{ expiration_date: "2030-01-01T00:00:00Z", points_expiring: "lots-ish" }] },
      "points_expiration[0].points_expiring",
    ],
    ["user_segmentation", { event: "wandered-ish" }, "event"],
  ] as const)("%s: %j", async (feed, patch, path) => {
    const answer = await post(feed, BODIES[feed]("ava", patch));
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_message");
    expect(answer.body.error.message).toContain(`${path}:`);
    expect(answer.text).not.toContain("-ish");
  });

  it("refuses a message dated over a day ahead, which would freeze the member", async () => {
    const answer = await post(
      "user_segmentation",
      segmentationBody("ava", { date_occurred: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toContain("date_occurred: future_dated");
  });
});

const rows = <T>(sql: string, params: unknown[]) =>
  system.bff.db.query<T & Record<string, unknown>>(sql, params);

describe("idempotent by each feed's own id", () => {
  it("a completion redelivered is a duplicate: one row, counted once", async () => {
    const message = userActivityBody("dup-activity", { userActivityId: 555_001, activityId: 120 });
    expect((await post("user_activity", message)).body.outcome).toBe("stored");
    // At once and in parallel too: one row whatever the interleaving.
    const answers = await Promise.all(Array.from({ length: 10 }, () => post("user_activity", message)));
    expect(answers.map((a) => a.body.outcome)).toEqual(Array(10).fill("duplicate"));
    expect(
      await rows("select * from member_activity_history where user_activity_id = $1", ["555001"]),
    ).toHaveLength(1);
    expect(
      await rows<{ completions: string }>(
        "select completions from member_activity_completions where member_key = $1 and activity_id = $2",
        ["dup-activity", "120"],
      ),
    ).toEqual([{ completions: "1" }]);
  });

  it("an order redelivered is a duplicate", async () => {
    const message = redemptionBody("dup-order", { orderId: "A-77" });
    expect((await post("user_redemption", message)).body.outcome).toBe("stored");
    expect((await post("user_redemption", message)).body.outcome).toBe("duplicate");
    expect(await rows("select * from member_redemptions where order_id = 'A-77'", [])).toHaveLength(1);
  });

  it("the same expirations or segment change again is a duplicate (content hash)", async () => {
    const expiring = expirationBody("dup-exp");
    expect((await post("points_expiration", expiring)).body.outcome).toBe("stored");
    expect((await post("points_expiration", expiring)).body.outcome).toBe("duplicate");
    const change = segmentationBody("dup-seg");
    expect((await post("user_segmentation", change)).body.outcome).toBe("stored");
    expect((await post("user_segmentation", change)).body.outcome).toBe("duplicate");
  });
});

describe("safe in any order", () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 10, 12, 0, seconds)).toISOString();

  it("segment membership is decided by the latest date_occurred per member and segment", async () => {
    const entered = segmentationBody("order-seg", { event: "entered", date_occurred: at(0) });
    const exited = segmentationBody("order-seg", { event: "exited", date_occurred: at(30) });
    const other = segmentationBody("order-seg", {
      subscription_id: 201,
      event: "entered",
      date_occurred: at(5),
    });
    expect((await post("user_segmentation", exited)).body.outcome).toBe("stored");
    expect((await post("user_segmentation", entered)).body.outcome).toBe("stale");
    expect((await post("user_segmentation", other)).body.outcome).toBe("stored");
    expect(
      await rows<{ subscription_id: string; event: string }>(
        "select subscription_id, event from member_segments where member_key = $1 order by subscription_id",
        ["order-seg"],
      ),
    ).toEqual([
      { subscription_id: "200", event: "exited" },
      { subscription_id: "201", event: "entered" },
    ]);
  });

  it("30 changes of one membership delivered shuffled and in parallel end at the latest", async () => {
    const changes = Array.from({ length: 30 }, (_, i) =>
      segmentationBody("race-seg", { event: i % 2 === 0 ? "entered" : "exited", date_occurred: at(i) }),
    );
    const shuffled = [...changes].sort(() => Math.random() - 0.5);
    const answers = await Promise.all(shuffled.map((change) => post("user_segmentation", change)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(
      await rows<{ event: string; date_occurred: Date }>(
        "select event, date_occurred from member_segments where member_key = $1",
        ["race-seg"],
      ),
    ).toEqual([{ event: "exited", date_occurred: new Date(at(29)) }]);
  });

  it("expiring points are those of the latest message_date", async () => {
    const newer = expirationBody("order-exp", {
      message_date: at(20),
      redemption_period_points_expiration: [{ expiration_date: "2030-02-01T00:00:00Z", points_expiring: 50 }],
    });
    const older = expirationBody("order-exp", {
      message_date: at(10),
      redemption_period_points_expiration: [
        { expiration_date: "2030-01-01T00:00:00Z", points_expiring: 900 },
      ],
    });
    expect((await post("points_expiration", newer)).body.outcome).toBe("stored");
    expect((await post("points_expiration", older)).body.outcome).toBe("stale");
    const [stored] = await rows<{ expiring: unknown }>(
      "select expiring from member_point_expirations where member_key = $1",
      ["order-exp"],
    );
    expect(stored?.expiring).toEqual([{ points: 50, date: "2030-02-01T00:00:00.000Z" }]);
    expect(await counter("live_push_feed_out_of_order_total", 'feed="points_expiration"')).toBe(1);
  });

  it("completions arriving out of order each take their place by their own time", async () => {
    await post(
      "user_activity",
      userActivityBody("order-act", { userActivityId: 777_002, dateCreated: at(50) }),
    );
    await post(
      "user_activity",
      userActivityBody("order-act", { userActivityId: 777_001, dateCreated: at(40) }),
    );
    expect(
      (
        await rows<{ user_activity_id: string }>(
          "select user_activity_id from member_activity_history where member_key = $1 order by occurred_at desc",
          ["order-act"],
        )
      ).map((row) => row.user_activity_id),
    ).toEqual(["777002", "777001"]);
  });
});

describe("stored before the 2xx", () => {
  it("answers 503 while the database cannot take the message, and stores the resend once it can", async () => {
    // The database refusing as it does while shutting down (SQLSTATE 57P01), for this table only.
    await system.bff.db.exec(`
      create function refuse_orders() returns trigger language plpgsql as
        $$ begin raise exception 'shutting down' using errcode = '57P01'; end $$;
      create trigger refuse_orders before insert on member_redemptions for each row execute function refuse_orders();`);
    const message = redemptionBody("outage", { orderId: "OUT-1" });
    try {
      const refused = await post("user_redemption", message);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: "storage_unavailable" });
      expect(await rows("select * from member_redemptions where order_id = 'OUT-1'", [])).toEqual([]);
    } finally {
      await system.bff.db.exec(
        "drop trigger refuse_orders on member_redemptions; drop function refuse_orders();",
      );
    }
    expect((await post("user_redemption", message)).body).toEqual({ outcome: "stored" });
  });
});

describe("with third-party-id sync on the profile's path", () => {
  // CrowdTwist offers the sync only to an unauthenticated profile feed; the other feeds authenticate
  // as usual. The allowlist admits CrowdTwist's senders, which send for every client, so it is the
  // credential that says a message is this program's.
  it("still asks the other feeds for the credential when one is configured", async () => {
    const synced = await startTestSystem({
      LIVE_PUSH_ALLOWED_IPS: "127.0.0.1,::1",
      LIVE_PUSH_THIRD_PARTY_ID_SYNC: "true",
    });
    try {
      const send = (feed: Feed, headers: Record<string, string>) =>
        fetch(`${synced.portalUrl}${FEED_PATH[feed]}`, {
          method: "POST",
          headers,
          body: JSON.stringify(BODIES[feed]("sync-member", { userActivityId: 880_001, orderId: "S-1" })),
        });
      for (const feed of FEEDS) {
        expect((await send(feed, json)).status).toBe(401);
        expect((await send(feed, keyed)).status).toBe(200);
      }
      const profile = await fetch(`${synced.portalUrl}/webhooks/crowdtwist/user-profile`, {
        method: "POST",
        headers: json,
        body: JSON.stringify(livePushBody("ava")),
      });
      expect(profile.status).toBe(200);
    } finally {
      await synced.close();
    }
  });
});
