/* test-bulk-journal.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-journal.h"
#include "kw-test-bulk.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECKSUM "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define OTHER_CHECKSUM "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
#define OTHER_POOL "eu-west-1_OtherPool"

/* Journal basics */

static KwBulkJournal *
open_journal (const char  *checksum,
              const char  *user_pool_id,
              GFile       *folder,
              GError     **error)
{
  return kw_test_bulk_open_journal (checksum, user_pool_id, folder, error);
}

static gboolean
flush (KwBulkJournal  *journal,
       GError        **error)
{
  return kw_test_bulk_flush_journal (journal, error);
}

static gboolean
discard (KwBulkJournal  *journal,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_bulk_journal_discard_async (journal, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_bulk_journal_discard_finish (journal, result, error);
}

/* The file's lines, without the empty string after the last line break. */
static GStrv
read_lines (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStrv lines;
  guint n;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "\n"));
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;

  return lines;
}

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_dup_object (json_parser_get_root (parser));
}

static void
append_text (GFile      *file,
             const char *text)
{
  g_autofree char *path = g_file_get_path (file);
  int fd = g_open (path, O_WRONLY | O_APPEND, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);
}

static void
test_missing_is_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "keyway", "bulk", NULL);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *parent_path = NULL;

  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (journal));
  g_assert_cmpuint (kw_bulk_journal_get_n_done (journal), ==, 0);
  g_assert_cmpuint (kw_bulk_journal_get_n_failed (journal), ==, 0);
  g_assert_cmpuint (kw_bulk_journal_get_n_skipped_lines (journal), ==, 0);
  g_assert_null (kw_bulk_journal_lookup (journal, "jane"));
  g_assert_null (kw_bulk_journal_get_error (journal));
  g_assert_cmpstr (kw_bulk_journal_get_checksum (journal), ==, CHECKSUM);
  g_assert_cmpstr (kw_bulk_journal_get_user_pool_id (journal), ==, TEST_POOL);

  parent = g_file_get_parent (kw_bulk_journal_get_file (journal));
  parent_path = g_file_get_path (parent);
  g_assert_cmpstr (parent_path, ==, folder);

  /* Opening creates nothing; nor does a flush with nothing to write. */
  g_assert_true (flush (journal, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_record_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) reopened = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 3, 14, 15, 9, 26.535);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder_path = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonObject) first = NULL;
  const KwBulkJournalEntry *entry;
  guint done_notifies = 0, failed_notifies = 0;
  struct stat info;

  g_assert_no_error (error);
  g_signal_connect (journal, "notify::n-done", G_CALLBACK (count_notify_cb), &done_notifies);
  g_signal_connect (journal, "notify::n-failed", G_CALLBACK (count_notify_cb), &failed_notifies);

  kw_bulk_journal_record (journal, "jane", TRUE, NULL, "req-1", time);
  kw_bulk_journal_record (journal, "sam", FALSE, "UserNotFoundException", "req-2", NULL);
  kw_bulk_journal_record (journal, "zoë", FALSE, "Timeout", NULL, NULL);
  /* The last outcome counts: a rerun retried zoë and succeeded. */
  kw_bulk_journal_record (journal, "zoë", TRUE, NULL, "req-4", NULL);

  /* The lookup knows at once, before anything is written. */
  g_assert_cmpuint (kw_bulk_journal_get_n_done (journal), ==, 2);
  g_assert_cmpuint (kw_bulk_journal_get_n_failed (journal), ==, 1);
  g_assert_cmpuint (done_notifies, ==, 2);
  g_assert_cmpuint (failed_notifies, ==, 3);
  g_assert_true (kw_bulk_journal_is_unfinished (journal));

  g_assert_true (flush (journal, &error));
  g_assert_no_error (error);

  /* Private to the user, and nothing but the rows. */
  path = g_file_get_path (kw_bulk_journal_get_file (journal));
  folder = g_file_get_parent (kw_bulk_journal_get_file (journal));
  folder_path = g_file_get_path (folder);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  lines = read_lines (kw_bulk_journal_get_file (journal));
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  header = parse_object (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (header, "userPoolId"), ==, TEST_POOL);
  g_assert_cmpstr (json_object_get_string_member (header, "checksum"), ==, CHECKSUM);
  first = parse_object (lines[1]);
  g_assert_cmpuint (json_object_get_size (first), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (first, "username"), ==, "jane");
  g_assert_cmpstr (json_object_get_string_member (first, "outcome"), ==, "done");
  g_assert_true (json_object_get_null_member (first, "error"));
  g_assert_cmpstr (json_object_get_string_member (first, "requestId"), ==, "req-1");
  g_assert_cmpstr (json_object_get_string_member (first, "time"), ==, "2026-03-14T15:09:26.535Z");

  reopened = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kw_bulk_journal_is_unfinished (reopened));
  g_assert_cmpuint (kw_bulk_journal_get_n_done (reopened), ==, 2);
  g_assert_cmpuint (kw_bulk_journal_get_n_failed (reopened), ==, 1);
  g_assert_cmpuint (kw_bulk_journal_get_n_skipped_lines (reopened), ==, 0);

  entry = kw_bulk_journal_lookup (reopened, "jane");
  g_assert_nonnull (entry);
  g_assert_true (entry->done);
  g_assert_null (entry->error_name);
  g_assert_cmpstr (entry->request_id, ==, "req-1");
  g_assert_nonnull (entry->time);
  g_assert_cmpint (g_date_time_to_unix (entry->time), ==, g_date_time_to_unix (time));

  entry = kw_bulk_journal_lookup (reopened, "sam");
  g_assert_nonnull (entry);
  g_assert_false (entry->done);
  g_assert_cmpstr (entry->error_name, ==, "UserNotFoundException");
  g_assert_cmpstr (entry->request_id, ==, "req-2");

  entry = kw_bulk_journal_lookup (reopened, "zoë");
  g_assert_nonnull (entry);
  g_assert_true (entry->done);
  g_assert_null (kw_bulk_journal_lookup (reopened, "bob"));

  /* Recording on the reopened journal appends to the same file. */
  kw_bulk_journal_record (reopened, "bob", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (reopened, &error));
  g_clear_pointer (&lines, g_strfreev);
  lines = read_lines (kw_bulk_journal_get_file (reopened));
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
}

