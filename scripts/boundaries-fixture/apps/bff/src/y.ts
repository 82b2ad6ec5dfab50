export type Y = { y: number };
export const x = 1;
