/* test-cli.c
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

#include <glib/gstdio.h>
#include <string.h>

/* The protocol commands: output, exit statuses, passwords, --debug and the
 * AWS config files. test-cli-connection.c has connections and secrets. */

static void
test_forgot_password_json (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--endpoint-url", fixture->url,
                                      "--region", "us-east-1",
                                      "forgot-password", "--client-id", TEST_CLIENT,
                                      "--username", "jane", NULL);

  g_assert_cmpint (cli->status, ==, 0);
  g_assert_cmpstr (cli->err, ==, "");
  g_assert_cmpstr (cli->out, ==,
                   "{\n"
                   "    \"CodeDeliveryDetails\": {\n"
                   "        \"Destination\": \"j***@e***\",\n"
                   "        \"DeliveryMedium\": \"EMAIL\",\n"
                   "        \"AttributeName\": \"email\"\n"
                   "    }\n"
                   "}\n");
}

static void
test_forgot_password_text (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--endpoint-url", fixture->url,
                                      "--region", "us-east-1",
                                      "--output", "text", "forgot-password",
                                      "--client-id", TEST_CLIENT, "--username", "sam", NULL);

  g_assert_cmpint (cli->status, ==, 0);
  g_assert_cmpstr (cli->out, ==, "CODEDELIVERYDETAILS\tphone_number\tSMS\t+*******0123\n");
}

static void
test_confirm_reads_stdin (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) confirm = NULL;
  g_autofree char *input = g_strdup (TEST_PASSWORD "\nsecond line is ignored\n");
  const char *code;

  forgot = run_cli (NULL, NULL, "--endpoint-url", fixture->url, "--region", "us-east-1",
                    "forgot-password", "--client-id", TEST_CLIENT, "--username", "jane", NULL);
  g_assert_cmpint (forgot->status, ==, 0);
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");

  confirm = run_cli (NULL, input, "--endpoint-url", fixture->url, "--region", "us-east-1",
                     "confirm-forgot-password", "--client-id", TEST_CLIENT, "--username", "jane",
                     "--confirmation-code", code, NULL);

  g_assert_cmpint (confirm->status, ==, 0);
  g_assert_cmpstr (confirm->out, ==, "");
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, TEST_PASSWORD);
}

static void
test_service_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CliResult) cli = NULL;

  cli = run_cli (NULL, TEST_PASSWORD "\n", "--endpoint-url", fixture->url, "--region", "us-east-1",
                 "confirm-forgot-password", "--client-id", TEST_CLIENT, "--username", "jane",
                 "--confirmation-code", "000000", NULL);

  g_assert_cmpint (cli->status, ==, 254);
  g_assert_cmpstr (cli->out, ==, "");
  g_assert_cmpstr (cli->err, ==, "An error occurred (ExpiredCodeException) when calling the "
                                 "ConfirmForgotPassword operation: Invalid code provided, "
                                 "please request a code again.\n");
}

static void
test_usage_errors (void)
{
  struct {
    const char *args[6];
    const char *expected;
  } cases[] = {
    { { "forgot-password", "--client-id", "x", NULL }, "required: --username" },
    { { "recover-everything", NULL }, "invalid choice: 'recover-everything'" },
    { { "forgot-password", "--client-id", "x", "--username", "y", "--colour" },
      "Unknown option: --colour" },
    { { "--output", "yaml", "forgot-password", NULL }, "invalid choice: 'yaml'" },
    { { "--timeout", "soon", "forgot-password", NULL }, "argument --timeout" },
    { { NULL }, "required: command" },
    { { "forgot-password", "--client-id", NULL }, "expected one argument" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliResult) cli = run_cli (NULL, NULL, cases[i].args[0], cases[i].args[1],
                                          cases[i].args[2], cases[i].args[3], cases[i].args[4],
                                          cases[i].args[5], NULL);

      g_assert_cmpint (cli->status, ==, 252);
      g_assert_cmpstr (cli->out, ==, "");
      g_assert_nonnull (strstr (cli->err, cases[i].expected));
      g_assert_nonnull (strstr (cli->err, "usage: keyway-cli"));
    }
}

