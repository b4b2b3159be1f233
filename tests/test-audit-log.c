/* test-audit-log.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-log.h"
#include "kw-helpdesk.h"
#include "kw-secret-store.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

static const char * const members[] = {
  "time", "actor", "userPoolId", "username", "action", "outcome", "requestId",
};

static KwAuditEntry
sample_entry (const char *username)
{
  KwAuditEntry entry = {
    .actor = "AKIDEXAMPLE",
    .user_pool_id = "us-east-1_TestPool1",
    .username = username,
    .action = "AdminResetUserPassword",
    .outcome = "success",
    .request_id = "0b5c1e2e-7f5e-4a8e-9d61-3c1d2e4f5a6b",
  };

  return entry;
}

/* Parses one line as a JSON object with exactly the log's members. */
static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  object = json_node_dup_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (object, members[i]));

  return object;
}

/* The file's lines, without the empty string after the last line break. */
static char **
read_lines (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char **lines;
  guint n;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "\n"));

  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_clear_pointer (&lines[n - 1], g_free);

  return lines;
}

static gboolean
append (KwAuditLog          *log,
        const KwAuditEntry  *entry,
        GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_audit_log_append_async (log, entry, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_audit_log_append_finish (log, result, error);
}

static void
test_entry_json (void)
{
  KwAuditEntry entry = sample_entry ("jane");
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, 3, 4, 7, 6, 7.0895);
  g_autofree char *line = kw_audit_entry_to_json (&entry, time);
  g_autoptr(JsonObject) object = parse_line (line);

  g_assert_null (strchr (line, '\n'));
  /* UTC, with milliseconds. */
  g_assert_cmpstr (json_object_get_string_member (object, "time"), ==,
                   "2026-03-04T05:06:07.089Z");
  g_assert_cmpstr (json_object_get_string_member (object, "actor"), ==, "AKIDEXAMPLE");
  g_assert_cmpstr (json_object_get_string_member (object, "userPoolId"), ==,
                   "us-east-1_TestPool1");
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "jane");
  g_assert_cmpstr (json_object_get_string_member (object, "action"), ==,
                   "AdminResetUserPassword");
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "success");
  g_assert_cmpstr (json_object_get_string_member (object, "requestId"), ==,
                   "0b5c1e2e-7f5e-4a8e-9d61-3c1d2e4f5a6b");
}

static void
test_entry_null_request_id (void)
{
  KwAuditEntry entry = sample_entry ("jane");
  g_autofree char *line = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stamped = NULL;

  entry.request_id = NULL;
  entry.outcome = "Timeout";
  line = kw_audit_entry_to_json (&entry, NULL);
  object = parse_line (line);

  g_assert_true (json_object_get_null_member (object, "requestId"));
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "Timeout");

  /* No time given: now. */
  stamped = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "time"), NULL);
  g_assert_nonnull (stamped);
  g_assert_cmpint (g_date_time_difference (stamped, before), >=, -1000);
  g_assert_cmpint (g_date_time_difference (stamped, before), <, 60 * G_USEC_PER_SEC);
}

static void
test_entry_escaping (void)
{
  static const char * const usernames[] = {
    "o\"neil",
    "back\\slash",
    "two\nlines",
    "carriage\rreturn",
    "tab\tand\x01control",
    "zoë 名前 🙂",
    "\"}, \"outcome\": \"forged",
  };

  for (guint i = 0; i < G_N_ELEMENTS (usernames); i++)
    {
      KwAuditEntry entry = sample_entry (usernames[i]);
      g_autofree char *line = kw_audit_entry_to_json (&entry, NULL);
      g_autoptr(JsonObject) object = parse_line (line);

      /* One line whatever the name holds, and the name comes back intact. */
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, usernames[i]);
      g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "success");
    }
}

static void
test_entry_invalid_utf8 (void)
{
  KwAuditEntry entry = sample_entry ("bad\xff\xfename");
  g_autofree char *line = kw_audit_entry_to_json (&entry, NULL);
  g_autoptr(JsonObject) object = NULL;

  g_assert_true (g_utf8_validate (line, -1, NULL));
  object = parse_line (line);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "username"), "bad"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "username"), "name"));
}

