export const ROLES = ['admin', 'staff', 'master', 'officer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is doing something: passed from the edge to every service that changes data. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly employmentCenterId: string | null;
  /** The request id, so an audit row can be matched with the log lines of its request. */
  readonly requestId?: string;
}

/** The actor for changes made by the system itself (migrations, seed, CLI). */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin', employmentCenterId: null };
