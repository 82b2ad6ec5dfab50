import { c } from "../../../packages/crowdtwist/src/c.ts";

export const s = c;
