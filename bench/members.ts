import type { SeedMember, SeedProgram } from "@portal/sandbox/program/seed-types";

// Extra CrowdTwist members for the benchmark, so that every request in a miss-only workload asks for
// a different member (single-flight and the cache cannot hide an upstream call). Each one copies a
// demo member (bronze, silver, gold in turn), so payload sizes match the demo program's.

export const benchUsername = (index: number) => `bench-${String(index).padStart(5, "0")}`;

export function withExtraMembers(program: SeedProgram, count: number): SeedProgram {
  const templates = program.members;
  const extra: SeedMember[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = templates[i % templates.length];
    if (!template) throw new Error("the seed program has no members to copy");
    const username = benchUsername(i);
    extra.push({
      ...template,
      username,
      id: 100_000 + i,
      email: `${username}@example.com`,
      facebookUserId: String(200_000_000_000_000 + i),
      twitterUserId: String(300_000_000 + i),
      mobilePhoneNumber: String(15_550_000_000 + i),
      segments: [...template.segments],
    });
  }
  return { ...program, members: [...program.members, ...extra] };
}