static void
test_garbage_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) reopened = NULL;
  guint skipped = 0;

  kw_bulk_journal_record (journal, "jane", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (journal, &error));
  append_text (kw_bulk_journal_get_file (journal),
               "not json at all\n"
               "\n"
               "[\"an\", \"array\"]\n"
               "{\"username\":\"sam\",\"outcome\":\"maybe\"}\n"
               "{\"username\":\"\",\"outcome\":\"done\"}\n"
               "{\"username\":42,\"outcome\":\"done\"}\n"
               "{\"outcome\":\"done\"}\n"
               "{\"username\":\"bob\",\"outcome\":\"done\",\"time\":\"yesterday\"}\n"
               "{\"username\":\"amy\",\"outcome\":\"fail");
  /* A torn last line, as a crash mid-write would leave. */

  reopened = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_object_get (reopened, "n-skipped-lines", &skipped, NULL);
  g_assert_cmpuint (skipped, ==, 7);
  g_assert_cmpuint (kw_bulk_journal_get_n_done (reopened), ==, 2);
  g_assert_nonnull (kw_bulk_journal_lookup (reopened, "jane"));
  /* A time it cannot read does not lose the row. */
  g_assert_nonnull (kw_bulk_journal_lookup (reopened, "bob"));
  g_assert_null (kw_bulk_journal_lookup (reopened, "bob")->time);
  g_assert_null (kw_bulk_journal_lookup (reopened, "sam"));
  g_assert_null (kw_bulk_journal_lookup (reopened, "amy"));

  /* The next line starts on a line of its own and reads back. */
  kw_bulk_journal_record (reopened, "amy", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (reopened, &error));
  g_clear_object (&reopened);
  reopened = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_nonnull (kw_bulk_journal_lookup (reopened, "amy"));
}

