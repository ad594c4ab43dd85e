import * as migration_20261127_000753_initial from './20261127_000753_initial';

export const migrations = [
  {
    up: migration_20261127_000753_initial.up,
    down: migration_20261127_000753_initial.down,
    name: '20261127_000753_initial'
  },
];
