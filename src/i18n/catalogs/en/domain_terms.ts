/** Words for what the domain and the service report as codes (statuses, reasons, warnings). */
export const domain_terms = {} as const;