static void
test_default_file_modes (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "keyway", "audit.log",
                                                NULL);
  g_autofree char *path = g_file_get_path (kw_audit_log_get_file (log));
  g_autofree char *folder = g_path_get_dirname (expected);
  g_autoptr(GError) error = NULL;
  KwAuditEntry entry = sample_entry ("jane");
  GStatBuf st;

  /* The test's own state folder, never the developer's. */
  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* Nothing is created before the first line. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (append (log, &entry, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (S_ISREG (st.st_mode));
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *finished = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_audit_log_append_finish (KW_AUDIT_LOG (object), result, &error));
  g_assert_no_error (error);
  (*finished)++;
}

static void
test_order (void)
{
  const guint n = 300;
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint finished = 0;

  /* All queued before any is written: one write at a time keeps them in order. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = g_strdup_printf ("user-%04u", i);
      KwAuditEntry entry = sample_entry (username);

      kw_audit_log_append_async (log, &entry, NULL, count_cb, &finished);
    }

  while (finished < n)
    g_main_context_iteration (NULL, TRUE);

  lines = read_lines (kw_audit_log_get_file (log));
  g_assert_cmpuint (g_strv_length (lines), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) object = parse_line (lines[i]);
      g_autofree char *expected = g_strdup_printf ("user-%04u", i);

      g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, expected);
    }
}

static void
test_appends_to_existing (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "elsewhere", NULL);
  g_autofree char *path = g_build_filename (dir, "audit.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  KwAuditEntry jane = sample_entry ("jane");
  KwAuditEntry sam = sample_entry ("sam");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "{\"earlier\": true}\n", -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(KwAuditLog) log = kw_audit_log_new (file);

    g_assert_true (kw_audit_log_get_file (log) == file);
    g_assert_true (append (log, &jane, &error));
    g_assert_no_error (error);
    g_assert_finalize_object (g_steal_pointer (&log));
  }

  /* A second log on the same file, as after a restart. */
  {
    g_autoptr(KwAuditLog) log = kw_audit_log_new (file);

    g_assert_true (append (log, &sam, &error));
    g_assert_no_error (error);
  }

  lines = read_lines (file);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "{\"earlier\": true}");
  g_assert_nonnull (strstr (lines[1], "\"username\":\"jane\""));
  g_assert_nonnull (strstr (lines[2], "\"username\":\"sam\""));
}

static void
test_unwritable (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "audit.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwAuditLog) log = kw_audit_log_new (file);
  g_autoptr(GError) error = NULL;
  KwAuditEntry entry = sample_entry ("jane");

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_file_set_contents (blocker, "a file where the folder should be", -1, &error);
  g_assert_no_error (error);

  g_assert_false (append (log, &entry, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  /* The log keeps trying, and succeeds once the obstacle is gone. */
  g_assert_false (append (log, &entry, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (blocker), ==, 0);
  g_assert_true (append (log, &entry, &error));
  g_assert_no_error (error);
  g_assert_true (kw_test_file_contains (path, "\"username\":\"jane\""));
}

static void
test_cancel_queued (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) third = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  KwAuditEntry a = sample_entry ("first");
  KwAuditEntry b = sample_entry ("withdrawn");
  KwAuditEntry c = sample_entry ("third");

  kw_audit_log_append_async (log, &a, NULL, kw_test_store_result_cb, &first);
  kw_audit_log_append_async (log, &b, cancellable, kw_test_store_result_cb, &second);
  kw_audit_log_append_async (log, &c, NULL, kw_test_store_result_cb, &third);
  g_cancellable_cancel (cancellable);

  kw_test_wait_result (&first);
  kw_test_wait_result (&second);
  kw_test_wait_result (&third);

  g_assert_true (kw_audit_log_append_finish (log, first, &error));
  g_assert_no_error (error);
  g_assert_false (kw_audit_log_append_finish (log, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (kw_audit_log_append_finish (log, third, &error));
  g_assert_no_error (error);

  lines = read_lines (kw_audit_log_get_file (log));
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "\"first\""));
  g_assert_nonnull (strstr (lines[1], "\"third\""));
}

/* Nothing secret reaches the log, even for the one action that makes a
 * password: the generated password and the AWS secret key are not there. */
static void
test_no_secret_after_set_password (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new (TEST_ACCESS_KEY, TEST_SECRET_KEY, NULL, "test");
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (kw_audit_log_get_file (log));
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) object = NULL;
  char *password;

  client = kw_cognito_client_new (kw_fake_cognito_get_url (fake), "us-east-1", NULL, NULL);
  kw_cognito_client_set_credentials (client, credentials);
  helpdesk = kw_helpdesk_new (client, TEST_POOL, NULL, log, TEST_ACCESS_KEY);

  kw_helpdesk_set_temporary_password_async (helpdesk, "jane", NULL,
                                            kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  password = kw_helpdesk_set_temporary_password_finish (helpdesk, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (password);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fake),
                                                   TEST_POOL, "jane"), ==, password);

  lines = read_lines (kw_audit_log_get_file (log));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  object = parse_line (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (object, "action"), ==, "AdminSetUserPassword");
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "success");

  g_assert_false (kw_test_file_contains (path, password));
  g_assert_false (kw_test_file_contains (path, TEST_SECRET_KEY));

  kw_secret_free (password);
}

