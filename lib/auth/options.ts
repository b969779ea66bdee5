import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "./client-ip";
import { logger } from "@/lib/server/log";
import { signInWithSso } from "@/lib/server/identity/sso";
import { oidcProvider, oidcSettings } from "./oidc";
import { authenticate, SignInError } from "./sign-in";
import { signInConfig } from "./sign-in-config";
import { endSession, SESSION_MAX_AGE, startSession, type SessionMethod } from "./sessions";

// Half a single sign-on configuration stops the server here, with a message naming what is
// missing (lib/auth/oidc.ts).
const sso = oidcSettings();
const { passwordSignIn } = signInConfig();

const credentials = Credentials({
  name: "Email and password",
  credentials: {
    email: { label: "Email", type: "email" },
    password: { label: "Password", type: "password" },
  },
  async authorize(credentials, req) {
    try {
      const user = await authenticate(credentials ?? {}, clientIp(req?.headers));
      return { id: String(user.id), email: user.email, name: user.name };
    } catch (error) {
      if (error instanceof SignInError) throw new Error(error.message);
      logger.error({ err: error }, "sign-in failed unexpectedly");
      throw new Error("Sign-in is unavailable right now. Please try again in a minute.");
    }
  },
});

// The cookie is a signed JWT naming a server-side session (lib/auth/sessions.ts): app servers
// keep no state of their own, and a session ends on the server when it ends.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  // With PASSWORD_SIGN_IN=false (and SSO on) there is no password provider at all.
  providers: [...(sso ? [oidcProvider(sso)] : []), ...(passwordSignIn ? [credentials] : [])],
  callbacks: {
    // An SSO sign-in resolves the person (lib/server/identity/sso.ts); `user.id` becomes their
    // id, which the jwt callback below turns into a session. A refusal goes to a page saying why.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!sso || !profile) return "/sign-in/refused?reason=invalid";
      try {
        const outcome = await signInWithSso(profile as Record<string, unknown>, sso);
        if (!outcome.ok) return `/sign-in/refused?reason=${outcome.reason}`;
        user.id = String(outcome.personId);
        return true;
      } catch (error) {
        logger.error({ err: error }, "single sign-on failed unexpectedly");
        return "/sign-in/refused?reason=unavailable";
      }
    },
    async jwt({ token, user, account }) {
      if (user) {
        const uid = Number(user.id);
        const method: SessionMethod = account?.type === "credentials" ? "password" : "sso";
        token.uid = uid;
        token.sid = await startSession(uid, method);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: number }).id = token.uid as number;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid, "sign-out");
    },
  },
};
