import type { DemoAccount } from "../oidc/provider.ts";

// Sign-ins for the sandbox's identity provider. Each member's `sub` is also their CrowdTwist
// third_party_id, so the portal's default id mapping finds them.
export const DEMO_PASSWORD = "demo";

export const demoAccounts: DemoAccount[] = [
  {
    username: "ava",
    password: DEMO_PASSWORD,
    name: "Ava Lindqvist",
    email: "ava@example.com",
    role: "member",
    description: "Member · Bronze, the lowest tier",
  },
  {
    username: "ben",
    password: DEMO_PASSWORD,
    name: "Ben Okafor",
    email: "ben@example.com",
    role: "member",
    description: "Member · Silver, the middle tier",
  },
  {
    username: "cleo",
    password: DEMO_PASSWORD,
    name: "Cleo Marchetti",
    email: "cleo@example.com",
    role: "member",
    description: "Member · Gold, the top tier",
  },
  {
    username: "eli",
    password: DEMO_PASSWORD,
    name: "Eli Moreau",
    email: "eli@example.com",
    role: "member",
    description: "Member · account inactive",
  },
  {
    // Signs in at the provider but has not verified her address: a portal that maps members by
    // email (CROWDTWIST_ID_TYPE=email) must refuse her, as anyone could have typed it in. No
    // loyalty account under the default mapping either.
    username: "dana",
    password: DEMO_PASSWORD,
    name: "Dana Whitfield",
    email: "dana@example.com",
    emailVerified: false,
    role: "member",
    description: "Member · email address not verified",
  },
  {
    username: "morgan",
    password: DEMO_PASSWORD,
    name: "Morgan Reyes",
    email: "morgan@example.com",
    role: "program_manager",
    description: "Program manager",
  },
];
