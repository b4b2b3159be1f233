/* test-cli-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-fake-cognito.h"
#include "kw-test-cli.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* keyway-cli's helpdesk side: the audit log of the admin commands, and
 * Keyway's own admin-reset-user-passwords, lookup-user and check-password. */

#define SESSION_TOKEN "session-token-never-logged"

/* The fake's endpoint, and a region to sign for. */
#define AT_FAKE(fixture) "--endpoint-url", (fixture)->url, "--region", "us-east-1"

static const char * const hint_prefix = "Hint: ";

/* The audit log's lines, parsed; the file must exist. */
static GPtrArray *
read_audit_log (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "keyway", "audit.log", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_ptr_array_add (entries, json_object_ref (json_node_get_object (node)));
    }

  return entries;
}

static gboolean
audit_log_contains (const char *needle)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "keyway", "audit.log", NULL);

  return kw_test_file_contains (path, needle);
}

static void
assert_entry (JsonObject *entry,
              const char *actor,
              const char *username,
              const char *action,
              const char *outcome)
{
  g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, actor);
  g_assert_cmpstr (json_object_get_string_member (entry, "userPoolId"), ==, TEST_POOL);
  g_assert_cmpstr (json_object_get_string_member (entry, "username"), ==, username);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, action);
  g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, outcome);
  /* The fake answers every call with a request id, as Cognito does. */
  g_assert_cmpuint (strlen (json_object_get_string_member_with_default (entry, "requestId", "")),
                    >=, 32);
}

static JsonObject *
parse_output (const char *out)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (g_get_home_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* A credentials file with the fake's keys as profile "helpdesk"; returns
 * the variable that names it. */
static char *
write_profile (void)
{
  g_autofree char *path = write_file ("credentials", "[helpdesk]\n"
                                      "aws_access_key_id = " TEST_ACCESS_KEY "\n"
                                      "aws_secret_access_key = " TEST_SECRET_KEY "\n");

  return g_strconcat ("AWS_SHARED_CREDENTIALS_FILE=", path, NULL);
}

/* A user the fake can send a code to. */
static void
add_user (Fixture    *fixture,
          const char *username)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fixture->fake);
  g_autofree char *email = g_strdup_printf ("%s@example.com", username);

  kw_fake_directory_add_user (directory, TEST_POOL, username, "Old-Passw0rd!");
  kw_fake_directory_set_attribute (directory, TEST_POOL, username, "email", email);
  kw_fake_directory_set_attribute (directory, TEST_POOL, username, "email_verified", "true");
}

static const char *
user_status (Fixture    *fixture,
             const char *username)
{
  return kw_fake_directory_get_status (kw_fake_cognito_get_directory (fixture->fake), TEST_POOL,
                                       username);
}

/* The audit log */

static void
test_reset_audited (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CliResult) done = NULL;
  g_autoptr(CliResult) failed = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  done = run_cli (admin_env, NULL, AT_FAKE (fixture), "admin-reset-user-password",
                  "--user-pool-id", TEST_POOL, "--username", "jane", NULL);

  /* As the AWS CLI: nothing printed. */
  g_assert_cmpint (done->status, ==, 0);
  g_assert_cmpstr (done->out, ==, "");
  g_assert_cmpstr (done->err, ==, "");
  g_assert_cmpstr (user_status (fixture, "jane"), ==, "RESET_REQUIRED");

  failed = run_cli (admin_env, NULL, AT_FAKE (fixture), "admin-reset-user-password",
                    "--user-pool-id", TEST_POOL, "--username", "ghost", NULL);

  /* Standard error is not a terminal: the AWS CLI's one line, no hint. */
  g_assert_cmpint (failed->status, ==, 254);
  g_assert_cmpstr (failed->out, ==, "");
  g_assert_cmpstr (failed->err, ==, "An error occurred (UserNotFoundException) when calling the "
                                    "AdminResetUserPassword operation: User does not exist.\n");

  entries = read_audit_log ();
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (g_ptr_array_index (entries, 0), TEST_ACCESS_KEY " (environment)", "jane",
                "AdminResetUserPassword", "success");
  assert_entry (g_ptr_array_index (entries, 1), TEST_ACCESS_KEY " (environment)", "ghost",
                "AdminResetUserPassword", "UserNotFoundException");
  g_assert_false (audit_log_contains (TEST_SECRET_KEY));
}

/* The actor is where the keys came from: a profile given with --profile,
 * or what --connection resolved. A reset with client metadata is audited
 * the same way. */
