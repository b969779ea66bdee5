import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "./client-ip";
import { logger } from "@/lib/server/log";
import { authenticate, SignInError } from "./sign-in";

// Sessions are signed JWTs in an httpOnly cookie, so app servers keep no session state.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
    jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: number }).id = token.uid as number;
      return session;
    },
  },
};
