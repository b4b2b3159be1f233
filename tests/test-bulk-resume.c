/* test-bulk-resume.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-csv.h"
#include "kw-bulk-journal.h"
#include "kw-bulk-reset.h"
#include "kw-test-bulk.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* A bulk reset resumed from its journal: after a cancel, after a crash, and
 * what it makes of the rows the journal records. */

#define CHECKSUM "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

typedef KwTestBulk Fixture;

static KwBulkResetRow *
row_at (KwBulkReset *bulk,
        guint        position)
{
  return kw_test_bulk_row_at (bulk, position);
}

static guint
codes_sent (Fixture    *fixture,
            const char *username)
{
  return kw_test_bulk_codes_sent (fixture, username);
}

/* A CSV file of the first @n test users, as the helpdesk would open it. */
static KwBulkCsv *
users_csv (guint n)
{
  g_autoptr(GString) text = g_string_new ("username\n");
  g_autoptr(GError) error = NULL;
  KwBulkCsv *csv;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "user%03u\n", i);

  csv = kw_bulk_csv_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  return csv;
}

static KwBulkReset *
bulk_for_csv (Fixture   *fixture,
              KwBulkCsv *csv)
{
  g_auto(GStrv) usernames = kw_bulk_csv_dup_usernames (csv);

  return kw_bulk_reset_new (fixture->helpdesk, (const char * const *) usernames);
}

typedef struct
{
  KwFakeCognito *fake;
  guint          at;      /* rows done */
  gboolean       queued;
} ThrottleAt;

/* Once @at rows are done, the next three requests are throttled. */
static void
throttle_at_cb (KwBulkReset *bulk,
                guint        done,
                guint        failed,
                guint        remaining,
                gpointer     user_data)
{
  ThrottleAt *throttle = user_data;

  if (throttle->queued || done < throttle->at)
    return;

  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (throttle->fake, "AdminResetUserPassword", KW_FAKE_FAULT_ERROR,
                                 "TooManyRequestsException");
  throttle->queued = TRUE;
}

/* The test: 200 users against a pool that throttles beyond 30
 * requests a second, cancelled half way, then resumed from the journal by
 * a new bulk reset, as after closing the app. Each half also meets a few
 * throttled answers after its first rows, so that a slow machine (a
 * sanitizer build) that stays under the quota meets throttling too. Every
 * user is reset exactly once, and the journal is gone at the end. */
static void
test_resume_after_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  const guint n = GPOINTER_TO_UINT (data);
  g_autoptr(KwBulkCsv) csv = users_csv (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = NULL;
  g_autoptr(KwBulkReset) bulk = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = NULL;
  KwTestCancelAt cancel = { cancellable, n / 2 };
  ThrottleAt throttle = { fixture->fake, 10, FALSE };
  guint done_first, requests_first, throttled;
  gint64 start, first_us, second_us;

  kw_fake_cognito_set_rate_limit (fixture->fake, 30);

  journal = kw_test_bulk_open_journal (kw_bulk_csv_get_checksum (csv), TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (journal));
  file = g_object_ref (kw_bulk_journal_get_file (journal));

  bulk = bulk_for_csv (fixture, csv);
  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_true (kw_bulk_reset_get_journal (bulk) == journal);
  g_signal_connect (bulk, "progress", G_CALLBACK (kw_test_bulk_cancel_at_cb), &cancel);
  g_signal_connect (bulk, "progress", G_CALLBACK (throttle_at_cb), &throttle);

  start = g_get_monotonic_time ();
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  first_us = g_get_monotonic_time () - start;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  done_first = kw_bulk_reset_get_done (bulk);
  requests_first = kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword");
  g_assert_cmpuint (done_first, >=, n / 2);
  g_assert_cmpuint (done_first, <, n);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (requests_first, >=, done_first + 3);

  /* The app goes away, and comes back a moment later. */
  g_assert_finalize_object (g_steal_pointer (&bulk));
  g_assert_finalize_object (g_steal_pointer (&journal));
  kw_test_bulk_wait_ms (1000);

  /* Reopening the same file offers to resume. */
  journal = kw_test_bulk_open_journal (kw_bulk_csv_get_checksum (csv), TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kw_bulk_journal_is_unfinished (journal));
  g_assert_cmpuint (kw_bulk_journal_get_n_done (journal), ==, done_first);
  g_assert_cmpuint (kw_bulk_journal_get_n_failed (journal), ==, 0);

  bulk = bulk_for_csv (fixture, csv);
  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, done_first);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, n - done_first);

  throttle = (ThrottleAt) { fixture->fake, done_first + 10, FALSE };
  g_signal_connect (bulk, "progress", G_CALLBACK (throttle_at_cb), &throttle);
  start = g_get_monotonic_time ();
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  second_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = kw_test_bulk_user_name (i);

      g_assert_cmpuint (codes_sent (fixture, username), ==, 1);
      g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, i)), ==, KW_BULK_ROW_DONE);
    }

  throttled = kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword") - n;
  g_test_message ("%u users, %u done before the cancel, %u throttled requests; "
                  "%.2f s + %.2f s", n, done_first, throttled,
                  first_us / (double) G_USEC_PER_SEC, second_us / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (throttled, >=, 6);

  /* Every row done: nothing to resume. */
  g_assert_false (g_file_query_exists (file, NULL));
  g_clear_object (&journal);
  journal = kw_test_bulk_open_journal (kw_bulk_csv_get_checksum (csv), TEST_POOL, NULL, &error);
  g_assert_false (kw_bulk_journal_is_unfinished (journal));
}