static void
test_reset_actors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *credentials_env = write_profile ();
  const char * const env[] = { credentials_env, NULL };
  g_autoptr(CliResult) profile = NULL;
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) connection = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  KwFakeRequest *request;

  profile = run_cli (env, NULL, AT_FAKE (fixture), "--profile", "helpdesk",
                     "admin-reset-user-password", "--user-pool-id", TEST_POOL,
                     "--username", "sam", "--client-metadata", "ticket=4711", NULL);
  g_assert_cmpint (profile->status, ==, 0);
  g_assert_cmpstr (profile->err, ==, "");
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), "\"ticket\":\"4711\""));

  add = run_cli (NULL, NULL, "connection", "add", "--id", "desk", "--name", "Desk",
                 "--region", "us-east-1", "--client-id", TEST_CLIENT, "--user-pool-id", TEST_POOL,
                 "--endpoint-url", fixture->url, "--credentials-source", "profile",
                 "--aws-profile", "helpdesk", NULL);
  g_assert_cmpint (add->status, ==, 0);
  connection = run_cli (env, NULL, "--connection", "desk", "admin-reset-user-password",
                        "--username", "jane", NULL);
  g_assert_cmpstr (connection->err, ==, "");
  g_assert_cmpint (connection->status, ==, 0);

  entries = read_audit_log ();
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (g_ptr_array_index (entries, 0), TEST_ACCESS_KEY " (profile helpdesk)", "sam",
                "AdminResetUserPassword", "success");
  assert_entry (g_ptr_array_index (entries, 1), TEST_ACCESS_KEY " (profile helpdesk)", "jane",
                "AdminResetUserPassword", "success");
  g_assert_false (audit_log_contains (TEST_SECRET_KEY));
}

static void
test_set_password_audited (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CliResult) set = NULL;
  g_autoptr(CliResult) weak = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  set = run_cli (admin_env, "Temporary-Pa55\n", AT_FAKE (fixture), "admin-set-user-password",
                 "--user-pool-id", TEST_POOL, "--username", "sam", NULL);
  g_assert_cmpint (set->status, ==, 0);
  g_assert_cmpstr (set->out, ==, "");
  g_assert_cmpstr (set->err, ==, "");
  g_assert_cmpstr (user_status (fixture, "sam"), ==, "FORCE_CHANGE_PASSWORD");

  weak = run_cli (admin_env, "weakpass\n", AT_FAKE (fixture), "admin-set-user-password",
                  "--user-pool-id", TEST_POOL, "--username", "jane", "--permanent", NULL);
  g_assert_cmpint (weak->status, ==, 254);
  g_assert_true (g_str_has_prefix (weak->err, "An error occurred (InvalidPasswordException) when "
                                              "calling the AdminSetUserPassword operation: "));
  g_assert_null (strstr (weak->err, "weakpass"));

  entries = read_audit_log ();
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (g_ptr_array_index (entries, 0), TEST_ACCESS_KEY " (environment)", "sam",
                "AdminSetUserPassword", "success");
  assert_entry (g_ptr_array_index (entries, 1), TEST_ACCESS_KEY " (environment)", "jane",
                "AdminSetUserPassword", "InvalidPasswordException");
  g_assert_false (audit_log_contains ("Temporary-Pa55"));
  g_assert_false (audit_log_contains ("weakpass"));
  g_assert_false (audit_log_contains (TEST_SECRET_KEY));
}

/* Bulk resets */

static JsonObject *
find_result (JsonObject *output,
             const char *username)
{
  JsonArray *results = json_object_get_array_member (output, "Results");

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *row = json_array_get_object_element (results, i);

      if (g_str_equal (json_object_get_string_member (row, "Username"), username))
        return row;
    }

  g_assert_not_reached ();
}

static void
assert_counts (JsonObject *output,
               gint64      done,
               gint64      failed,
               gint64      remaining)
{
  g_assert_cmpint (json_object_get_int_member (output, "Done"), ==, done);
  g_assert_cmpint (json_object_get_int_member (output, "Failed"), ==, failed);
  g_assert_cmpint (json_object_get_int_member (output, "Remaining"), ==, remaining);
}

