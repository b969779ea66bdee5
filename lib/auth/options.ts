import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "./client-ip";
import { logger } from "@/lib/server/log";
import { authenticate, SignInError } from "./sign-in";
import { endSession, SESSION_MAX_AGE, startSession, type SessionMethod } from "./sessions";

// The cookie is a signed JWT naming a server-side session (lib/auth/sessions.ts): app servers
// keep no state of their own, and a session ends on the server when it ends.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  providers: [
    Credentials({
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
    }),
  ],
  callbacks: {
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
