import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusterBus, type ClusterMessage, createClusterBus } from "../../cluster/cluster-bus.ts";
import { feedStoredAnnouncement } from "../../cluster/stored-announcements.ts";
import { type Database, openDatabase } from "../../db/database.ts";
import { createMetrics } from "../../observability/metrics.ts";
import { openTestDatabase, type TestDatabase } from "../../testing/databases.ts";
import { createFeedMetrics } from "../metrics.ts";
import { expirationHash } from "./expiration-store.ts";
import { pointsExpirationFeed, userSegmentationFeed } from "./feed-definitions.ts";
import { expirationBody, segmentationBody } from "./feed-fixtures.ts";
import { createFeedIngest, type FeedStoredEvent } from "./feed-ingest.ts";
import { SEEN_KEPT } from "./feed-store.ts";
import { segmentHash } from "./segment-store.ts";

// Points Expiration and User Segmentation carry no sequence number (docs/decisions/0041): on a real
// Postgres, whatever order messages of one membership (or one member's expirations) arrive in, in
// bursts through the group commit or from two instances at once, the stored row ends at the
// greatest by (date, content hash in byte order), a redelivery of anything seen is a duplicate,
// and nothing is written or announced unless the stored state changed. Each answer is the one a
// one-at-a-time model of that rule gives.

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const at = (second: number) => new Date(T0 + second * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** One message: which of a few contents (`variant`) at which instant. */
interface Message {
  second: number;
  variant: number;
}
const idOf = (m: Message) => `${m.second}:${m.variant}`;

const SEGMENT_VARIANTS = [
  { event: "entered", trigger: "segment criteria" },
  { event: "exited", trigger: "segment criteria" },
  { event: "exited", trigger: "segment disabled" },
] as const;

const FEEDS = {
  user_segmentation: {
    body: (member: string, m: Message) =>
      segmentationBody(member, { ...SEGMENT_VARIANTS[m.variant], date_occurred: at(m.second) }),
    hash(member: string, m: Message) {
      const parsed = userSegmentationFeed.schema.parse(this.body(member, m));
      return segmentHash(userSegmentationFeed.toInput(parsed, member, new Date()));
    },
    state: async (db: Database, member: string) => {
      const [row] = await db.query<{ event: string; trigger: string; date_occurred: Date }>(
        "select event, trigger, date_occurred from member_segments where member_key = $1",
        [member],
      );
      return row ? `${row.date_occurred.toISOString()} ${row.event} ${row.trigger}` : null;
    },
    expectedState: (m: Message) =>
      `${new Date(T0 + m.second * 1000).toISOString()} ${SEGMENT_VARIANTS[m.variant]?.event} ${SEGMENT_VARIANTS[m.variant]?.trigger}`,
  },
  points_expiration: {
    body: (member: string, m: Message) =>
      expirationBody(member, {
        message_date: at(m.second),
        redemption_period_points_expiration: [
          { expiration_date: "2030-02-01T00:00:00Z", points_expiring: 100 * (m.variant + 1) },
        ],
      }),
    hash(member: string, m: Message) {
      const parsed = pointsExpirationFeed.schema.parse(this.body(member, m));
      return expirationHash(pointsExpirationFeed.toInput(parsed, member, new Date()));
    },
    state: async (db: Database, member: string) => {
      const [row] = await db.query<{ message_date: Date; expiring: { points: number }[] }>(
        "select message_date, expiring from member_point_expirations where member_key = $1",
        [member],
      );
      return row ? `${row.message_date.toISOString()} ${row.expiring[0]?.points}` : null;
    },
    expectedState: (m: Message) => `${new Date(T0 + m.second * 1000).toISOString()} ${100 * (m.variant + 1)}`,
  },
};
type FeedCase = keyof typeof FEEDS;

/** The rule applied one message at a time: greatest (date, hash) stored; seen contents are duplicates. */
function oneAtATime(feed: FeedCase, member: string) {
  const rank = (m: Message) => [m.second, FEEDS[feed].hash(member, m)] as const;
  let stored: Message | null = null;
  const seen = new Set<string>();
  return {
    apply(m: Message): string {
      if (seen.has(idOf(m))) return "duplicate";
      seen.add(idOf(m));
      const [second, hash] = rank(m);
      if (stored) {
        const [storedSecond, storedHash] = rank(stored);
        if (second < storedSecond || (second === storedSecond && hash < storedHash)) return "stale";
      }
      stored = m;
      return "stored";
    },
    stored: () => stored,
  };
}

let store: TestDatabase;
beforeAll(async () => {
  store = await openTestDatabase();
});
afterAll(() => store?.close());

function setup(feed: FeedCase, db: Database = store.db, bus?: ClusterBus) {
  const events: FeedStoredEvent[] = [];
  const definition = feed === "user_segmentation" ? userSegmentationFeed : pointsExpirationFeed;
  const metrics = createFeedMetrics(createMetrics({ defaultMetrics: false }))(feed);
  // The definitions are generic over different inputs; each is used whole, as create-feeds.ts does.
  const ingest = createFeedIngest(definition as typeof pointsExpirationFeed, {
    db,
    idType: "third_party_id",
    metrics,
    logger: pino({ level: "silent" }),
    onStored: (event) => events.push(event),
    announcement: bus && feedStoredAnnouncement(bus, feed),
  });
  const send = (member: string, m: Message) =>
    ingest(FEEDS[feed].body(member, m), "r").then((result) => result.kind);
  return { send, events };
}

let memberCount = 0;
const members = (prefix: string) => {
  memberCount += 1;
  return `${prefix}-${memberCount}`;
};

describe.each(Object.keys(FEEDS) as FeedCase[])("%s, messages at the same instant", (feed) => {
  const A = { second: 0, variant: 0 };
  const B = { second: 0, variant: 1 };
  const C = { second: 0, variant: 2 };
  const named = { A, B, C } as Record<string, Message>;

  it.each(["ABA", "BAB", "ABBA", "BAAB", "AABB"])(
    "%s: the same stored state, no flip back, nothing announced twice",
    async (sequence) => {
      const member = members(`seq-${feed}`);
      const { send, events } = setup(feed);
      const model = oneAtATime(feed, member);
      const answers: string[] = [];
      for (const letter of sequence) answers.push(await send(member, named[letter] as Message));
      expect(answers).toEqual([...sequence].map((letter) => model.apply(named[letter] as Message)));
      // Whichever came first, the greater of the two is stored, and a redelivery is never stored.
      const winner = FEEDS[feed].hash(member, A) > FEEDS[feed].hash(member, B) ? A : B;
      expect(await FEEDS[feed].state(store.db, member)).toBe(FEEDS[feed].expectedState(winner));
      [...sequence].forEach((letter, i) => {
        if (sequence.slice(0, i).includes(letter)) expect(answers[i]).toBe("duplicate");
      });
      expect(events).toHaveLength(answers.filter((answer) => answer === "stored").length);
    },
  );

  it("every order of three different messages ends at the same one, and their redeliveries are duplicates", async () => {
    const orders = [
      [A, B, C],
      [A, C, B],
      [B, A, C],
      [B, C, A],
      [C, A, B],
      [C, B, A],
    ];
    const finals = new Set<string | null>();
    for (const order of orders) {
      const member = members(`perm-${feed}`);
      const { send } = setup(feed);
      const model = oneAtATime(feed, member);
      const answers = [];
      for (const m of [...order, ...order]) answers.push(await send(member, m));
      expect(answers).toEqual([...order, ...order].map((m) => model.apply(m)));
      expect(answers.slice(3)).toEqual(["duplicate", "duplicate", "duplicate"]);
      const final = await FEEDS[feed].state(store.db, member);
      const expected = model.stored();
      expect(expected).not.toBeNull();
      expect(final).toBe(FEEDS[feed].expectedState(expected as Message));
      finals.add(final);
    }
    // The hash is of the content alone, so every order ends at the same content.
    expect(finals.size).toBe(1);
  });

  it("a later instant still wins over any content, and an earlier one never does", async () => {
    const member = members(`later-${feed}`);
    const { send } = setup(feed);
    expect(await send(member, { second: 5, variant: 0 })).toBe("stored");
    expect(await send(member, { second: 4, variant: 2 })).toBe("stale");
    expect(await send(member, { second: 6, variant: 1 })).toBe("stored");
    expect(await send(member, { second: 5, variant: 0 })).toBe("duplicate");
    expect(await FEEDS[feed].state(store.db, member)).toBe(
      FEEDS[feed].expectedState({ second: 6, variant: 1 }),
    );
  });

  it(`remembers ${SEEN_KEPT} other contents; an older redelivery beyond that is stale, still not applied`, async () => {
    const member = members(`memory-${feed}`);
    const { send } = setup(feed);
    const first = { second: 0, variant: 0 };
    expect(await send(member, first)).toBe("stored");
    for (let second = 1; second <= SEEN_KEPT + 2; second += 1)
      expect(await send(member, { second, variant: 0 })).toBe("stored");
    expect(await send(member, first)).toBe("stale");
    expect(await send(member, { second: SEEN_KEPT, variant: 0 })).toBe("duplicate");
    expect(await FEEDS[feed].state(store.db, member)).toBe(
      FEEDS[feed].expectedState({ second: SEEN_KEPT + 2, variant: 0 }),
    );
  });

  it("a stored row dated over a day after its arrival (a bad clock) is replaced by any new message", async () => {
    const member = members(`clock-${feed}`);
    const { send } = setup(feed);
    expect(await send(member, { second: 0, variant: 1 })).toBe("stored");
    const table = feed === "user_segmentation" ? "member_segments" : "member_point_expirations";
    const column = feed === "user_segmentation" ? "date_occurred" : "message_date";
    await store.db.query(
      `update ${table} set ${column} = received_at + interval '400 days' where member_key = $1`,
      [member],
    );
    expect(await send(member, { second: -60, variant: 0 })).toBe("stored");
    expect(await FEEDS[feed].state(store.db, member)).toBe(
      FEEDS[feed].expectedState({ second: -60, variant: 0 }),
    );
  });

  it("bursts through the group commit answer as one-at-a-time would, and store what they acknowledged", async () => {
    const { send, events } = setup(feed);
    let seed = feed.length * 7_919;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const keys = [0, 1, 2, 3].map(() => members(`burst-${feed}`));
    const models = new Map(keys.map((key) => [key, oneAtATime(feed, key)]));
    const expected: string[] = [];
    const answers: Promise<string>[] = [];
    for (let wave = 0; wave < 30; wave += 1) {
      for (let i = random(8); i >= 0; i -= 1) {
        const member = keys[random(keys.length)] as string;
        // Two instants and three contents: many ties, redeliveries and older messages.
        const m = { second: random(2), variant: random(3) };
        expected.push(models.get(member)?.apply(m) ?? "");
        answers.push(send(member, m));
      }
      if (random(2) === 0) await new Promise((turn) => setImmediate(turn));
    }
    expect(await Promise.all(answers)).toEqual(expected);
    for (const [member, model] of models) {
      const last = model.stored();
      expect(await FEEDS[feed].state(store.db, member)).toBe(last && FEEDS[feed].expectedState(last));
    }
    expect(events).toHaveLength(expected.filter((answer) => answer === "stored").length);
  });
});

describe.each(Object.keys(FEEDS) as FeedCase[])("%s, two instances at once", (feed) => {
  let pools: Database[] = [];
  let buses: ClusterBus[] = [];
  beforeAll(async () => {
    pools = [await openDatabase({ databaseUrl: store.url }), await openDatabase({ databaseUrl: store.url })];
    buses = await Promise.all(
      ["one", "two", "listener"].map((instanceId, i) =>
        createClusterBus({
          databaseUrl: store.url,
          db: pools[i % 2] as Database,
          instanceId,
          onError: () => {},
        }),
      ),
    );
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    for (const pool of pools) await pool.close();
  });

  it("end at the greatest message, store each content at most once, and announce only what they stored", async () => {
    const heard: ClusterMessage[] = [];
    buses[2]?.subscribe((message) => heard.push(message));
    const one = setup(feed, pools[0], buses[0]);
    const two = setup(feed, pools[1], buses[1]);
    const keys = [0, 1, 2, 3, 4, 5].map(() => members(`two-${feed}`));
    const messages = [0, 1].flatMap((second) => [0, 1, 2].map((variant) => ({ second, variant })));
    // Every message of every key to both instances, each in its own order, all at once and twice.
    const sent = keys.flatMap((member, k) =>
      [one, two].flatMap((instance, i) => {
        const order = [...messages, ...messages];
        // A different order per key and instance: rotated, and reversed on the second instance.
        const rotated = [...order.slice(k), ...order.slice(0, k)];
        return (i === 0 ? rotated : rotated.reverse()).map((m) => ({ member, m, instance }));
      }),
    );
    const answers = await Promise.all(
      sent.map(({ member, m, instance }) => instance.send(member, m).then((kind) => ({ member, m, kind }))),
    );
    for (const member of keys) {
      const mine = answers.filter((a) => a.member === member);
      const model = oneAtATime(feed, member);
      for (const m of messages) model.apply(m);
      const greatest = model.stored() as Message;
      expect(await FEEDS[feed].state(store.db, member)).toBe(FEEDS[feed].expectedState(greatest));
      // Four deliveries of each content, wherever they came: the first is stored or stale, the other
      // three are duplicates; the greatest is stored exactly once.
      for (const m of messages) {
        const kinds = mine.filter((a) => idOf(a.m) === idOf(m)).map((a) => a.kind);
        expect(kinds.filter((kind) => kind === "duplicate")).toHaveLength(3);
        if (idOf(m) === idOf(greatest)) expect(kinds.filter((kind) => kind === "stored")).toHaveLength(1);
      }
      const storedCount = mine.filter((a) => a.kind === "stored").length;
      await expect
        .poll(() => heard.filter((h) => h.type === "feed_stored" && h.memberKey === member).length, {
          timeout: 5_000,
        })
        .toBe(storedCount);
    }
  });
});
