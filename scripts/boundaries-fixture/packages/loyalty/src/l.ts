import { readFileSync } from "node:fs";

export const l = typeof readFileSync;
