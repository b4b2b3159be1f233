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

  return g_test_run ();
}
