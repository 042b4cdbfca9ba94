/** Messages of one area of the code; keys start with the area's name. */
export const handlers_people = {
  'handlers_people.placeholder': 'Nothing here yet.',
} as const;
