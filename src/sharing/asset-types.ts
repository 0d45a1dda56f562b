import { type AssetTypeConfig, type AssetTypeOptions, OWNER_LEVEL, type RoleDefinition } from './types.ts';

const owner: RoleDefinition = {
  name: 'OWNER',
  level: OWNER_LEVEL,
  label: 'Owner',
  description: 'Can view, edit, share and delete, and manage who has access.',
};
const editor: RoleDefinition = {
  name: 'EDITOR',
  level: 2,
  label: 'Editor',
  description: 'Can view and edit.',
};
const user: RoleDefinition = {
  name: 'USER',
  level: 2,
  label: 'User',
  description: 'Can view, use and change.',
};
const consumer: RoleDefinition = {
  name: 'CONSUMER',
  level: 1,
  label: 'Consumer',
  description: 'Can view and use.',
};

const baseOptions: AssetTypeOptions = {
  allowSharing: false,
  canUseData: false,
  externalLink: false,
  shareWithLineage: false,
  note: true,
  notify: true,
  expiry: true,
};

/** The eight asset types of SPEC §3. */
export const builtInAssetTypes: readonly AssetTypeConfig[] = [
  {
    id: 'useCase',
    label: 'Use Case',
    pluralLabel: 'Use Cases',
    collection: 'useCases',
    recipientTypes: ['user', 'organization'],
    roles: [owner, editor, consumer],
    defaultRole: 'EDITOR',
    options: baseOptions,
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  },
  {
    id: 'application',
    label: 'Application',
    pluralLabel: 'Applications',
    collection: 'customApplications',
    recipientTypes: ['user', 'group', 'organization'],
    roles: [owner, editor, consumer],
    defaultRole: 'EDITOR',
    options: { ...baseOptions, externalLink: true },
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  },
  {
    id: 'deployment',
    label: 'Deployment',
    pluralLabel: 'Deployments',
    collection: 'deployments',
    recipientTypes: ['user', 'group', 'organization'],
    roles: [owner, user, consumer],
    defaultRole: 'USER',
    options: baseOptions,
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  },
  {
    id: 'dataset',
    label: 'Dataset',
    pluralLabel: 'Datasets',
    collection: 'datasets',
    recipientTypes: ['user', 'group', 'organization'],
    roles: [owner, editor, consumer],
    defaultRole: 'EDITOR',
    options: { ...baseOptions, allowSharing: true, canUseData: true, shareWithLineage: true },
    whoMayShare: { kind: 'canShareFlag' },
    invariants: { lastOwner: true, lastSharer: true },
  },
  {
    id: 'dataConnection',
    label: 'Data connection',
    pluralLabel: 'Data connections',
    collection: 'dataStores',
    recipientTypes: ['user', 'group', 'organization'],
    roles: [owner, editor, consumer],
    defaultRole: 'EDITOR',
    options: { ...baseOptions, allowSharing: true },
    whoMayShare: { kind: 'canShareFlag' },
    invariants: { lastOwner: true, lastSharer: true },
  },
  {
    id: 'project',
    label: 'Project',
    pluralLabel: 'Projects',
    collection: 'projects',
    recipientTypes: ['user', 'group', 'organization'],
    roles: [owner, user, consumer],
    defaultRole: 'USER',
    options: baseOptions,
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  },
  {
    id: 'workload',
    label: 'Workload',
    pluralLabel: 'Workloads',
    collection: 'workloads',
    recipientTypes: ['user', 'group', 'organization', 'role'],
    roles: [owner, user, { ...consumer, description: 'Can invoke the workload only.' }],
    defaultRole: 'USER',
    options: baseOptions,
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  },
  {
    id: 'governedModel',
    label: 'Governed model',
    pluralLabel: 'Governed models',
    collection: 'models',
    recipientTypes: ['user', 'role'],
    roles: [
      owner,
      { name: 'WRITE', level: 2, label: 'Write', description: 'Can edit, send for approval and share.' },
      { name: 'READ', level: 1, label: 'Read', description: 'Can view, run simulations and download.' },
    ],
    defaultRole: 'WRITE',
    options: { ...baseOptions, shareWithLineage: true },
    whoMayShare: { kind: 'minimumLevel', level: 2 },
    invariants: { lastOwner: true, lastSharer: false },
  },
];

/** A registry of asset types. A host app extends it with its own configs. */
export interface AssetTypeRegistry {
  get(id: string): AssetTypeConfig | undefined;
  byCollection(collection: string): AssetTypeConfig | undefined;
  all(): readonly AssetTypeConfig[];
}

/** Builds a registry from the built-in asset types plus any extra ones (an extra with a built-in id replaces it). */
export function createAssetTypeRegistry(extra: readonly AssetTypeConfig[] = []): AssetTypeRegistry {
  const byId = new Map<string, AssetTypeConfig>();
  for (const config of [...builtInAssetTypes, ...extra]) byId.set(config.id, config);
  const byCollection = new Map([...byId.values()].map((config) => [config.collection, config]));
  return {
    get: (id) => byId.get(id),
    byCollection: (collection) => byCollection.get(collection),
    all: () => [...byId.values()],
  };
}

/** The registry of the built-in asset types. */
export const assetTypes = createAssetTypeRegistry();

/** The role of an asset type with this wire name, matched case-insensitively. */
export function findRole(config: AssetTypeConfig, name: string): RoleDefinition | undefined {
  const upper = name.toUpperCase();
  return config.roles.find((role) => role.name === upper);
}

/** Whether a role name is the owner level of its asset type. */
export function isOwnerRole(config: AssetTypeConfig, name: string): boolean {
  return findRole(config, name)?.level === OWNER_LEVEL;
}

/** The highest role of an asset type at or below a level. */
export function roleAtLevel(config: AssetTypeConfig, level: number): RoleDefinition | undefined {
  return config.roles.find((role) => role.level <= level);
}
