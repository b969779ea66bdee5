import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonCard } from "@/components/people/person-card";
import { OwnStanding } from "@/components/recognition/own-standing";
import { ProfileDetails } from "@/components/people/profile-details";
import { RoleSources } from "@/components/people/role-sources";
import { SessionsPanel } from "@/components/people/sessions-panel";
import { SignInBlocksPanel } from "@/components/people/sign-in-blocks-panel";
import { SignInPanel } from "@/components/people/sign-in-panel";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requireActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { ROLE } from "@/lib/vocabulary";
import { getPersonCard } from "@/lib/server/people/card";
import { getProfilePerson } from "@/lib/server/people/profile";
import { routeId } from "@/lib/validations/fields";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = routeId((await params).id);
  // Found before the Suspense boundary. Outside the actor's scope: the public card of someone
  // the recognition wall shows, else 404.
  const person = id ? await getProfilePerson(actor, id) : null;
  if (!person) {
    const card = id ? await getPersonCard(actor, id) : null;
    if (!card) notFound();
    return <PersonCard person={card} />;
  }
  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">{person.name}</h1>
          <span className="flex gap-4">
            {can(actor, "impact.read", { orgId: person.orgId, userId: person.id }) ? (
              <Link
                href={`/people/${person.id}/impact`}
                className="text-sm text-brand-600 underline dark:text-brand-100"
              >
                Impact statement
              </Link>
            ) : null}
            {can(actor, "user.manage", { orgId: person.orgId }) ? (
              <Link
                href={`/directory/people/${person.id}/edit`}
                className="text-sm text-brand-600 hover:underline dark:text-brand-100"
              >
                Edit person
              </Link>
            ) : null}
          </span>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {person.roles.map(ROLE.label).join(", ")} · {person.org?.name ?? "no organisation"}
          {person.team ? ` · ${person.team.name}` : ""}
        </p>
        <RoleSources actor={actor} personId={person.id} />
      </div>
      <StreamedPart what="Sign-in details" fallback={null}>
        <SignInPanel actor={actor} personId={person.id} />
      </StreamedPart>
      <StreamedPart
        what="The profile"
        fallback={
          <ListPageSkeleton label="Loading the profile…" title={false} stats={3} filters={0} />
        }
      >
        <ProfileDetails actor={actor} person={person} />
      </StreamedPart>
      {person.id === actor.id ? (
        <StreamedPart what="Your standing" fallback={null}>
          <OwnStanding actor={actor} />
        </StreamedPart>
      ) : null}
      <SessionsPanel actor={actor} person={person} />
      <SignInBlocksPanel actor={actor} person={person} />
    </div>
  );
}