/* A password on the command line would be visible in ps and shell history. */
static void
test_password_never_in_argv (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) no_input = NULL;

  refused = run_cli (NULL, NULL, "--endpoint-url", fixture->url, "--region", "us-east-1",
                     "confirm-forgot-password", "--client-id", TEST_CLIENT, "--username", "jane",
                     "--confirmation-code", "123456", "--password", TEST_PASSWORD, NULL);
  g_assert_cmpint (refused->status, ==, 252);
  g_assert_nonnull (strstr (refused->err, "--password is not accepted"));
  g_assert_nonnull (strstr (refused->err, "standard input"));
  g_assert_null (strstr (refused->err, TEST_PASSWORD));

  no_input = run_cli (NULL, "", "--endpoint-url", fixture->url, "--region", "us-east-1",
                      "confirm-forgot-password", "--client-id", TEST_CLIENT, "--username", "jane",
                      "--confirmation-code", "123456", NULL);
  g_assert_cmpint (no_input->status, ==, 252);
  g_assert_nonnull (strstr (no_input->err, "No password on standard input"));

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

static void
test_parameter_validation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--endpoint-url", fixture->url,
                                      "--region", "us-east-1",
                                      "forgot-password", "--client-id", TEST_CLIENT,
                                      "--username", "jane doe", NULL);

  g_assert_cmpint (cli->status, ==, 252);
  g_assert_nonnull (strstr (cli->err, "Parameter validation failed: Invalid Username"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

static void
test_network_errors (void)
{
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) insecure = NULL;
  g_autoptr(CliResult) no_region = NULL;

  /* Port 1 on loopback: nobody listens there in a test environment. */
  refused = run_cli (NULL, NULL, "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1",
                     "forgot-password", "--client-id", TEST_CLIENT, "--username", "jane", NULL);
  g_assert_cmpint (refused->status, ==, 255);
  g_assert_nonnull (strstr (refused->err, "Could not connect to the endpoint URL"));
  g_assert_nonnull (strstr (refused->err, "Check --endpoint-url"));

  insecure = run_cli (NULL, NULL, "--endpoint-url", "http://cognito.example.com",
                      "--region", "us-east-1",
                      "forgot-password", "--client-id", TEST_CLIENT, "--username", "jane", NULL);
  g_assert_cmpint (insecure->status, ==, 255);
  g_assert_nonnull (strstr (insecure->err, "https"));

  no_region = run_cli (NULL, NULL, "forgot-password", "--client-id", TEST_CLIENT,
                       "--username", "jane", NULL);
  g_assert_cmpint (no_region->status, ==, 255);
  g_assert_nonnull (strstr (no_region->err, "You must specify a region"));
}

static void
test_admin_get_user (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (admin_env, NULL, "--endpoint-url", fixture->url,
                                      "--region", "us-east-1",
                                      "admin-get-user", "--user-pool-id", TEST_POOL,
                                      "--username", "jane", NULL);
  g_autoptr(GRegex) date = g_regex_new ("\"UserCreateDate\": \"\\d{4}-\\d\\d-\\d\\dT"
                                        "\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00\"",
                                        0, 0, NULL);

  g_assert_cmpint (cli->status, ==, 0);
  g_assert_nonnull (strstr (cli->out, "\"Username\": \"jane\""));
  g_assert_nonnull (strstr (cli->out, "\"UserStatus\": \"CONFIRMED\""));
  g_assert_nonnull (strstr (cli->out,
                            "\"Name\": \"email\",\n            \"Value\": \"jane@example.com\""));
  g_assert_true (g_regex_match (date, cli->out, 0, NULL));
}

static void
test_admin_needs_credentials (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--endpoint-url", fixture->url,
                                      "--region", "us-east-1",
                                      "admin-reset-user-password", "--user-pool-id", TEST_POOL,
                                      "--username", "jane", NULL);

  g_assert_cmpint (cli->status, ==, 255);
  g_assert_nonnull (strstr (cli->err, "Unable to locate credentials"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

static void
test_list_users (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CliResult) all = NULL;
  g_autoptr(CliResult) filtered = NULL;

  /* Without --limit every page is fetched, as the AWS CLI does. */
  all = run_cli (admin_env, NULL, "--endpoint-url", fixture->url, "--region", "us-east-1",
                 "list-users", "--user-pool-id", TEST_POOL, NULL);
  g_assert_cmpint (all->status, ==, 0);
  g_assert_nonnull (strstr (all->out, "\"Username\": \"nocontact\""));
  g_assert_null (strstr (all->out, "PaginationToken"));

  filtered = run_cli (admin_env, NULL, "--endpoint-url", fixture->url, "--region", "us-east-1",
                      "--output", "text", "list-users", "--user-pool-id", TEST_POOL,
                      "--filter", "phone_number = \"+15555550123\"", NULL);
  g_assert_cmpint (filtered->status, ==, 0);
  g_assert_true (g_str_has_prefix (filtered->out, "USERS\tTrue\t"));
  g_assert_nonnull (strstr (filtered->out, "\tCONFIRMED\tsam\n"));
  g_assert_nonnull (strstr (filtered->out, "ATTRIBUTES\tphone_number\t+15555550123\n"));
}

static void
test_admin_set_password (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CliResult) cli = run_cli (admin_env, "Temporary-Pa55\n", "--endpoint-url", fixture->url,
                                      "--region", "us-east-1", "admin-set-user-password",
                                      "--user-pool-id", TEST_POOL, "--username", "sam", NULL);

  g_assert_cmpint (cli->status, ==, 0);
  g_assert_cmpstr (kw_fake_directory_get_status (kw_fake_cognito_get_directory (fixture->fake),
                                                 TEST_POOL, "sam"), ==, "FORCE_CHANGE_PASSWORD");
}

/* --debug says what happened on each attempt and nothing secret. */
static void
test_debug_has_no_secrets (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const env[] = {
    "KEYWAY_CLIENT_SECRET=" TEST_CLIENT_SECRET,
    "AWS_ACCESS_KEY_ID=" TEST_ACCESS_KEY,
    "AWS_SECRET_ACCESS_KEY=" TEST_SECRET_KEY,
    "AWS_SESSION_TOKEN=session-token-never-logged",
    NULL
  };
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) confirm = NULL;
  g_autoptr(CliResult) admin = NULL;
  KwFakeRequest *request;
  g_autofree char *hash_prefix = NULL;
  const char *code;
  const char *hash;

  kw_fake_cognito_add_credentials (fixture->fake, TEST_ACCESS_KEY, TEST_SECRET_KEY,
                                   "session-token-never-logged");
  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_ERROR,
                               "TooManyRequestsException");
  forgot = run_cli (env, NULL, "--debug", "--endpoint-url", fixture->url, "--region", "us-east-1",
                    "forgot-password", "--client-id", TEST_SECRET_CLIENT, "--username", "jane",
                    NULL);
  g_assert_cmpint (forgot->status, ==, 0);
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 1);
  hash = strstr ((const char *) g_bytes_get_data (request->body, NULL), "\"SecretHash\":\"") + 14;

  confirm = run_cli (env, TEST_PASSWORD "\n", "--debug", "--endpoint-url", fixture->url, "--region",
                     "us-east-1", "confirm-forgot-password", "--client-id", TEST_SECRET_CLIENT,
                     "--username", "jane", "--confirmation-code", code, NULL);
  g_assert_cmpint (confirm->status, ==, 0);

  admin = run_cli (env, NULL, "--debug", "--endpoint-url", fixture->url, "--region", "us-east-1",
                   "admin-get-user", "--user-pool-id", TEST_POOL, "--username", "jane", NULL);
  g_assert_cmpint (admin->status, ==, 0);
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake),
                               kw_fake_cognito_get_requests (fixture->fake)->len - 1);

  g_assert_nonnull (strstr (forgot->err, "ForgotPassword attempt 1/3"));
  g_assert_nonnull (strstr (forgot->err, "ForgotPassword attempt 2/3"));
  g_assert_nonnull (strstr (admin->err, "access key *******MPLE"));

  hash_prefix = g_strndup (hash, 20);
  for (guint i = 0; i < 3; i++)
    {
      const char *err = (const char *[]) { forgot->err, confirm->err, admin->err }[i];

      g_assert_null (strstr (err, TEST_CLIENT_SECRET));
      g_assert_null (strstr (err, TEST_SECRET_KEY));
      g_assert_null (strstr (err, "session-token-never-logged"));
      g_assert_null (strstr (err, TEST_PASSWORD));
      g_assert_null (strstr (err, code));
      g_assert_null (strstr (err, hash_prefix));
      g_assert_null (strstr (err, strstr (g_hash_table_lookup (request->headers, "authorization"),
                                          "Signature=")));
    }
}

