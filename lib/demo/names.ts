import { base, en, Faker } from "@faker-js/faker";
import type { Random } from "./random";

/**
 * Full names from Faker's English lists, drawn with the simulation's own generator: one draw
 * per first and per last name, so the seed fixes the names and every later draw of the
 * simulation (who joins, which reviews happen) stays where it was.
 */
export function personNames(rand: Random): () => string {
  const faker = new Faker({
    locale: [en, base],
    randomizer: { next: () => rand.next(), seed: () => {} },
  });
  const first = faker.definitions.person.first_name.generic ?? [];
  const last = faker.definitions.person.last_name.generic ?? [];
  return () => `${faker.helpers.arrayElement(first)} ${faker.helpers.arrayElement(last)}`;
}
