// Ids that several seed files and the tests refer to.

export const TIER = { bronze: 334, silver: 345, gold: 356 } as const;
export const SEGMENT = { loginStreak: 1628, newYork: 2001, staff: 2002 } as const;
export const ALIDA_SURVEY_ID = "6f1c2a4e-3b7d-4e8a-9c1f-2d5b7e9a1c30";
export const ALIDA_FORUM_ID = "a83d5f10-7c2e-4b9a-8e4d-1f6a3c5b7d92";

/** Pages the sandbox serves for the demo program's `redirect_url`s (landing/routes.ts). */
export const SITE_PATH = "/sandbox/site";
export const COMMUNITY_PATH = "/sandbox/community";