static void
test_bulk_one_unknown (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) list = g_string_new ("# helpdesk ticket 4711\n\n");
  g_autofree char *file = NULL;
  g_autoptr(CliResult) cli = NULL;
  g_autoptr(JsonObject) output = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JsonArray *results;
  JsonObject *ghost;

  for (guint i = 0; i < 29; i++)
    {
      g_autofree char *username = g_strdup_printf ("bulk%02u", i);

      add_user (fixture, username);
      g_string_append_printf (list, "%s\n", username);
      if (i == 14)
        g_string_append (list, "ghost\n\n");
    }
  file = write_file ("users.txt", list->str);

  cli = run_cli (admin_env, NULL, AT_FAKE (fixture), "admin-reset-user-passwords", "--user-pool-id",
                 TEST_POOL, "--usernames-file", file, "--concurrency", "6", NULL);

  g_assert_cmpint (cli->status, ==, 254);
  /* Standard error is not a terminal: no progress line. */
  g_assert_null (strstr (cli->err, "remaining"));
  g_assert_nonnull (strstr (cli->err, "1 of 30 users could not be reset"));

  output = parse_output (cli->out);
  results = json_object_get_array_member (output, "Results");
  g_assert_cmpuint (json_array_get_length (results), ==, 30);
  assert_counts (output, 29, 1, 0);

  /* In the file's order. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "Username"), ==, "bulk00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 15),
                                                  "Username"), ==, "ghost");

  for (guint i = 0; i < 29; i++)
    {
      g_autofree char *username = g_strdup_printf ("bulk%02u", i);
      JsonObject *row = find_result (output, username);

      g_assert_cmpstr (json_object_get_string_member (row, "Status"), ==, "DONE");
      g_assert_false (json_object_has_member (row, "Error"));
      g_assert_true (json_object_has_member (row, "RequestId"));
      g_assert_cmpstr (user_status (fixture, username), ==, "RESET_REQUIRED");
    }

  ghost = find_result (output, "ghost");
  g_assert_cmpstr (json_object_get_string_member (ghost, "Status"), ==, "FAILED");
  g_assert_cmpstr (json_object_get_string_member (ghost, "Error"), ==, "UserNotFoundException");
  g_assert_cmpstr (json_object_get_string_member (ghost, "Message"), ==, "User does not exist.");
  g_assert_true (json_object_has_member (ghost, "RequestId"));

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword"), ==,
                    30);

  /* Every row is in the audit log. */
  entries = read_audit_log ();
  g_assert_cmpuint (entries->len, ==, 30);
  g_assert_false (audit_log_contains (TEST_SECRET_KEY));
}

static void
test_bulk_stdin_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CliResult) json = NULL;
  g_autoptr(CliResult) text = NULL;
  g_autoptr(JsonObject) output = NULL;
  g_auto(GStrv) lines = NULL;

  json = run_cli (admin_env, "jane\r\nsam\n  # a comment\njane\n", AT_FAKE (fixture),
                  "admin-reset-user-passwords", "--user-pool-id", TEST_POOL, "--usernames-file",
                  "-", NULL);

  g_assert_cmpint (json->status, ==, 0);
  g_assert_cmpstr (json->err, ==, "");
  output = parse_output (json->out);
  /* The repeated jane is dropped: nobody is reset twice. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (output, "Results")), ==,
                    2);
  assert_counts (output, 2, 0, 0);
  g_assert_cmpstr (user_status (fixture, "jane"), ==, "RESET_REQUIRED");
  g_assert_cmpstr (user_status (fixture, "sam"), ==, "RESET_REQUIRED");

  /* One line of counts, then one line per row with the same columns. */
  text = run_cli (admin_env, "zoë\nghost\n", AT_FAKE (fixture), "--output", "text",
                  "admin-reset-user-passwords", "--user-pool-id", TEST_POOL, "--usernames-file",
                  "-", NULL);
  g_assert_cmpint (text->status, ==, 254);
  lines = g_strsplit (text->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "1\t1\t0");
  g_assert_true (g_str_has_prefix (lines[1], "RESULTS\tNone\tNone\t"));
  g_assert_true (g_str_has_suffix (lines[1], "\tDONE\tzoë"));
  g_assert_true (g_str_has_prefix (lines[2], "RESULTS\tUserNotFoundException\t"
                                             "User does not exist.\t"));
  g_assert_true (g_str_has_suffix (lines[2], "\tFAILED\tghost"));
  g_assert_cmpstr (lines[3], ==, "");
}

/* The fake throttles beyond 10 requests a second: throttled rows wait their
 * turn again, and every user is reset exactly once. */
