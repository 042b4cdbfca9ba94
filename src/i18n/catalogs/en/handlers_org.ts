/** Messages of one area of the code; keys start with the area's name. */
export const handlers_org = {
  'handlers_org.placeholder': 'Nothing here yet.',
} as const;