static GListModel *
read_log (KwAuditLog    *log,
          const char    *filter,
          GCancellable  *cancellable,
          guint         *n_skipped,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_audit_log_read_async (log, filter, cancellable, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_audit_log_read_finish (log, result, n_skipped, error);
}

static KwAuditRecord *
record_at (GListModel *model,
           guint       position)
{
  KwAuditRecord *record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  /* The list holds its own reference. */
  g_object_unref (record);
  return record;
}

static void
test_read_missing_is_empty (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  guint skipped = 99;

  records = read_log (log, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_true (g_list_model_get_item_type (records) == KW_TYPE_AUDIT_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 0);
  g_assert_cmpuint (skipped, ==, 0);
  /* Reading creates nothing. */
  g_assert_false (g_file_query_exists (kw_audit_log_get_file (log), NULL));
}

static void
test_read_newest_first (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  KwAuditEntry entry = sample_entry ("jane");
  KwAuditRecord *record;
  g_autofree char *actor = NULL;
  g_autofree char *pool = NULL;
  g_autoptr(GDateTime) time = NULL;
  gboolean success = FALSE;

  g_assert_true (append (log, &entry, &error));
  entry = sample_entry ("sam");
  entry.outcome = "UserNotFoundException";
  entry.request_id = NULL;
  g_assert_true (append (log, &entry, &error));
  entry = sample_entry ("zoë");
  entry.action = "AdminSetUserPassword";
  g_assert_true (append (log, &entry, &error));

  records = read_log (log, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 3);

  record = record_at (records, 0);
  g_assert_cmpstr (kw_audit_record_get_username (record), ==, "zoë");
  g_assert_cmpstr (kw_audit_record_get_action (record), ==, "AdminSetUserPassword");
  g_assert_true (kw_audit_record_get_success (record));

  record = record_at (records, 1);
  g_assert_cmpstr (kw_audit_record_get_username (record), ==, "sam");
  g_assert_cmpstr (kw_audit_record_get_outcome (record), ==, "UserNotFoundException");
  g_assert_false (kw_audit_record_get_success (record));
  g_assert_null (kw_audit_record_get_request_id (record));

  record = record_at (records, 2);
  g_assert_cmpstr (kw_audit_record_get_username (record), ==, "jane");
  g_assert_cmpstr (kw_audit_record_get_actor (record), ==, "AKIDEXAMPLE");
  g_assert_cmpstr (kw_audit_record_get_user_pool_id (record), ==, "us-east-1_TestPool1");
  g_assert_cmpstr (kw_audit_record_get_action (record), ==, "AdminResetUserPassword");
  g_assert_cmpstr (kw_audit_record_get_outcome (record), ==, "success");
  g_assert_cmpstr (kw_audit_record_get_request_id (record), ==,
                   "0b5c1e2e-7f5e-4a8e-9d61-3c1d2e4f5a6b");
  g_assert_cmpint (g_date_time_difference (kw_audit_record_get_time (record), before), >=, -1000);
  g_assert_cmpint (g_date_time_difference (kw_audit_record_get_time (record), before), <,
                   60 * G_USEC_PER_SEC);

  /* The same through properties, for list views. */
  g_object_get (record, "actor", &actor, "user-pool-id", &pool, "time", &time,
                "success", &success, NULL);
  g_assert_cmpstr (actor, ==, "AKIDEXAMPLE");
  g_assert_cmpstr (pool, ==, "us-east-1_TestPool1");
  g_assert_true (g_date_time_equal (time, kw_audit_record_get_time (record)));
  g_assert_true (success);
}

static void
count_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GListModel **records = user_data;
  g_autoptr(GError) error = NULL;

  *records = kw_audit_log_read_finish (KW_AUDIT_LOG (object), result, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint       appended;
  GListModel *records;
} Ordering;

static void
appended_before_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  Ordering *ordering = user_data;

  g_assert_true (kw_audit_log_append_finish (KW_AUDIT_LOG (object), result, NULL));
  /* Every append queued before the read completes before it. */
  g_assert_null (ordering->records);
  ordering->appended++;
}

/* A read asked for while appends are queued sees every one of them. */
static void
test_read_behind_queue (void)
{
  const guint n = 50;
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GListModel) records = NULL;
  Ordering ordering = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = g_strdup_printf ("user-%04u", i);
      KwAuditEntry entry = sample_entry (username);

      kw_audit_log_append_async (log, &entry, NULL, appended_before_read_cb, &ordering);
    }
  kw_audit_log_read_async (log, NULL, NULL, count_read_cb, &ordering.records);

  while (ordering.records == NULL)
    g_main_context_iteration (NULL, TRUE);
  records = ordering.records;

  g_assert_cmpuint (ordering.appended, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, n);
  g_assert_cmpstr (kw_audit_record_get_username (record_at (records, 0)), ==, "user-0049");
  g_assert_cmpstr (kw_audit_record_get_username (record_at (records, n - 1)), ==, "user-0000");
}

