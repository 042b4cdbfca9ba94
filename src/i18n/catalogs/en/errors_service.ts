/** Messages of one area of the code; keys start with the area's name. */
export const errors_service = {
  'errors_service.placeholder': 'Nothing here yet.',
} as const;
