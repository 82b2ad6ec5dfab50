// What the bench needs of Hono, its Node adapter and pg: the same packages (the catalog's versions)
// the BFF runs on.

export { getRequestListener } from "@hono/node-server";
export { Hono } from "hono";
export { default as pg } from "pg";