/* Another file or another pool has a journal of its own. */
static void
test_other_file_or_pool (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) other_pool = NULL;
  g_autoptr(KwBulkJournal) other_file = NULL;

  kw_bulk_journal_record (journal, "jane", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (journal, &error));

  other_pool = open_journal (CHECKSUM, OTHER_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (other_pool));
  g_assert_false (g_file_equal (kw_bulk_journal_get_file (other_pool),
                                kw_bulk_journal_get_file (journal)));

  other_file = open_journal (OTHER_CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (other_file));
  g_assert_false (g_file_equal (kw_bulk_journal_get_file (other_file),
                                kw_bulk_journal_get_file (journal)));
}

/* A journal copied under another's name says whose it is: ignored, and
 * replaced by the first record. */
static void
test_foreign_header_replaced (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) theirs = open_journal (CHECKSUM, OTHER_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) ours = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) reopened = NULL;
  g_autoptr(GFile) ours_file = g_object_ref (kw_bulk_journal_get_file (ours));
  g_autoptr(JsonObject) header = NULL;
  g_auto(GStrv) lines = NULL;

  kw_bulk_journal_record (theirs, "jane", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (theirs, &error));
  g_clear_object (&ours);
  g_file_copy (kw_bulk_journal_get_file (theirs), ours_file, G_FILE_COPY_NONE, NULL, NULL, NULL,
               &error);
  g_assert_no_error (error);

  ours = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (ours));
  g_assert_null (kw_bulk_journal_lookup (ours, "jane"));

  kw_bulk_journal_record (ours, "sam", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (ours, &error));
  lines = read_lines (ours_file);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  header = parse_object (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (header, "userPoolId"), ==, TEST_POOL);

  reopened = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_nonnull (kw_bulk_journal_lookup (reopened, "sam"));
  g_assert_null (kw_bulk_journal_lookup (reopened, "jane"));
}

static void
test_headerless_file_replaced (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(GFile) file = g_object_ref (kw_bulk_journal_get_file (journal));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_auto(GStrv) lines = NULL;
  const char *contents = "{\"username\":\"jane\",\"outcome\":\"done\"}\n";

  g_file_make_directory_with_parents (folder, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&journal);

  journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kw_bulk_journal_is_unfinished (journal));

  kw_bulk_journal_record (journal, "sam", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (journal, &error));
  lines = read_lines (file);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], TEST_POOL));
  g_assert_nonnull (strstr (lines[1], "\"sam\""));
}

/* Headers that look like ours but are not: ignored, without a warning. */
static void
test_odd_headers (void)
{
  static const char * const headers[] = {
    "{\"journal\":\"keyway-bulk-reset\",\"version\":{},\"userPoolId\":\"" TEST_POOL
      "\",\"checksum\":\"" CHECKSUM "\"}\n",
    "{\"journal\":\"keyway-bulk-reset\",\"version\":\"1\",\"userPoolId\":\"" TEST_POOL
      "\",\"checksum\":\"" CHECKSUM "\"}\n",
    "{\"journal\":\"keyway-bulk-reset\",\"version\":2,\"userPoolId\":\"" TEST_POOL
      "\",\"checksum\":\"" CHECKSUM "\"}\n",
    "{\"journal\":\"keyway-bulk-reset\",\"version\":1,\"userPoolId\":\"" TEST_POOL
      "\",\"checksum\":[]}\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(GFile) file = g_object_ref (kw_bulk_journal_get_file (journal));
  g_autoptr(GFile) folder = g_file_get_parent (file);

  g_clear_object (&journal);
  g_file_make_directory_with_parents (folder, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *contents =
        g_strconcat (headers[i], "{\"username\":\"jane\",\"outcome\":\"done\"}\n", NULL);

      g_test_message ("case %u", i);
      g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &error);
      g_assert_no_error (error);
      journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (kw_bulk_journal_is_unfinished (journal));
      g_clear_object (&journal);
    }
}