static void
test_read_filter (void)
{
  static const char * const names[] = { "Jane.Doe", "sam", "jane", "ZOË-2", "zoë", NULL };
  static const struct {
    const char *filter;
    const char *expected[4];
  } cases[] = {
    { "JANE", { "jane", "Jane.Doe", NULL } },
    { "zoë", { "zoë", "ZOË-2", NULL } },
    { "e.d", { "Jane.Doe", NULL } },
    { "nobody", { NULL } },
    { "", { "zoë", "ZOË-2", "jane", "sam" } },
  };
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      KwAuditEntry entry = sample_entry (names[i]);

      g_assert_true (append (log, &entry, &error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) records = read_log (log, cases[i].filter, NULL, NULL, &error);
      guint expected = 0;

      g_test_message ("filter \"%s\"", cases[i].filter);
      g_assert_no_error (error);
      while (expected < G_N_ELEMENTS (cases[i].expected) && cases[i].expected[expected] != NULL)
        {
          g_assert_cmpstr (kw_audit_record_get_username (record_at (records, expected)), ==,
                           cases[i].expected[expected]);
          expected++;
        }
      if (*cases[i].filter == '\0')
        expected = g_strv_length ((char **) names);
      g_assert_cmpuint (g_list_model_get_n_items (records), ==, expected);
    }
}