static void
test_bulk_rate_limited (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(CliResult) cli = NULL;
  g_autoptr(JsonObject) output = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint n_success = 0;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *username = g_strdup_printf ("paced%02u", i);

      add_user (fixture, username);
      g_string_append_printf (list, "%s\n", username);
    }
  kw_fake_cognito_set_rate_limit (fixture->fake, 10);

  cli = run_cli (admin_env, list->str, AT_FAKE (fixture), "admin-reset-user-passwords",
                 "--user-pool-id", TEST_POOL, "--usernames-file", "-", "--concurrency", "8", NULL);

  g_assert_cmpint (cli->status, ==, 0);
  output = parse_output (cli->out);
  assert_counts (output, 30, 0, 0);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *username = g_strdup_printf ("paced%02u", i);

      g_assert_cmpstr (user_status (fixture, username), ==, "RESET_REQUIRED");
    }
  /* Some requests were throttled, or this test proves nothing. */
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword"), >,
                    30);

  /* Throttled answers are audited as such; each user succeeded once. */
  entries = read_audit_log ();
  for (guint i = 0; i < entries->len; i++)
    {
      const char *outcome = json_object_get_string_member (g_ptr_array_index (entries, i),
                                                           "outcome");

      if (g_str_equal (outcome, "success"))
        n_success++;
      else
        g_assert_cmpstr (outcome, ==, "TooManyRequestsException");
    }
  g_assert_cmpuint (n_success, ==, 30);
}

static void
test_bulk_usage_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *empty = write_file ("empty.txt", "# nobody yet\n\n");
  g_autofree char *users = write_file ("users.txt", "jane\n");
  g_autofree char *missing = g_build_filename (g_get_home_dir (), "missing.txt", NULL);
  struct {
    const char *file;
    const char *concurrency;
    const char *expected;
  } cases[] = {
    { missing, "4", "argument --usernames-file: " },
    { empty, "4", "has no usernames" },
    { users, "0", "argument --concurrency: expected a whole number from 1 to 64" },
    { users, "65", "argument --concurrency" },
    { users, "four", "argument --concurrency" },
  };
  g_autoptr(CliResult) no_file = NULL;
  g_autoptr(CliResult) no_credentials = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliResult) cli = NULL;

      cli = run_cli (admin_env, NULL, AT_FAKE (fixture), "admin-reset-user-passwords",
                     "--user-pool-id", TEST_POOL, "--usernames-file", cases[i].file,
                     "--concurrency", cases[i].concurrency, NULL);
      g_assert_cmpint (cli->status, ==, 252);
      g_assert_cmpstr (cli->out, ==, "");
      g_assert_nonnull (strstr (cli->err, cases[i].expected));
    }

  no_file = run_cli (admin_env, NULL, AT_FAKE (fixture), "admin-reset-user-passwords",
                     "--user-pool-id", TEST_POOL, NULL);
  g_assert_cmpint (no_file->status, ==, 252);
  g_assert_nonnull (strstr (no_file->err, "required: --usernames-file"));

  /* Said once, not once per user. */
  no_credentials = run_cli (NULL, "jane\nsam\n", AT_FAKE (fixture), "admin-reset-user-passwords",
                            "--user-pool-id", TEST_POOL, "--usernames-file", "-", NULL);
  g_assert_cmpint (no_credentials->status, ==, 255);
  g_assert_cmpstr (no_credentials->out, ==, "");
  g_assert_true (g_str_has_prefix (no_credentials->err, "Unable to locate credentials"));

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