static void
test_discard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(KwBulkJournal) reopened = NULL;
  GFile *file = kw_bulk_journal_get_file (journal);
  g_auto(GStrv) lines = NULL;

  /* Discarding what was never written is no error. */
  g_assert_true (discard (journal, &error));
  g_assert_no_error (error);

  kw_bulk_journal_record (journal, "jane", TRUE, NULL, NULL, NULL);
  /* Queued behind the line: written, then removed. */
  kw_bulk_journal_discard_async (journal, NULL, NULL, NULL);
  g_assert_false (kw_bulk_journal_is_unfinished (journal));
  g_assert_null (kw_bulk_journal_lookup (journal, "jane"));
  g_assert_true (flush (journal, &error));
  g_assert_false (g_file_query_exists (file, NULL));

  reopened = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_false (kw_bulk_journal_is_unfinished (reopened));

  /* A record after a discard starts a new file, header first. */
  kw_bulk_journal_record (journal, "sam", TRUE, NULL, NULL, NULL);
  g_assert_true (flush (journal, &error));
  lines = read_lines (file);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], CHECKSUM));
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_autoptr(GFile) file = g_object_ref (kw_bulk_journal_get_file (journal));

  g_clear_object (&journal);
  /* A folder where the file should be: unreadable whoever runs the test. */
  g_file_make_directory_with_parents (file, NULL, &error);
  g_assert_no_error (error);

  journal = open_journal (CHECKSUM, TEST_POOL, NULL, &error);
  g_assert_null (journal);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_write_error (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "blocker", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (blocker, "bulk", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBulkJournal) journal = open_journal (CHECKSUM, TEST_POOL, folder, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_file_set_contents (blocker, "a file where the folder should be", -1, &error);
  g_assert_no_error (error);

  kw_bulk_journal_record (journal, "jane", TRUE, NULL, NULL, NULL);
  g_assert_false (flush (journal, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);
  g_assert_error ((GError *) kw_bulk_journal_get_error (journal),
                  G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  /* The lookup still knows the row. */
  g_assert_nonnull (kw_bulk_journal_lookup (journal, "jane"));

  /* Once the obstacle is gone, the journal is written again. */
  g_assert_cmpint (g_remove (blocker), ==, 0);
  kw_bulk_journal_record (journal, "sam", TRUE, NULL, NULL, NULL);
  g_assert_false (flush (journal, &error));
  g_clear_error (&error);
  g_assert_true (g_file_query_exists (kw_bulk_journal_get_file (journal), NULL));
  g_assert_true (discard (journal, &error));
  g_assert_null (kw_bulk_journal_get_error (journal));
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/bulk-journal/missing-is-empty", test_missing_is_empty);
  g_test_add_func ("/keyway/bulk-journal/record-and-reopen", test_record_and_reopen);
  g_test_add_func ("/keyway/bulk-journal/garbage-lines", test_garbage_lines);
  g_test_add_func ("/keyway/bulk-journal/other-file-or-pool", test_other_file_or_pool);
  g_test_add_func ("/keyway/bulk-journal/foreign-header-replaced", test_foreign_header_replaced);
  g_test_add_func ("/keyway/bulk-journal/headerless-file-replaced",
                   test_headerless_file_replaced);
  g_test_add_func ("/keyway/bulk-journal/odd-headers", test_odd_headers);
  g_test_add_func ("/keyway/bulk-journal/discard", test_discard);
  g_test_add_func ("/keyway/bulk-journal/unreadable", test_unreadable);
  g_test_add_func ("/keyway/bulk-journal/write-error", test_write_error);

  return g_test_run ();
}
