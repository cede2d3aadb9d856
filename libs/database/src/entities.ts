import { AuditEntry } from '@sheber/audit';
import { Craft } from '@sheber/crafts';
import { EmploymentCenter } from '@sheber/employment-centers';
import { MasterCraft, User } from '@sheber/users';

/** Every entity of the schema; the data source and the migration generator read this list. */
export const ENTITIES = [AuditEntry, Craft, EmploymentCenter, MasterCraft, User];
