import type { Y } from "../../bff/src/y.ts";

export const typed: Y = { y: 1 };