/* keyway-cli in a process of our own, for signals and terminals. */
static GSubprocess *
spawn_cli (GSubprocessFlags    flags,
           int                 stderr_fd,
           const char * const *env,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  if (stderr_fd >= 0)
    g_subprocess_launcher_take_stderr_fd (launcher, stderr_fd);

  g_ptr_array_add (argv, (gpointer) g_getenv ("KEYWAY_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* The launcher closes our copy of @stderr_fd as it goes. */
  return process;
}

/* Ctrl+C stops sending; requests in flight finish; the results list the
 * users left, and a rerun with them finishes the job. */
static void
test_bulk_interrupted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *file = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) output = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(CliResult) rerun = NULL;
  g_autoptr(JsonObject) rerun_output = NULL;
  JsonArray *results;
  guint n_done = 0;
  guint n_pending = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *username = g_strdup_printf ("slow%02u", i);

      add_user (fixture, username);
      g_string_append_printf (list, "%s\n", username);
      kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                                   "200");
    }
  file = write_file ("users.txt", list->str);

  process = spawn_cli (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                       G_SUBPROCESS_FLAGS_STDERR_PIPE, -1, admin_env,
                       (const char * const[]) { AT_FAKE (fixture),
                                                "admin-reset-user-passwords",
                                                "--user-pool-id", TEST_POOL,
                                                "--usernames-file", file,
                                                "--concurrency", "2", NULL });
  g_subprocess_communicate_utf8_async (process, "", NULL, kw_test_store_result_cb, &result);

  /* Requests are going out, so the handler of SIGINT is in place. */
  while (kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword") < 3)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_send_signal (process, SIGINT);

  kw_test_wait_result (&result);
  g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);
  g_assert_nonnull (strstr (err, "Interrupted"));

  output = parse_output (out);
  results = json_object_get_array_member (output, "Results");
  g_assert_cmpuint (json_array_get_length (results), ==, 20);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *row = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (row, "Status");

      if (g_str_equal (status, "DONE"))
        n_done++;
      else
        {
          g_assert_cmpstr (status, ==, "PENDING");
          g_string_append_printf (pending, "%s\n", json_object_get_string_member (row, "Username"));
          n_pending++;
        }
    }
  /* The requests in flight finished as DONE; the rest were never sent. */
  g_assert_cmpuint (n_done, ==,
                    kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword"));
  g_assert_cmpuint (n_done, >=, 3);
  g_assert_cmpuint (n_pending, >, 0);
  assert_counts (output, n_done, 0, n_pending);

  rerun = run_cli (admin_env, pending->str, AT_FAKE (fixture), "admin-reset-user-passwords",
                   "--user-pool-id", TEST_POOL, "--usernames-file", "-", "--concurrency", "8",
                   NULL);
  g_assert_cmpint (rerun->status, ==, 0);
  rerun_output = parse_output (rerun->out);
  assert_counts (rerun_output, n_pending, 0, 0);
  /* Nobody was reset twice. */
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword"), ==,
                    20);
}

/* Standard error on a terminal */

typedef struct
{
  GString  *text;
  gboolean  closed;
} PtyReader;

static gboolean
pty_readable_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  PtyReader *reader = user_data;
  char buffer[1024];
  gssize n_read = read (fd, buffer, sizeof buffer);

  if (n_read > 0)
    {
      g_string_append_len (reader->text, buffer, n_read);
      return G_SOURCE_CONTINUE;
    }

  /* EIO once the last process holding the terminal is gone. */
  reader->closed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs keyway-cli with its standard error on a terminal; returns what the
 * terminal showed, with its \r\n line ends. */
static char *
run_cli_on_terminal (const char * const *args,
                     const char         *input,
                     int                *status,
                     char              **out)
{
  PtyReader reader = { g_string_new (NULL), FALSE };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  int slave;

  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);

  process = spawn_cli (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, slave,
                       admin_env, args);
  g_unix_fd_add (master, G_IO_IN | G_IO_HUP | G_IO_ERR, pty_readable_cb, &reader);
  g_subprocess_communicate_utf8_async (process, input, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_subprocess_communicate_utf8_finish (process, result, out, NULL, &error);
  g_assert_no_error (error);
  kw_test_wait_for (&reader.closed);
  close (master);

  *status = g_subprocess_get_exit_status (process);
  return g_string_free (reader.text, FALSE);
}

static void
test_terminal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *reset_err = NULL;
  g_autofree char *reset_out = NULL;
  g_autofree char *bulk_err = NULL;
  g_autofree char *bulk_out = NULL;
  int status = 0;

  /* A person reading a terminal gets the explanation after the error. */
  reset_err = run_cli_on_terminal ((const char * const[]) {
                                     AT_FAKE (fixture),
                                     "admin-reset-user-password", "--user-pool-id", TEST_POOL,
                                     "--username", "ghost", NULL },
                                   "", &status, &reset_out);
  g_assert_cmpint (status, ==, 254);
  g_assert_nonnull (strstr (reset_err, "An error occurred (UserNotFoundException) when calling "
                                       "the AdminResetUserPassword operation: User does not "
                                       "exist.\r\nHint: The user pool has no user with this "
                                       "username."));

  /* The progress line rewrites itself, and stdout has the results. */
  bulk_err = run_cli_on_terminal ((const char * const[]) {
                                    AT_FAKE (fixture),
                                    "admin-reset-user-passwords", "--user-pool-id", TEST_POOL,
                                    "--usernames-file", "-", NULL },
                                  "jane\nsam\nzoë\n", &status, &bulk_out);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (bulk_err, "\rdone 0, failed 0, remaining 3"));
  g_assert_nonnull (strstr (bulk_err, "\rdone 3, failed 0, remaining 0\033[K\r\n"));
  g_assert_null (strstr (bulk_out, "remaining"));
  g_assert_nonnull (strstr (bulk_out, "\"Done\": 3"));
}