/* The journal gives back each row's outcome: done rows are skipped, failed
 * ones show their error and are retried. */
static void
test_resume_restores_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const list[] = { "user000", "user001", "user002", "user003", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = kw_test_bulk_open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  KwBulkResetRow *row;

  kw_bulk_journal_record (journal, "user000", TRUE, NULL, "req-0", time);
  kw_bulk_journal_record (journal, "user001", FALSE, "UserNotFoundException", "req-1", time);
  kw_bulk_journal_record (journal, "user002", FALSE, "Timeout", NULL, time);
  kw_bulk_journal_record (journal, "someone-else", TRUE, NULL, NULL, NULL);

  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 1);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 1);

  row = row_at (bulk, 0);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_DONE);
  g_assert_cmpstr (kw_bulk_reset_row_get_request_id (row), ==, "req-0");
  g_assert_true (g_date_time_equal (kw_bulk_reset_row_get_time (row), time));
  g_assert_null (kw_bulk_reset_row_get_error (row));

  row = row_at (bulk, 1);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
  g_assert_cmpstr (kw_bulk_reset_row_get_request_id (row), ==, "req-1");

  /* A transport failure keeps its code too, and its name. */
  row = row_at (bulk, 2);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_TIMEOUT);
  {
    g_autofree char *name = kw_bulk_reset_row_dup_error_name (row);

    g_assert_cmpstr (name, ==, "Timeout");
  }

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  /* The done row is skipped; the failed ones are retried, and the fake
   * knows those users. */
  g_assert_cmpuint (codes_sent (fixture, "user000"), ==, 0);
  g_assert_cmpuint (codes_sent (fixture, "user001"), ==, 1);
  g_assert_cmpuint (codes_sent (fixture, "user002"), ==, 1);
  g_assert_cmpuint (codes_sent (fixture, "user003"), ==, 1);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 4);
  g_assert_false (g_file_query_exists (kw_bulk_journal_get_file (journal), NULL));
}

/* A run that ends with failed rows keeps its journal, so that reopening the
 * file offers to retry them without resetting the others again. */
