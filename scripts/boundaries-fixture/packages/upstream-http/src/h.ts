import { c } from "../../crowdtwist/src/c.ts";

export const h = c;
