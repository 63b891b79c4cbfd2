// The lifecycle states of a business (BusinessStatus on the server), in lifecycle order.
export const BUSINESS_STATUSES = ['INITIALIZING', 'GENERATING_IDEA', 'COMPOSING_TEAM', 'DECOMPOSING_TASKS', 'ROUTING',
  'VALIDATING', 'EXECUTING', 'DEPLOYING', 'WAITING_FOR_BUDGET', 'SUCCESS', 'FAILED', 'BLOCKED'];
