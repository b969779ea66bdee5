-- CreateEnum
CREATE TYPE "SignInLinkKind" AS ENUM ('INVITATION', 'RESET');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "groupRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
ADD COLUMN     "handRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoIdentity" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "SignInLinkKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" INTEGER,

    CONSTRAINT "SignInLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupRoleMapping" (
    "id" SERIAL NOT NULL,
    "group" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupRoleMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_endedAt_idx" ON "Session"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "SsoIdentity_userId_idx" ON "SsoIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_issuer_subject_key" ON "SsoIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInLink_userId_kind_createdAt_idx" ON "SignInLink"("userId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_email_at_idx" ON "PasswordResetRequest"("email", "at");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_ip_at_idx" ON "PasswordResetRequest"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "GroupRoleMapping_group_role_key" ON "GroupRoleMapping"("group", "role");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInLink" ADD CONSTRAINT "SignInLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInLink" ADD CONSTRAINT "SignInLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRoleMapping" ADD CONSTRAINT "GroupRoleMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Roles by source (docs/decisions/0011-role-sources.md). Everyone's roles so far were granted
-- by hand. From now on "roles" is derived: the union of the hand-granted roles and the roles
-- the identity provider's groups map to, in the enum's order. A write of "roles" alone (an
-- older code path or a script) counts as a hand grant; a group role stays while its group does.
UPDATE "User" SET "handRoles" = roles;
ALTER TABLE "User" ALTER COLUMN "handRoles" SET NOT NULL, ALTER COLUMN "groupRoles" SET NOT NULL;

CREATE FUNCTION guardians_user_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF cardinality(NEW."handRoles") = 0 AND cardinality(NEW."groupRoles") = 0 THEN
      NEW."handRoles" := coalesce(NEW.roles, '{}');
    END IF;
  ELSIF NEW.roles IS DISTINCT FROM OLD.roles
    AND NEW."handRoles" IS NOT DISTINCT FROM OLD."handRoles"
    AND NEW."groupRoles" IS NOT DISTINCT FROM OLD."groupRoles" THEN
    NEW."handRoles" := ARRAY(SELECT r FROM unnest(NEW.roles) r WHERE NOT r = ANY (NEW."groupRoles"));
  END IF;
  NEW.roles := ARRAY(SELECT DISTINCT r FROM unnest(NEW."handRoles" || NEW."groupRoles") r ORDER BY r);
  RETURN NEW;
END $$;

CREATE TRIGGER "User_roles" BEFORE INSERT OR UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION guardians_user_roles();


-- Deactivation ends a person's sessions on every path that deactivates (people pages, import,
-- restore), so a later reactivation does not revive cookies issued before it.
CREATE FUNCTION guardians_end_sessions_on_deactivation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Session" SET "endedAt" = now(), "endReason" = 'deactivated'
    WHERE "userId" = NEW.id AND "endedAt" IS NULL;
  RETURN NEW;
END $$;

CREATE TRIGGER "User_deactivation_ends_sessions" AFTER UPDATE OF "deactivatedAt" ON "User"
  FOR EACH ROW WHEN (OLD."deactivatedAt" IS NULL AND NEW."deactivatedAt" IS NOT NULL)
  EXECUTE FUNCTION guardians_end_sessions_on_deactivation();