/* lookup-user */

static void
test_lookup_user (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CliResult) email = NULL;
  g_autoptr(CliResult) phone = NULL;
  g_autoptr(CliResult) username = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(JsonObject) output = NULL;
  g_autofree char *audit_log = NULL;
  KwFakeRequest *request;
  JsonArray *users;

  email = run_cli (admin_env, NULL, AT_FAKE (fixture), "lookup-user", "--user-pool-id", TEST_POOL,
                   "--query", "jane@example.com", NULL);
  g_assert_cmpint (email->status, ==, 0);
  g_assert_cmpstr (email->err, ==, "");
  output = parse_output (email->out);
  users = json_object_get_array_member (output, "Users");
  g_assert_cmpuint (json_array_get_length (users), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (users, 0),
                                                  "Username"), ==, "jane");
  /* Printed as list-users prints a user. */
  g_assert_nonnull (strstr (email->out, "\"Attributes\": ["));
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_cmpstr (request->operation, ==, "ListUsers");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body),
                                  "email = \\\"jane@example.com\\\""));

  phone = run_cli (admin_env, NULL, AT_FAKE (fixture), "--output", "text", "lookup-user",
                   "--user-pool-id", TEST_POOL, "--query", "+1 (555) 555-0123", NULL);
  g_assert_cmpint (phone->status, ==, 0);
  g_assert_nonnull (strstr (phone->out, "\tCONFIRMED\tsam\n"));
  g_assert_nonnull (strstr (phone->out, "ATTRIBUTES\tphone_number\t+15555550123\n"));
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 1);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body),
                                  "phone_number = \\\"+15555550123\\\""));

  username = run_cli (admin_env, NULL, AT_FAKE (fixture), "lookup-user", "--user-pool-id",
                      TEST_POOL, "--query", "zoë", NULL);
  g_assert_cmpint (username->status, ==, 0);
  g_assert_nonnull (strstr (username->out, "\"Username\": \"zoë\""));
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 2);
  g_assert_cmpstr (request->operation, ==, "AdminGetUser");

  /* Nobody, whichever the query: an empty list, as list-users gives. */
  unknown = run_cli (admin_env, NULL, AT_FAKE (fixture), "lookup-user", "--user-pool-id", TEST_POOL,
                     "--query", "ghost", NULL);
  g_assert_cmpint (unknown->status, ==, 0);
  g_assert_cmpstr (unknown->out, ==, "{\n    \"Users\": []\n}\n");

  /* A lookup changes nothing, so it is not audited. */
  audit_log = g_build_filename (g_get_user_state_dir (), "keyway", "audit.log", NULL);
  g_assert_false (g_file_test (audit_log, G_FILE_TEST_EXISTS));
}

/* Keyway's own commands explain a service error, terminal or not. */
static void
test_lookup_user_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CliResult) denied = NULL;
  g_autoptr(CliResult) empty = NULL;
  g_auto(GStrv) lines = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, "ListUsers", KW_FAKE_FAULT_ERROR,
                               "AccessDeniedException");
  denied = run_cli (admin_env, NULL, AT_FAKE (fixture), "lookup-user", "--user-pool-id", TEST_POOL,
                    "--query", "sam@example.com", NULL);
  g_assert_cmpint (denied->status, ==, 254);
  g_assert_cmpstr (denied->out, ==, "");
  lines = g_strsplit (denied->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "An error occurred (AccessDeniedException) when "
                                             "calling the ListUsers operation: "));
  g_assert_true (g_str_has_prefix (lines[1], hint_prefix));
  g_assert_cmpuint (strlen (lines[1]), >, strlen (hint_prefix) + 20);

  empty = run_cli (admin_env, NULL, AT_FAKE (fixture), "lookup-user", "--user-pool-id", TEST_POOL,
                   "--query", " ", NULL);
  g_assert_cmpint (empty->status, ==, 252);
  g_assert_nonnull (strstr (empty->err, "argument --query"));
}

/* check-password */

