import * as migration_20261123_190009_initial from './20261123_190009_initial';
import * as migration_20261123_204635_comment_display_settings from './20261123_204635_comment_display_settings';
import * as migration_20261123_213011_comment_moderation from './20261123_213011_comment_moderation';
import * as migration_20261123_220740_spam_check_discard from './20261123_220740_spam_check_discard';
import * as migration_20261130_175018_comment_status_rule from './20261130_175018_comment_status_rule';
import * as migration_20261130_182929_comment_threads_and_indexes from './20261130_182929_comment_threads_and_indexes';
import * as migration_20261130_200729_comment_submission_indexes from './20261130_200729_comment_submission_indexes';
import * as migration_20261130_223840_drop_account_lockout from './20261130_223840_drop_account_lockout';
import * as migration_20261201_031938_wordpress_import from './20261201_031938_wordpress_import';
import * as migration_20261201_100007_staff_workflow_and_reader_site from './20261201_100007_staff_workflow_and_reader_site';
import * as migration_20261201_100100_site_search from './20261201_100100_site_search';
import * as migration_20261201_120000_shared_attempt_limits from './20261201_120000_shared_attempt_limits';
import * as migration_20261201_190000_comment_status_counts from './20261201_190000_comment_status_counts';
import * as migration_20261201_225529_comment_top_level_index from './20261201_225529_comment_top_level_index';
import * as migration_20261201_230000_comment_numbers from './20261201_230000_comment_numbers';

export const migrations = [
  {
    up: migration_20261123_190009_initial.up,
    down: migration_20261123_190009_initial.down,
    name: '20261123_190009_initial',
  },
  {
    up: migration_20261123_204635_comment_display_settings.up,
    down: migration_20261123_204635_comment_display_settings.down,
    name: '20261123_204635_comment_display_settings',
  },
  {
    up: migration_20261123_213011_comment_moderation.up,
    down: migration_20261123_213011_comment_moderation.down,
    name: '20261123_213011_comment_moderation',
  },
  {
    up: migration_20261123_220740_spam_check_discard.up,
    down: migration_20261123_220740_spam_check_discard.down,
    name: '20261123_220740_spam_check_discard',
  },
  {
    up: migration_20261130_175018_comment_status_rule.up,
    down: migration_20261130_175018_comment_status_rule.down,
    name: '20261130_175018_comment_status_rule',
  },
  {
    up: migration_20261130_182929_comment_threads_and_indexes.up,
    down: migration_20261130_182929_comment_threads_and_indexes.down,
    name: '20261130_182929_comment_threads_and_indexes',
  },
  {
    up: migration_20261130_200729_comment_submission_indexes.up,
    down: migration_20261130_200729_comment_submission_indexes.down,
    name: '20261130_200729_comment_submission_indexes',
  },
  {
    up: migration_20261130_223840_drop_account_lockout.up,
    down: migration_20261130_223840_drop_account_lockout.down,
    name: '20261130_223840_drop_account_lockout',
  },
  {
    up: migration_20261201_031938_wordpress_import.up,
    down: migration_20261201_031938_wordpress_import.down,
    name: '20261201_031938_wordpress_import',
  },
  {
    up: migration_20261201_100007_staff_workflow_and_reader_site.up,
    down: migration_20261201_100007_staff_workflow_and_reader_site.down,
    name: '20261201_100007_staff_workflow_and_reader_site',
  },
  {
    up: migration_20261201_100100_site_search.up,
    down: migration_20261201_100100_site_search.down,
    name: '20261201_100100_site_search',
  },
  {
    up: migration_20261201_120000_shared_attempt_limits.up,
    down: migration_20261201_120000_shared_attempt_limits.down,
    name: '20261201_120000_shared_attempt_limits',
  },
  {
    up: migration_20261201_190000_comment_status_counts.up,
    down: migration_20261201_190000_comment_status_counts.down,
    name: '20261201_190000_comment_status_counts',
  },
  {
    up: migration_20261201_225529_comment_top_level_index.up,
    down: migration_20261201_225529_comment_top_level_index.down,
    name: '20261201_225529_comment_top_level_index',
  },
  {
    up: migration_20261201_230000_comment_numbers.up,
    down: migration_20261201_230000_comment_numbers.down,
    name: '20261201_230000_comment_numbers'
  },
];
