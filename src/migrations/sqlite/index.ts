import * as migration_20261123_185959_initial from './20261123_185959_initial';
import * as migration_20261123_204630_comment_display_settings from './20261123_204630_comment_display_settings';

export const migrations = [
  {
    up: migration_20261123_185959_initial.up,
    down: migration_20261123_185959_initial.down,
    name: '20261123_185959_initial',
  },
  {
    up: migration_20261123_204630_comment_display_settings.up,
    down: migration_20261123_204630_comment_display_settings.down,
    name: '20261123_204630_comment_display_settings'
  },
];