static void
assert_rule (JsonObject *output,
             const char *rule,
             const char *description,
             gboolean    met)
{
  JsonArray *rules = json_object_get_array_member (output, "Rules");

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *item = json_array_get_object_element (rules, i);

      if (!g_str_equal (json_object_get_string_member (item, "Rule"), rule))
        continue;
      g_assert_cmpstr (json_object_get_string_member (item, "Description"), ==, description);
      g_assert_cmpint (json_object_get_boolean_member (item, "Met"), ==, met);
      return;
    }

  g_error ("No rule %s", rule);
}

static void
test_check_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CliResult) good = NULL;
  g_autoptr(CliResult) bad = NULL;
  g_autoptr(CliResult) none = NULL;
  g_autoptr(JsonObject) good_output = NULL;
  g_autoptr(JsonObject) bad_output = NULL;

  good = run_cli (NULL, TEST_PASSWORD "\n", "check-password", NULL);
  g_assert_cmpint (good->status, ==, 0);
  g_assert_cmpstr (good->err, ==, "");
  good_output = parse_output (good->out);
  g_assert_true (json_object_get_boolean_member (good_output, "Acceptable"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (good_output, "Rules")),
                    ==, 6);
  assert_rule (good_output, "length", "At least 8 characters", TRUE);
  assert_rule (good_output, "symbol", "A symbol such as ! ? # or %", TRUE);

  bad = run_cli (NULL, "lower case only\n", "check-password", NULL);
  g_assert_cmpint (bad->status, ==, 1);
  bad_output = parse_output (bad->out);
  g_assert_false (json_object_get_boolean_member (bad_output, "Acceptable"));
  assert_rule (bad_output, "length", "At least 8 characters", TRUE);
  assert_rule (bad_output, "lowercase", "A lowercase letter (a–z)", TRUE);
  assert_rule (bad_output, "uppercase", "An uppercase letter (A–Z)", FALSE);
  assert_rule (bad_output, "number", "A number (0–9)", FALSE);
  assert_rule (bad_output, "no-space", "No spaces", FALSE);

  /* Never echoed. */
  g_assert_null (strstr (good->out, TEST_PASSWORD));
  g_assert_null (strstr (good->err, TEST_PASSWORD));
  g_assert_null (strstr (bad->out, "lower case only"));
  g_assert_null (strstr (bad->err, "lower case only"));

  none = run_cli (NULL, "", "check-password", NULL);
  g_assert_cmpint (none->status, ==, 252);
  g_assert_cmpstr (none->out, ==, "");
  g_assert_nonnull (strstr (none->err, "No password was given"));

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

/* A connection's own policy, which the default password does not meet. */
static void
test_check_password_connection (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) strict = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(JsonObject) output = NULL;

  add = run_cli (NULL, NULL, "connection", "add", "--id", "strict", "--name", "Strict", "--region",
                 "us-east-1", "--client-id", TEST_CLIENT, "--endpoint-url", fixture->url,
                 "--password-minimum-length", "20", "--password-require-symbols", "false", NULL);
  g_assert_cmpstr (add->err, ==, "");
  g_assert_cmpint (add->status, ==, 0);

  strict = run_cli (NULL, TEST_PASSWORD "\n", "--connection", "strict", "check-password", NULL);
  g_assert_cmpint (strict->status, ==, 1);
  output = parse_output (strict->out);
  g_assert_false (json_object_get_boolean_member (output, "Acceptable"));
  assert_rule (output, "length", "At least 20 characters", FALSE);
  /* A rule the policy does not have is not listed. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (output, "Rules")), ==, 5);
  g_assert_null (strstr (strict->out, "\"symbol\""));
  g_assert_null (strstr (strict->out, TEST_PASSWORD));

  unknown = run_cli (NULL, TEST_PASSWORD "\n", "--connection", "lax", "check-password", NULL);
  g_assert_cmpint (unknown->status, ==, 252);
  g_assert_nonnull (strstr (unknown->err, "there is no connection 'lax'"));
}

/* --debug */

