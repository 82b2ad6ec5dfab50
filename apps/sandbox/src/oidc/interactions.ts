import type { IncomingMessage, ServerResponse } from "node:http";
import type { Interaction, default as Provider } from "oidc-provider";
import { z } from "zod";
import { sendHtml } from "../html.ts";
import type { AccountStore } from "./accounts.ts";
import { loginPageHtml } from "./login-page.ts";
import type { DemoAccount } from "./provider.ts";
import { readForm } from "./read-form.ts";

export interface InteractionDeps {
  provider: Provider;
  store: AccountStore;
  accounts: readonly DemoAccount[];
  mountPath: string;
}

export class ExpiredInteractionError extends Error {}

/**
 * Our own interaction routes (oidc-provider's devInteractions are off). `uid` comes from the URL;
 * the interaction itself is looked up from oidc-provider's signed interaction cookie.
 */
export async function handleInteraction(
  deps: InteractionDeps,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const interaction = await deps.provider.interactionDetails(req, res);
  // A stale tab can post to an old uid while the cookie already names a newer interaction.
  if (interaction.uid !== uid) throw new ExpiredInteractionError("interaction uid does not match cookie");

  if (interaction.prompt.name === "consent") {
    await grantConsent(deps.provider, interaction, req, res);
    return;
  }
  if (interaction.prompt.name !== "login") {
    throw new Error(`unsupported prompt ${interaction.prompt.name}`);
  }

  const action = `${deps.mountPath}/interaction/${uid}`;
  if (req.method === "GET") {
    sendHtml(res, 200, loginPageHtml({ action, accounts: deps.accounts }));
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { Allow: "GET, POST" }).end();
    return;
  }

  const form = await readForm(req);
  const username = form.get("username")?.trim() ?? "";
  const account = deps.store.verify(username, form.get("password") ?? "");
  if (!account) {
    // 200, not 401: a 401 must carry a WWW-Authenticate challenge, and this is a form, not HTTP auth.
    sendHtml(res, 200, loginPageHtml({ action, accounts: deps.accounts, username, failed: true }));
    return;
  }
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.username } },
    { mergeWithLastSubmission: false },
  );
}

/** What oidc-provider's consent prompt says is missing (its details are typed as any object). */
const consentDetails = z.object({
  missingOIDCScope: z.array(z.string()).optional(),
  missingOIDCClaims: z.array(z.string()).optional(),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * Every configured client is first-party (the BFF), so consent is granted without a screen: the
 * Grant is created or extended with exactly what the provider reports as missing.
 */
async function grantConsent(
  provider: Provider,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = interaction.session?.accountId;
  if (!accountId) throw new ExpiredInteractionError("consent prompt without a signed-in account");

  const clientId = interaction.params.client_id;
  if (typeof clientId !== "string") throw new ExpiredInteractionError("consent prompt without a client");

  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = consentDetails.parse(
    interaction.prompt.details,
  );
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: existing ? {} : { grantId } });
}