/* Lines that are not records are skipped and counted, never a crash. */
static void
test_read_malformed (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) folder = NULL;
  KwAuditEntry entry = sample_entry ("jane");
  guint skipped = 0;

  good = kw_audit_entry_to_json (&entry, NULL);
  g_string_append_printf (text, "%s\n", good);
  g_string_append (text, "not json\n");
  g_string_append (text, "\n");
  g_string_append (text, "[1, 2]\n");
  g_string_append (text, "{\"username\":\"no-time\"}\n");
  g_string_append (text, "{\"time\":\"last tuesday\",\"username\":\"bad-time\"}\n");
  g_string_append (text, "{\"time\":\"2026-01-01T00:00:00Z\",\"username\":42}\n");
  g_string_append (text, "{\"time\":\"2026-01-01T00:00:00Z\",\"username\":\"nul");
  g_string_append_len (text, "\0", 1);
  g_string_append (text, "\"}\n");
  /* A record with nothing but a time is a record. */
  g_string_append (text, "{\"time\":\"2026-01-01T00:00:00.5Z\"}\n");
  g_string_append_printf (text, "%s\n", good);
  /* A line a failed write cut short. */
  g_string_append (text, "{\"time\":\"2026-01-01T00:00:00Z\",\"usern");

  folder = g_file_get_parent (kw_audit_log_get_file (log));
  g_file_make_directory_with_parents (folder, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (kw_audit_log_get_file (log), text->str, text->len, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  records = read_log (log, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 3);
  g_assert_cmpstr (kw_audit_record_get_username (record_at (records, 0)), ==, "jane");
  g_assert_null (kw_audit_record_get_username (record_at (records, 1)));
  g_assert_null (kw_audit_record_get_action (record_at (records, 1)));
  g_assert_cmpstr (kw_audit_record_get_username (record_at (records, 2)), ==, "jane");

  /* With a filter, a record without a username never matches. */
  g_clear_object (&records);
  records = read_log (log, "j", NULL, &skipped, &error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 2);
}

static void
test_record_from_json (void)
{
  g_autoptr(KwAuditRecord) record = NULL;

  record = kw_audit_record_new_from_json ("{\"time\":\"2026-03-04T05:06:07.089Z\","
                                          "\"actor\":null,\"username\":\"jane\"}");
  g_assert_nonnull (record);
  g_assert_null (kw_audit_record_get_actor (record));
  g_assert_null (kw_audit_record_get_outcome (record));
  g_assert_false (kw_audit_record_get_success (record));
  g_assert_cmpint (g_date_time_get_year (kw_audit_record_get_time (record)), ==, 2026);
  g_assert_cmpint (g_date_time_get_microsecond (kw_audit_record_get_time (record)), ==, 89000);

  g_assert_null (kw_audit_record_new_from_json (""));
  g_assert_null (kw_audit_record_new_from_json ("{}"));
  g_assert_null (kw_audit_record_new_from_json ("{\"time\":null}"));
  g_assert_null (kw_audit_record_new_from_json ("{\"time\":\"2026-01-01T00:00:00Z\","
                                                "\"outcome\":{}}"));
}

static void
test_read_error (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "a-folder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwAuditLog) log = kw_audit_log_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  KwAuditEntry entry = sample_entry ("jane");
  guint skipped = 99;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  records = read_log (log, NULL, NULL, &skipped, &error);
  g_assert_null (records);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpuint (skipped, ==, 0);
  g_clear_error (&error);

  /* The queue goes on after a failed read. */
  g_assert_false (append (log, &entry, &error));
  g_assert_nonnull (error);
}

static void
test_read_cancelled (void)
{
  g_autoptr(KwAuditLog) log = kw_audit_log_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  KwAuditEntry entry = sample_entry ("jane");
  guint finished = 0;

  /* Cancelled while it waits behind an append: withdrawn, and the append
   * is written all the same. */
  kw_audit_log_append_async (log, &entry, NULL, count_cb, &finished);
  kw_audit_log_read_async (log, NULL, cancellable, kw_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  records = kw_audit_log_read_finish (log, result, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (finished, ==, 1);

  g_clear_error (&error);
  records = read_log (log, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/audit-log/entry-json", test_entry_json);
  g_test_add_func ("/keyway/audit-log/entry-null-request-id", test_entry_null_request_id);
  g_test_add_func ("/keyway/audit-log/entry-escaping", test_entry_escaping);
  g_test_add_func ("/keyway/audit-log/entry-invalid-utf8", test_entry_invalid_utf8);
  g_test_add_func ("/keyway/audit-log/default-file-modes", test_default_file_modes);
  g_test_add_func ("/keyway/audit-log/order", test_order);
  g_test_add_func ("/keyway/audit-log/appends-to-existing", test_appends_to_existing);
  g_test_add_func ("/keyway/audit-log/unwritable", test_unwritable);
  g_test_add_func ("/keyway/audit-log/cancel-queued", test_cancel_queued);
  g_test_add_func ("/keyway/audit-log/no-secret-after-set-password",
                   test_no_secret_after_set_password);
  g_test_add_func ("/keyway/audit-log/read-missing-is-empty", test_read_missing_is_empty);
  g_test_add_func ("/keyway/audit-log/read-newest-first", test_read_newest_first);
  g_test_add_func ("/keyway/audit-log/read-behind-queue", test_read_behind_queue);
  g_test_add_func ("/keyway/audit-log/read-filter", test_read_filter);
  g_test_add_func ("/keyway/audit-log/read-malformed", test_read_malformed);
  g_test_add_func ("/keyway/audit-log/record-from-json", test_record_from_json);
  g_test_add_func ("/keyway/audit-log/read-error", test_read_error);
  g_test_add_func ("/keyway/audit-log/read-cancelled", test_read_cancelled);

  return g_test_run ();
}