static void
test_debug_has_no_secrets (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const env[] = {
    "AWS_ACCESS_KEY_ID=" TEST_ACCESS_KEY,
    "AWS_SECRET_ACCESS_KEY=" TEST_SECRET_KEY,
    "AWS_SESSION_TOKEN=" SESSION_TOKEN,
    NULL
  };
  const char *new_password = "Temporary-Pa55";
  CliResult *results[5];

  kw_fake_cognito_add_credentials (fixture->fake, TEST_ACCESS_KEY, TEST_SECRET_KEY, SESSION_TOKEN);

  results[0] = run_cli (env, NULL, "--debug", AT_FAKE (fixture), "admin-reset-user-password",
                        "--user-pool-id", TEST_POOL, "--username", "jane", NULL);
  results[1] = run_cli (env, "Temporary-Pa55\n", "--debug", AT_FAKE (fixture),
                        "admin-set-user-password", "--user-pool-id", TEST_POOL, "--username", "sam",
                        NULL);
  results[2] = run_cli (env, "jane\nghost\n", "--debug", AT_FAKE (fixture),
                        "admin-reset-user-passwords", "--user-pool-id", TEST_POOL,
                        "--usernames-file", "-", NULL);
  results[3] = run_cli (env, NULL, "--debug", AT_FAKE (fixture), "lookup-user", "--user-pool-id",
                        TEST_POOL, "--query", "+15555550123", NULL);
  results[4] = run_cli (env, TEST_PASSWORD "\n", "--debug", "check-password", NULL);

  g_assert_cmpint (results[0]->status, ==, 0);
  g_assert_cmpint (results[1]->status, ==, 0);
  g_assert_cmpint (results[2]->status, ==, 254);
  g_assert_cmpint (results[3]->status, ==, 0);
  g_assert_cmpint (results[4]->status, ==, 0);

  /* --debug did say things. */
  g_assert_nonnull (strstr (results[0]->err, "Audit log "));
  g_assert_nonnull (strstr (results[0]->err, "actor " TEST_ACCESS_KEY " (environment)"));
  g_assert_nonnull (strstr (results[2]->err, "Resetting 2 users"));
  g_assert_nonnull (strstr (results[3]->err, "Looking up by phone number"));

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_null (strstr (results[i]->err, TEST_SECRET_KEY));
      g_assert_null (strstr (results[i]->err, SESSION_TOKEN));
      g_assert_null (strstr (results[i]->err, new_password));
      g_assert_null (strstr (results[i]->err, TEST_PASSWORD));
      g_assert_null (strstr (results[i]->out, TEST_SECRET_KEY));
      g_assert_null (strstr (results[i]->out, new_password));
      g_assert_null (strstr (results[i]->out, TEST_PASSWORD));
      cli_result_free (results[i]);
    }

  g_assert_false (audit_log_contains (TEST_SECRET_KEY));
  g_assert_false (audit_log_contains (SESSION_TOKEN));
  g_assert_false (audit_log_contains (new_password));
}

static void
test_help (void)
{
  g_autoptr(CliResult) top = run_cli (NULL, NULL, "help", NULL);
  g_autoptr(CliResult) bulk = run_cli (NULL, NULL, "admin-reset-user-passwords", "--help", NULL);

  g_assert_cmpint (top->status, ==, 0);
  g_assert_nonnull (strstr (top->out, "Keyway's own commands (not in the AWS CLI):\n"
                                      "  admin-reset-user-passwords"));
  g_assert_nonnull (strstr (top->out, "audit log"));

  g_assert_cmpint (bulk->status, ==, 0);
  g_assert_nonnull (strstr (bulk->out, "--usernames-file PATH|-"));
  g_assert_nonnull (strstr (bulk->out, "Keyway's own command, not in the AWS CLI"));
}

#define FIXTURE_TEST(path, func) \
  g_test_add ("/keyway/cli-helpdesk/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  FIXTURE_TEST ("audit/reset", test_reset_audited);
  FIXTURE_TEST ("audit/actors", test_reset_actors);
  FIXTURE_TEST ("audit/set-password", test_set_password_audited);
  FIXTURE_TEST ("bulk/one-unknown", test_bulk_one_unknown);
  FIXTURE_TEST ("bulk/stdin-text", test_bulk_stdin_text);
  FIXTURE_TEST ("bulk/rate-limited", test_bulk_rate_limited);
  FIXTURE_TEST ("bulk/usage-errors", test_bulk_usage_errors);
  FIXTURE_TEST ("bulk/interrupted", test_bulk_interrupted);
  FIXTURE_TEST ("terminal", test_terminal);
  FIXTURE_TEST ("lookup-user", test_lookup_user);
  FIXTURE_TEST ("lookup-user/error", test_lookup_user_error);
  FIXTURE_TEST ("check-password", test_check_password);
  FIXTURE_TEST ("check-password/connection", test_check_password_connection);
  FIXTURE_TEST ("debug-has-no-secrets", test_debug_has_no_secrets);
  g_test_add_func ("/keyway/cli-helpdesk/help", test_help);

  return g_test_run ();
}
