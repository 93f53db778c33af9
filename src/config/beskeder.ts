/**
 * Messages between citizens and the municipality. The response time is the municipality's own
 * promise (a service goal, not a legal deadline): another municipality changes it here.
 */
export const beskedConfig = {
  /** Working days from the day a message arrives until it is answered at the latest. */
  svartidArbejdsdage: 3,
  /** The unit a general question goes to when the citizen does not know whom to ask. */
  generelEnhed: 'velfaerdsraadgivningen',
} as const;
