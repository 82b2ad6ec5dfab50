import type { IncomingMessage, ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { sendHtml } from "../html.ts";
import { createAccountStore } from "./accounts.ts";
import { ExpiredInteractionError, handleInteraction } from "./interactions.ts";
import { buildConfiguration } from "./provider-config.ts";
import { errorPageHtml } from "./provider-pages.ts";
import { FormTooLargeError } from "./read-form.ts";
import { generateSigningJwk } from "./signing-key.ts";
import { staleHintDropper } from "./stale-hint.ts";

export interface OidcClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface DemoAccount {
  username: string;
  password: string;
  name: string;
  email: string;
  /** What the provider says in `email_verified`; verified unless set to false. */
  emailVerified?: boolean;
  role: "member" | "program_manager";
  /** Shown on the login page, e.g. "Member · Bronze tier (lowest)". */
  description: string;
}

export interface OidcOptions {
  /** e.g. "http://localhost:4010/oidc"; the provider is mounted under the issuer's path. */
  issuer: string;
  clients: OidcClientConfig[];
  accounts: DemoAccount[];
  cookieKeys: string[];
}

export interface OidcServer {
  /** Path prefix this server owns, e.g. "/oidc" ("" when the issuer has no path). */
  mountPath: string;
  /** Takes requests whose URL is `mountPath` or starts with `mountPath/` or `mountPath?`, unmodified. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

const INTERACTION_PATH = /^\/interaction\/([\w-]+)$/;

export async function createOidcServer(options: OidcOptions): Promise<OidcServer> {
  if (options.cookieKeys.length === 0) throw new Error("OIDC sandbox needs at least one cookie key");
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const store = createAccountStore(options.accounts);
  const signingJwk = await generateSigningJwk();
  const dropStaleHint = staleHintDropper(signingJwk);
  const configuration = buildConfiguration({
    clients: options.clients,
    cookieKeys: options.cookieKeys,
    signingJwk,
    store,
    mountPath,
  });
  const provider = new Provider(options.issuer, configuration);
  // oidc-provider renders its own error page for these and only reports them through this event.
  provider.on("server_error", (_ctx, error) => console.error("[sandbox oidc] server error", error));
  const providerCallback = provider.callback();
  const deps = { provider, store, accounts: options.accounts, mountPath };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "/";
    const rest = url.slice(mountPath.length);
    if (!url.startsWith(mountPath) || !/^(?:[/?]|$)/.test(rest)) {
      sendHtml(res, 404, errorPageHtml("Not found", "There is no sign-in page at this address."));
      return;
    }
    const localUrl = rest.startsWith("/") ? rest : `/${rest}`;
    const interaction = INTERACTION_PATH.exec(localUrl.split("?")[0] ?? "");
    if (interaction?.[1]) {
      handleInteraction(deps, interaction[1], req, res).catch((error: unknown) =>
        failInteraction(res, error),
      );
      return;
    }
    // oidc-provider routes on the mount-relative path and rebuilds absolute URLs (discovery,
    // redirects) from the difference between req.originalUrl and req.url, as under express.
    const forwarded = dropStaleHint(localUrl);
    Object.assign(req, { originalUrl: forwarded === localUrl ? url : `${mountPath}${forwarded}` });
    req.url = forwarded;
    providerCallback(req, res);
  }

  return { mountPath, handle };
}

function failInteraction(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // SessionNotFound: the interaction cookie is missing or expired, e.g. a bookmarked login page.
  if (
    error instanceof ExpiredInteractionError ||
    (error instanceof Error && error.name === "SessionNotFound")
  ) {
    const message = "This sign-in request has expired or was already completed.";
    sendHtml(res, 400, errorPageHtml("Sign-in expired", message));
    return;
  }
  if (error instanceof FormTooLargeError) {
    sendHtml(res, 413, errorPageHtml("Request too large", "The submitted form was too large."));
    return;
  }
  console.error("[sandbox oidc] interaction failed", error);
  sendHtml(res, 500, errorPageHtml("Something went wrong", "The sandbox could not complete the sign-in."));
}