static void
test_config_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("keyway-cli-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken", NULL);
  g_autofree char *config_env = g_strconcat ("AWS_CONFIG_FILE=", config, NULL);
  g_autofree char *broken_env = g_strconcat ("AWS_CONFIG_FILE=", broken, NULL);
  const char * const sso[] = { config_env, NULL };
  const char * const malformed[] = { broken_env, NULL };
  g_autoptr(CliResult) unsigned_call = NULL;
  g_autoptr(CliResult) signed_call = NULL;
  g_autoptr(CliResult) bad_file = NULL;
  g_autofree char *expected = NULL;

  g_file_set_contents (config, "[default]\nregion = us-east-1\nsso_session = corp\n", -1, NULL);
  g_file_set_contents (broken, "[default]\nregion = us-east-1\nthis line is wrong\n", -1, NULL);

  /* Unsigned calls need no credentials, so an SSO profile does not stop them;
   * the region still comes from the profile. */
  unsigned_call = run_cli (sso, NULL, "--endpoint-url", fixture->url, "forgot-password",
                           "--client-id", TEST_CLIENT, "--username", "jane", NULL);
  g_assert_cmpint (unsigned_call->status, ==, 0);

  signed_call = run_cli (sso, NULL, "--endpoint-url", fixture->url, "admin-get-user",
                         "--user-pool-id", TEST_POOL, "--username", "jane", NULL);
  g_assert_cmpint (signed_call->status, ==, 255);
  g_assert_nonnull (strstr (signed_call->err, "sso_session"));
  g_assert_nonnull (strstr (signed_call->err, "export-credentials"));

  bad_file = run_cli (malformed, NULL, "--endpoint-url", fixture->url, "forgot-password",
                      "--client-id", TEST_CLIENT, "--username", "jane", NULL);
  expected = g_strdup_printf ("%s, line 3", broken);
  g_assert_cmpint (bad_file->status, ==, 255);
  g_assert_nonnull (strstr (bad_file->err, expected));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 1);

  g_unlink (config);
  g_unlink (broken);
  g_rmdir (dir);
}