static void
test_failures_keep_journal (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const list[] = { "user000", "ghost", "user001", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = kw_test_bulk_open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(KwBulkJournal) reopened = NULL;
  const KwBulkJournalEntry *entry;

  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 1);
  g_assert_true (g_file_query_exists (kw_bulk_journal_get_file (journal), NULL));

  reopened = kw_test_bulk_open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_true (kw_bulk_journal_is_unfinished (reopened));
  g_assert_cmpuint (kw_bulk_journal_get_n_done (reopened), ==, 2);
  g_assert_cmpuint (kw_bulk_journal_get_n_failed (reopened), ==, 1);
  entry = kw_bulk_journal_lookup (reopened, "ghost");
  g_assert_nonnull (entry);
  g_assert_false (entry->done);
  g_assert_cmpstr (entry->error_name, ==, "UserNotFoundException");
  g_assert_nonnull (entry->request_id);
}

/* Rows that ended before the journal was set are recorded in it. */
static void
test_set_journal_records_ended_rows (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char * const list[] = { "user000", "user001", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(KwBulkJournal) journal = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  KwTestCancelAt cancel = { cancellable, 1 };

  kw_bulk_reset_set_concurrency (bulk, 1);
  g_signal_connect (bulk, "progress", G_CALLBACK (kw_test_bulk_cancel_at_cb), &cancel);
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  g_clear_error (&error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 1);

  journal = kw_test_bulk_open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_nonnull (kw_bulk_journal_lookup (journal, "user000"));
  g_assert_null (kw_bulk_journal_lookup (journal, "user001"));

  kw_bulk_reset_set_journal (bulk, NULL);
  g_assert_null (kw_bulk_reset_get_journal (bulk));
  g_assert_true (kw_test_bulk_flush_journal (journal, &error));
}

/* A journal that cannot be written does not stop the resets; it keeps the
 * error for the app to show (a row failed, so the journal is kept). */
static void
test_journal_write_error_not_fatal (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char * const list[] = { "user000", "ghost", "user001", NULL };
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "blocker", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (blocker, "bulk", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal =
    kw_test_bulk_open_journal (CHECKSUM, TEST_POOL, folder, &error);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_file_set_contents (blocker, "in the way", -1, &error);
  g_assert_no_error (error);

  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 1);
  g_assert_error ((GError *) kw_bulk_journal_get_error (journal),
                  G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* A crash: the child process resets users against a fake of its own and
 * dies mid-run without any cleanup; this process then resumes from the
 * journal the child left, against a fake with the same users. The child's
 * codes are counted through a file, which outlives it. */

#define CRASH_USERS 40
#define CRASH_AT 15

typedef struct
{
  gboolean pause_first;
} CrashChild;

static void
crash_progress_cb (KwBulkReset *bulk,
                   guint        done,
                   guint        failed,
                   guint        remaining,
                   gpointer     user_data)
{
  CrashChild *child = user_data;

  if (done < CRASH_AT)
    return;

  if (!child->pause_first)
    {
      /* Mid-run, with requests in flight and lines not yet written. */
      _exit (0);
    }

  kw_bulk_reset_set_paused (bulk, TRUE);
}

static void
run_crash_child (Fixture  *fixture,
                 gboolean  pause_first)
{
  const char *dir = g_getenv ("KW_TEST_CRASH_DIR");
  g_autofree char *codes_path = g_build_filename (dir, "codes", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (dir, "bulk", NULL);
  g_autoptr(KwBulkCsv) csv = users_csv (CRASH_USERS);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal =
    kw_test_bulk_open_journal (kw_bulk_csv_get_checksum (csv), TEST_POOL, folder, &error);
  g_autoptr(KwBulkReset) bulk = bulk_for_csv (fixture, csv);
  CrashChild child = { pause_first };

  g_assert_no_error (error);
  fixture->codes_fd = g_open (codes_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  g_assert_cmpint (fixture->codes_fd, >=, 0);

  kw_bulk_reset_set_journal (bulk, journal);
  g_signal_connect (bulk, "progress", G_CALLBACK (crash_progress_cb), &child);
  kw_bulk_reset_run_async (bulk, NULL, NULL, NULL);

  if (!pause_first)
    {
      while (TRUE)
        g_main_context_iteration (NULL, TRUE);
    }

  /* Paused: wait for the rows in flight to answer and their lines to be
   * written, then die, without cancelling or finishing anything. */
  while (!kw_bulk_reset_get_paused (bulk))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < CRASH_USERS; i++)
    {
      while (kw_bulk_reset_row_get_state (row_at (bulk, i)) == KW_BULK_ROW_RUNNING)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (kw_test_bulk_flush_journal (journal, &error));
  _exit (0);
}

static void
test_resume_after_crash (Fixture       *fixture,
                         gconstpointer  data)
{
  gboolean pause_first = g_str_has_suffix (g_test_get_path (), "while-paused");
  g_autofree char *dir = NULL;
  g_autofree char *codes_path = NULL;
  g_autofree char *codes = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KwBulkCsv) csv = users_csv (CRASH_USERS);
  g_autoptr(GHashTable) child_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(KwBulkJournal) journal = NULL;
  g_autoptr(KwBulkReset) bulk = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint twice = 0, journal_done;

  if (g_test_subprocess ())
    {
      run_crash_child (fixture, pause_first);
      return;
    }

  dir = g_build_filename (g_get_user_state_dir (), "crash", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  codes_path = g_build_filename (dir, "codes", NULL);
  folder = g_file_new_build_filename (dir, "bulk", NULL);
  g_setenv ("KW_TEST_CRASH_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_file_get_contents (codes_path, &codes, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (codes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (child_codes, lines[i]));

      if (*lines[i] != '\0')
        g_hash_table_replace (child_codes, g_strdup (lines[i]), GUINT_TO_POINTER (count + 1));
    }

  journal = kw_test_bulk_open_journal (kw_bulk_csv_get_checksum (csv), TEST_POOL, folder, &error);
  g_assert_no_error (error);
  g_assert_true (kw_bulk_journal_is_unfinished (journal));
  journal_done = kw_bulk_journal_get_n_done (journal);
  g_assert_cmpuint (journal_done, >, 0);
  g_assert_cmpuint (journal_done, <=, g_hash_table_size (child_codes));

  bulk = bulk_for_csv (fixture, csv);
  kw_bulk_reset_set_journal (bulk, journal);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, CRASH_USERS);

  for (guint i = 0; i < CRASH_USERS; i++)
    {
      g_autofree char *username = kw_test_bulk_user_name (i);
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup (child_codes, username));
      guint total = before + codes_sent (fixture, username);

      /* Nobody was reset twice by one process, and a row the journal had
       * was never sent again. */
      g_assert_cmpuint (before, <=, 1);
      g_assert_cmpuint (codes_sent (fixture, username), <=, 1);
      g_assert_cmpuint (total, >=, 1);
      if (total == 2)
        twice++;
    }

  g_test_message ("crash after %u rows: %u in the journal, %u users got a second code",
                  CRASH_AT, journal_done, twice);
  g_assert_cmpuint (twice, ==, g_hash_table_size (child_codes) - journal_done);

  if (pause_first)
    {
      /* Nothing was in flight: every user reset exactly once. */
      g_assert_cmpuint (twice, ==, 0);
    }
  else
    {
      /* Only the rows in flight (the others of the last round) and the
       * rows whose lines were not written yet are sent again. */
      g_assert_cmpuint (twice, <=, (KW_BULK_RESET_DEFAULT_CONCURRENCY - 1) +
                                   (CRASH_AT - journal_done));
    }
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

#define ADD(path, users, func) \
  g_test_add ("/keyway/bulk-resume/" path, Fixture, GUINT_TO_POINTER (users), \
              kw_test_bulk_setup, func, kw_test_bulk_teardown)

  ADD ("after-cancel", 200, test_resume_after_cancel);
  ADD ("restores-rows", 10, test_resume_restores_rows);
  ADD ("failures-keep-journal", 10, test_failures_keep_journal);
  ADD ("set-journal-records-ended-rows", 10, test_set_journal_records_ended_rows);
  ADD ("journal-write-error-not-fatal", 10, test_journal_write_error_not_fatal);
  ADD ("after-crash", CRASH_USERS, test_resume_after_crash);
  ADD ("after-crash-while-paused", CRASH_USERS, test_resume_after_crash);

#undef ADD

  return g_test_run ();
}
