import { bench } from "../../../bench/b.ts";

export const usesBench = bench;
