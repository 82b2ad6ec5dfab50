import { gone } from "./missing.ts";

export const e = gone;