static void
test_version (void)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--version", NULL);

  g_assert_cmpint (cli->status, ==, 0);
  g_assert_cmpstr (cli->out, ==, "keyway-cli " PACKAGE_VERSION "\n");
}

#define FIXTURE_TEST(path, func) \
  g_test_add ("/keyway/cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  FIXTURE_TEST ("forgot-password/json", test_forgot_password_json);
  FIXTURE_TEST ("forgot-password/text", test_forgot_password_text);
  FIXTURE_TEST ("confirm-reads-stdin", test_confirm_reads_stdin);
  FIXTURE_TEST ("service-error", test_service_error);
  g_test_add_func ("/keyway/cli/usage-errors", test_usage_errors);
  FIXTURE_TEST ("password-never-in-argv", test_password_never_in_argv);
  FIXTURE_TEST ("parameter-validation", test_parameter_validation);
  g_test_add_func ("/keyway/cli/network-errors", test_network_errors);
  FIXTURE_TEST ("admin/get-user", test_admin_get_user);
  FIXTURE_TEST ("admin/needs-credentials", test_admin_needs_credentials);
  FIXTURE_TEST ("admin/list-users", test_list_users);
  FIXTURE_TEST ("admin/set-password", test_admin_set_password);
  FIXTURE_TEST ("debug-has-no-secrets", test_debug_has_no_secrets);
  FIXTURE_TEST ("config-files", test_config_files);
  g_test_add_func ("/keyway/cli/version", test_version);

  return g_test_run ();
}
