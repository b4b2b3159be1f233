/* test-cli-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-fake-cognito.h"
#include "kw-libsecret-store.h"
#include "kw-test-cli.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* Connections and secrets. This binary runs in a D-Bus session of its own
 * with an unlocked gnome-keyring-daemon (keyring-session.sh), shared by all
 * its tests, so each test starts by removing the items tests store. */

/* Connections check access key ids as AWS forms them (16 characters or
 * more), which the fake's default one is not. */
#define KEYRING_ACCESS_KEY "AKIAIOSFODNN7EXAMPLE"

static const char * const no_keyring_env[] = {
  "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/keyway-test-bus",
  NULL
};

static char *
keyring_lookup (KwSecretKind  kind,
                GHashTable   *attributes)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  kw_secret_store_lookup_async (secrets, kind, attributes, NULL, kw_test_store_result_cb,
                                &result);
  kw_test_wait_result (&result);
  secret = kw_secret_store_lookup_finish (secrets, result, &error);
  g_assert_no_error (error);

  return secret;
}

static void
keyring_clear (KwSecretKind  kind,
               GHashTable   *attributes)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_secret_store_clear_async (secrets, kind, attributes, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  kw_secret_store_clear_finish (secrets, result, &error);
  g_assert_no_error (error);
}

/* The client secret item of one of the fake's clients. */
static char *
lookup_client_secret (const char *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1", client_id);

  return keyring_lookup (KW_SECRET_KIND_CLIENT_SECRET, attributes);
}

static void
connection_setup (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) secret_client = kw_secret_attributes_for_client ("us-east-1",
                                                                         TEST_SECRET_CLIENT);
  g_autoptr(GHashTable) aws_keys = kw_secret_attributes_for_aws_keys ("keys",
                                                                     KEYRING_ACCESS_KEY);

  fixture_setup (fixture, data);
  keyring_clear (KW_SECRET_KIND_CLIENT_SECRET, secret_client);
  keyring_clear (KW_SECRET_KIND_AWS_KEYS, aws_keys);
}

/* Saves a connection to the fake's pool, with no secret. */
static void
add_connection (Fixture    *fixture,
                const char *id,
                const char *client_id)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "connection", "add", "--id", id,
                                      "--name", "Test pool", "--region", "us-east-1",
                                      "--client-id", client_id, "--user-pool-id", TEST_POOL,
                                      "--endpoint-url", fixture->url, NULL);

  g_assert_cmpstr (cli->err, ==, "");
  g_assert_cmpint (cli->status, ==, 0);
}

static guint
count_connections (void)
{
  g_autoptr(CliResult) cli = run_cli (NULL, NULL, "--output", "text", "connection", "list", NULL);
  guint lines = 0;

  g_assert_cmpint (cli->status, ==, 0);
  for (const char *c = cli->out; *c != '\0'; c++)
    lines += *c == '\n';

  return lines;
}

static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return kw_test_file_contains (path, needle);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (tree_contains (child, needle))
        return TRUE;
    }

  return FALSE;
}

/* Every folder of this test's own (HOME, the XDG folders, @tmp) is free of
 * @secret; the connections file is among them and exists. */
static void
assert_no_file_holds (const char *secret,
                      const char *tmp)
{
  g_autofree char *connections = g_build_filename (g_get_user_config_dir (), "keyway",
                                                   "connections.ini", NULL);
  const char * const roots[] = {
    g_get_home_dir (), g_get_user_config_dir (), g_get_user_data_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
    g_get_system_config_dirs ()[0], tmp,
  };

  g_assert_true (g_file_test (connections, G_FILE_TEST_IS_REGULAR));
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      if (roots[i] != NULL && tree_contains (roots[i], secret))
        g_error ("A file under %s holds the secret", roots[i]);
    }
}

static void
test_connection_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *file = g_build_filename (g_get_user_config_dir (), "keyway",
                                            "connections.ini", NULL);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(CliResult) list_text = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) replaced = NULL;
  g_autoptr(CliResult) removed = NULL;
  g_autoptr(CliResult) empty = NULL;
  g_autoptr(CliResult) gone = NULL;
  GStatBuf st;

  add_connection (fixture, "demo", TEST_CLIENT);

  list = run_cli (NULL, NULL, "connection", "list", NULL);
  json = g_strdup_printf ("{\n"
                          "    \"Connections\": [\n"
                          "        {\n"
                          "            \"Id\": \"demo\",\n"
                          "            \"Name\": \"Test pool\",\n"
                          "            \"Region\": \"us-east-1\",\n"
                          "            \"ClientId\": \"testclient\",\n"
                          "            \"UserPoolId\": \"us-east-1_TestPool1\",\n"
                          "            \"EndpointUrl\": \"%s\",\n"
                          "            \"HasClientSecret\": false,\n"
                          "            \"Origin\": \"user\"\n"
                          "        }\n"
                          "    ]\n"
                          "}\n", fixture->url);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpstr (list->out, ==, json);

  list_text = run_cli (NULL, NULL, "--output", "text", "connection", "list", NULL);
  text = g_strdup_printf ("CONNECTIONS\ttestclient\t%s\tFalse\tdemo\tTest pool\tuser\tus-east-1\t"
                          "us-east-1_TestPool1\n", fixture->url);
  g_assert_cmpstr (list_text->out, ==, text);

  show = run_cli (NULL, NULL, "connection", "show", "--connection", "demo", NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_true (g_str_has_prefix (show->out, "{\n    \"Connection\": {\n"));
  g_assert_nonnull (strstr (show->out, "\"ClientSecretStored\": false,"));
  g_assert_nonnull (strstr (show->out, "\"PasswordPolicy\": {\n            \"MinimumLength\": 8,"));
  g_assert_nonnull (strstr (show->out, "\"CredentialsSource\": \"none\","));
  g_assert_nonnull (strstr (show->out, "\"AwsProfile\": null,"));

  /* The file is the person's own: nobody else may read it. */
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = run_cli (NULL, NULL, "connection", "add", "--id", "demo", "--name", "Other",
                   "--region", "us-east-1", "--client-id", TEST_CLIENT, NULL);
  g_assert_cmpint (again->status, ==, 255);
  g_assert_cmpstr (again->err, ==, "There is already a connection 'demo'. "
                                   "Use --replace to replace it.\n");

  replaced = run_cli (NULL, NULL, "connection", "add", "--id", "demo", "--name", "Renamed",
                      "--region", "us-east-1", "--client-id", TEST_CLIENT,
                      "--password-minimum-length", "12", "--replace", NULL);
  g_assert_cmpint (replaced->status, ==, 0);
  g_clear_pointer (&show, cli_result_free);
  show = run_cli (NULL, NULL, "connection", "show", "--connection", "Renamed", NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_nonnull (strstr (show->out, "\"MinimumLength\": 12,"));
  g_assert_nonnull (strstr (show->out, "\"EndpointUrl\": null,"));

  removed = run_cli (NULL, NULL, "connection", "remove", "--connection", "demo", NULL);
  g_assert_cmpint (removed->status, ==, 0);
  g_assert_cmpstr (removed->out, ==, "");

  empty = run_cli (NULL, NULL, "connection", "list", NULL);
  g_assert_cmpstr (empty->out, ==, "{\n    \"Connections\": []\n}\n");

  gone = run_cli (NULL, NULL, "connection", "remove", "--connection", "demo", NULL);
  g_assert_cmpint (gone->status, ==, 252);
  g_assert_nonnull (strstr (gone->err, "there is no connection 'demo': none is saved yet"));
}

static void
test_connection_add_usage (Fixture       *fixture,
                           gconstpointer  data)
{
  struct {
    const char *args[4];
    const char *expected;
  } cases[] = {
    { { NULL }, "required: --region" },
    { { "--region", "moon" }, "Region" },
    { { "--region", "us-east-1", "--password-minimum-length", "5" }, "from 6 to 99" },
    { { "--region", "us-east-1", "--password-require-symbols", "maybe" },
      "expected true or false, not 'maybe'" },
    { { "--region", "us-east-1", "--prevent-user-existence-errors", "yes" },
      "expected true or false" },
    { { "--region", "us-east-1", "--credentials-source", "sso" }, "invalid choice: 'sso'" },
    { { "--region", "us-east-1", "--aws-profile", "helpdesk" }, "UserPoolId" },
  };
  g_autoptr(CliResult) no_secret = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliResult) cli = NULL;

      cli = run_cli (NULL, NULL, "connection", "add", "--id", "demo", "--name", "Demo",
                     "--client-id", TEST_CLIENT, cases[i].args[0], cases[i].args[1],
                     cases[i].args[2], cases[i].args[3], NULL);

      g_assert_cmpint (cli->status, ==, 252);
      g_assert_nonnull (strstr (cli->err, "usage: keyway-cli [global options] connection add"));
      g_assert_nonnull (strstr (cli->err, cases[i].expected));
    }

  /* Asked for a secret, given none: nothing is saved. */
  no_secret = run_cli (NULL, "", "connection", "add", "--id", "demo", "--name", "Demo",
                       "--region", "us-east-1", "--client-id", TEST_SECRET_CLIENT,
                       "--with-client-secret", NULL);
  g_assert_cmpint (no_secret->status, ==, 252);
  g_assert_nonnull (strstr (no_secret->err, "No client secret was given"));
  g_assert_cmpuint (count_connections (), ==, 0);
}

static char *
write_keyway_file (const char *dir,
                   const char *name,
                   const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_connection_import_secret (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("keyway-cli-XXXXXX", NULL);
  g_autofree char *contents = g_strdup_printf ("[Connection]\n"
                                               "Id=imported\n"
                                               "Name=Imported pool\n"
                                               "Region=us-east-1\n"
                                               "ClientId=" TEST_SECRET_CLIENT "\n"
                                               "UserPoolId=" TEST_POOL "\n"
                                               "EndpointUrl=%s\n"
                                               "ClientSecret=" TEST_CLIENT_SECRET "\n"
                                               "Colour=blue\n", fixture->url);
  g_autofree char *source = write_keyway_file (tmp, "imported.keyway", contents);
  g_autofree char *exported = g_build_filename (tmp, "exported.keyway", NULL);
  g_autofree char *stored = NULL;
  g_autoptr(CliResult) import = NULL;
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) export = NULL;
  g_autoptr(CliResult) export_file = NULL;
  KwFakeRequest *request;

  import = run_cli (NULL, NULL, "connection", "import", "--file", source, NULL);
  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "\"Id\": \"imported\""));
  g_assert_nonnull (strstr (import->out, "\"HasClientSecret\": true,"));
  g_assert_nonnull (strstr (import->out, "\"ClientSecretStored\": true,"));
  g_assert_null (strstr (import->out, TEST_CLIENT_SECRET));
  /* Unknown keys are named, and otherwise ignored. */
  g_assert_nonnull (strstr (import->err, "Colour"));

  stored = lookup_client_secret (TEST_SECRET_CLIENT);
  g_assert_cmpstr (stored, ==, TEST_CLIENT_SECRET);
  g_unlink (source);
  assert_no_file_holds (TEST_CLIENT_SECRET, tmp);

  /* The fake checks SECRET_HASH, which needs the secret from the keyring. */
  forgot = run_cli (NULL, NULL, "forgot-password", "--connection", "imported",
                    "--username", "jane", NULL);
  g_assert_cmpstr (forgot->err, ==, "");
  g_assert_cmpint (forgot->status, ==, 0);
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), "\"SecretHash\""));

  export = run_cli (NULL, NULL, "connection", "export", "--connection", "imported", NULL);
  g_assert_cmpint (export->status, ==, 0);
  g_assert_nonnull (strstr (export->out, "[Connection]\n"));
  g_assert_nonnull (strstr (export->out, "ClientId=" TEST_SECRET_CLIENT "\n"));
  g_assert_nonnull (strstr (export->out, "HasClientSecret=true\n"));
  g_assert_null (strstr (export->out, "\nClientSecret="));
  g_assert_null (strstr (export->out, TEST_CLIENT_SECRET));

  export_file = run_cli (NULL, NULL, "connection", "export", "--connection", "imported",
                         "--file", exported, NULL);
  g_assert_cmpint (export_file->status, ==, 0);
  g_assert_cmpstr (export_file->out, ==, "");
  g_assert_true (kw_test_file_contains (exported, "Id=imported\n"));
  assert_no_file_holds (TEST_CLIENT_SECRET, tmp);

  g_unlink (exported);
  g_rmdir (tmp);
}

static void
test_connection_import_malformed (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("keyway-cli-XXXXXX", NULL);
  g_autofree char *bad_region = write_keyway_file (tmp, "bad-region.keyway",
                                                   "[Connection]\nId=broken\nName=Broken\n"
                                                   "Region=moon\nClientId=" TEST_SECRET_CLIENT
                                                   "\nClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autofree char *no_client = write_keyway_file (tmp, "no-client.keyway",
                                                  "[Connection]\nId=broken\nName=Broken\n"
                                                  "Region=us-east-1\n");
  g_autofree char *missing = g_build_filename (tmp, "missing.keyway", NULL);
  g_autofree char *stored = NULL;
  g_autoptr(CliResult) region = NULL;
  g_autoptr(CliResult) client = NULL;
  g_autoptr(CliResult) absent = NULL;

  region = run_cli (NULL, NULL, "connection", "import", "--file", bad_region, NULL);
  g_assert_cmpint (region->status, ==, 255);
  g_assert_cmpstr (region->out, ==, "");
  g_assert_nonnull (strstr (region->err, "bad-region.keyway, line 4"));
  g_assert_nonnull (strstr (region->err, "Region"));
  g_assert_null (strstr (region->err, TEST_CLIENT_SECRET));

  client = run_cli (NULL, NULL, "connection", "import", "--file", no_client, NULL);
  g_assert_cmpint (client->status, ==, 255);
  g_assert_nonnull (strstr (client->err, "no-client.keyway"));
  g_assert_nonnull (strstr (client->err, "ClientId"));

  absent = run_cli (NULL, NULL, "connection", "import", "--file", missing, NULL);
  g_assert_cmpint (absent->status, ==, 255);
  g_assert_nonnull (strstr (absent->err, "missing.keyway"));

  /* Nothing of a refused file is kept: no connection, no secret. */
  g_assert_cmpuint (count_connections (), ==, 0);
  stored = lookup_client_secret (TEST_SECRET_CLIENT);
  g_assert_null (stored);

  g_unlink (bad_region);
  g_unlink (no_client);
  g_rmdir (tmp);
}

static void
test_secret_set_and_clear (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const with_env[] = { "KEYWAY_CLIENT_SECRET=" TEST_CLIENT_SECRET, NULL };
  g_autoptr(CliResult) set = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) clear = NULL;
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) from_env = NULL;
  g_autoptr(CliResult) clear_again = NULL;
  g_autofree char *stored = NULL;

  add_connection (fixture, "sec", TEST_SECRET_CLIENT);

  /* Added without --with-client-secret: storing one says the client has one. */
  set = run_cli (NULL, TEST_CLIENT_SECRET "\n", "secret", "set", "--connection", "sec", NULL);
  g_assert_cmpint (set->status, ==, 0);
  g_assert_cmpstr (set->out, ==, "");
  stored = lookup_client_secret (TEST_SECRET_CLIENT);
  g_assert_cmpstr (stored, ==, TEST_CLIENT_SECRET);

  show = run_cli (NULL, NULL, "connection", "show", "--connection", "sec", NULL);
  g_assert_nonnull (strstr (show->out, "\"HasClientSecret\": true,"));
  g_assert_nonnull (strstr (show->out, "\"ClientSecretStored\": true,"));

  forgot = run_cli (NULL, NULL, "forgot-password", "--connection", "sec", "--username", "jane",
                    NULL);
  g_assert_cmpint (forgot->status, ==, 0);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 1);

  clear = run_cli (NULL, NULL, "secret", "clear", "--connection", "sec", NULL);
  g_assert_cmpint (clear->status, ==, 0);
  g_clear_pointer (&stored, g_free);
  stored = lookup_client_secret (TEST_SECRET_CLIENT);
  g_assert_null (stored);

  refused = run_cli (NULL, NULL, "forgot-password", "--connection", "sec", "--username", "jane",
                     NULL);
  g_assert_cmpint (refused->status, ==, 255);
  g_assert_nonnull (strstr (refused->err, "keyway-cli secret set --connection sec"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 1);

  /* Without the keyring's, the environment's secret does for one command. */
  from_env = run_cli (with_env, NULL, "forgot-password", "--connection", "sec",
                      "--username", "jane", NULL);
  g_assert_cmpint (from_env->status, ==, 0);

  clear_again = run_cli (NULL, NULL, "secret", "clear", "--connection", "sec", NULL);
  g_assert_cmpint (clear_again->status, ==, 0);
}

static void
test_connection_supplies_settings (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) by_name = NULL;
  g_autoptr(CliResult) overridden = NULL;
  g_autoptr(CliResult) bad_region = NULL;
  g_autoptr(CliResult) admin = NULL;
  g_autoptr(CliResult) no_pool = NULL;
  g_autoptr(CliResult) added = NULL;
  KwFakeRequest *request;
  const char *body;

  add_connection (fixture, "demo", TEST_CLIENT);

  /* No --region, --endpoint-url or --client-id: all from the connection. */
  forgot = run_cli (NULL, NULL, "forgot-password", "--connection", "demo", "--username", "sam",
                    NULL);
  g_assert_cmpint (forgot->status, ==, 0);
  g_assert_nonnull (strstr (forgot->out, "\"Destination\": \"+*******0123\""));

  by_name = run_cli (NULL, NULL, "--connection", "Test pool", "forgot-password",
                     "--username", "jane", NULL);
  g_assert_cmpint (by_name->status, ==, 0);

  /* An option given explicitly wins over the connection's value. */
  overridden = run_cli (NULL, NULL, "forgot-password", "--connection", "demo",
                        "--client-id", TEST_HIDDEN_CLIENT, "--username", "jane", NULL);
  g_assert_cmpint (overridden->status, ==, 0);
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 2);
  body = g_bytes_get_data (request->body, NULL);
  g_assert_nonnull (g_strstr_len (body, g_bytes_get_size (request->body),
                                  "\"ClientId\":\"" TEST_HIDDEN_CLIENT "\""));

  bad_region = run_cli (NULL, NULL, "forgot-password", "--connection", "demo",
                        "--region", "moon", "--username", "jane", NULL);
  g_assert_cmpint (bad_region->status, ==, 252);
  g_assert_nonnull (strstr (bad_region->err, "“moon” is not an AWS Region"));

  /* The pool id too; the credentials come from the environment, as without
   * a connection, since this one names no source. */
  admin = run_cli (admin_env, NULL, "admin-get-user", "--connection", "demo",
                   "--username", "jane", NULL);
  g_assert_cmpint (admin->status, ==, 0);
  g_assert_nonnull (strstr (admin->out, "\"Username\": \"jane\""));

  added = run_cli (NULL, NULL, "connection", "add", "--id", "nopool", "--name", "No pool",
                   "--region", "us-east-1", "--client-id", TEST_CLIENT, NULL);
  g_assert_cmpint (added->status, ==, 0);
  no_pool = run_cli (admin_env, NULL, "admin-get-user", "--connection", "nopool",
                     "--username", "jane", NULL);
  g_assert_cmpint (no_pool->status, ==, 252);
  g_assert_nonnull (strstr (no_pool->err, "--user-pool-id (connection 'nopool' has no user "
                                          "pool id)"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 4);
}

/* A helpdesk connection finds its AWS credentials where it says: the
 * environment only, or keys in the keyring. */
static void
test_connection_credentials (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CliResult) add_env = NULL;
  g_autoptr(CliResult) add_keys = NULL;
  g_autoptr(CliResult) env_ok = NULL;
  g_autoptr(CliResult) env_missing = NULL;
  g_autoptr(CliResult) keys_missing = NULL;
  g_autoptr(CliResult) set = NULL;
  g_autoptr(CliResult) keys_ok = NULL;
  g_autoptr(CliResult) wrong_kind = NULL;
  g_autoptr(CliResult) removed = NULL;
  g_autoptr(GHashTable) item = kw_secret_attributes_for_aws_keys ("keys", KEYRING_ACCESS_KEY);
  g_autofree char *stored = NULL;

  kw_fake_cognito_add_credentials (fixture->fake, KEYRING_ACCESS_KEY, TEST_SECRET_KEY, NULL);

  add_env = run_cli (NULL, NULL, "connection", "add", "--id", "desk", "--name", "Desk",
                     "--region", "us-east-1", "--client-id", TEST_CLIENT,
                     "--user-pool-id", TEST_POOL, "--endpoint-url", fixture->url,
                     "--credentials-source", "environment", NULL);
  g_assert_cmpint (add_env->status, ==, 0);
  env_ok = run_cli (admin_env, NULL, "admin-get-user", "--connection", "desk",
                    "--username", "jane", NULL);
  g_assert_cmpint (env_ok->status, ==, 0);
  env_missing = run_cli (NULL, NULL, "admin-get-user", "--connection", "desk",
                         "--username", "jane", NULL);
  g_assert_cmpint (env_missing->status, ==, 255);
  g_assert_nonnull (strstr (env_missing->err, "AWS_ACCESS_KEY_ID"));

  add_keys = run_cli (NULL, NULL, "connection", "add", "--id", "keys", "--name", "Keys",
                      "--region", "us-east-1", "--client-id", TEST_CLIENT,
                      "--user-pool-id", TEST_POOL, "--endpoint-url", fixture->url,
                      "--access-key-id", KEYRING_ACCESS_KEY, NULL);
  g_assert_cmpint (add_keys->status, ==, 0);
  keys_missing = run_cli (admin_env, NULL, "admin-get-user", "--connection", "keys",
                          "--username", "jane", NULL);
  g_assert_cmpint (keys_missing->status, ==, 255);
  g_assert_nonnull (strstr (keys_missing->err, "keyway-cli secret set --connection keys "
                                               "--aws-keys"));

  set = run_cli (NULL, TEST_SECRET_KEY "\n", "secret", "set", "--connection", "keys",
                 "--aws-keys", NULL);
  g_assert_cmpint (set->status, ==, 0);
  stored = keyring_lookup (KW_SECRET_KIND_AWS_KEYS, item);
  g_assert_nonnull (stored);
  keys_ok = run_cli (NULL, NULL, "admin-get-user", "--connection", "keys",
                     "--username", "jane", NULL);
  g_assert_cmpint (keys_ok->status, ==, 0);

  wrong_kind = run_cli (NULL, TEST_SECRET_KEY "\n", "secret", "set", "--connection", "desk",
                        "--aws-keys", NULL);
  g_assert_cmpint (wrong_kind->status, ==, 252);
  g_assert_nonnull (strstr (wrong_kind->err, "not from the keyring"));

  /* Removing the connection takes its keys out of the keyring too. */
  removed = run_cli (NULL, NULL, "connection", "remove", "--connection", "keys", NULL);
  g_assert_cmpint (removed->status, ==, 0);
  g_clear_pointer (&stored, g_free);
  stored = keyring_lookup (KW_SECRET_KIND_AWS_KEYS, item);
  g_assert_null (stored);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 2);
}

static void
test_connection_unknown (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CliResult) none_saved = NULL;
  g_autoptr(CliResult) unknown = NULL;

  none_saved = run_cli (NULL, NULL, "forgot-password", "--connection", "nope",
                        "--username", "jane", NULL);
  g_assert_cmpint (none_saved->status, ==, 252);
  g_assert_nonnull (strstr (none_saved->err, "there is no connection 'nope': none is saved"));

  add_connection (fixture, "demo", TEST_CLIENT);
  add_connection (fixture, "other", TEST_HIDDEN_CLIENT);
  unknown = run_cli (NULL, NULL, "--connection", "nope", "forgot-password",
                     "--username", "jane", NULL);
  g_assert_cmpint (unknown->status, ==, 252);
  g_assert_nonnull (strstr (unknown->err, "usage: keyway-cli [global options] forgot-password"));
  g_assert_nonnull (strstr (unknown->err, "there is no connection 'nope' "
                                          "(known ids: demo, other)"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

/* Options that would carry a secret are refused by name, before anything. */
static void
test_secret_never_in_argv (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *refused[][2] = {
    { "connection", "--client-secret" },
    { "secret", "--secret-access-key" },
    { "secret", "--aws-session-token" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(CliResult) cli = NULL;

      if (g_str_equal (refused[i][0], "connection"))
        cli = run_cli (NULL, NULL, "connection", "add", "--id", "demo", "--name", "Demo",
                       "--region", "us-east-1", "--client-id", TEST_SECRET_CLIENT,
                       refused[i][1], TEST_CLIENT_SECRET, NULL);
      else
        cli = run_cli (NULL, NULL, "secret", "set", "--connection", "demo",
                       refused[i][1], TEST_SECRET_KEY, NULL);

      g_assert_cmpint (cli->status, ==, 252);
      g_assert_nonnull (strstr (cli->err, "is not accepted: anything on the command line can "
                                          "be read by other users"));
      g_assert_nonnull (strstr (cli->err, "standard input"));
      g_assert_null (strstr (cli->err, TEST_CLIENT_SECRET));
      g_assert_null (strstr (cli->err, TEST_SECRET_KEY));
    }

  g_assert_cmpuint (count_connections (), ==, 0);
}

/* Without a Secret Service, nothing that needs the keyring pretends to work,
 * and no secret lands in a file instead. */
static void
test_secret_no_keyring (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("keyway-cli-XXXXXX", NULL);
  const char * const no_keyring_with_env[] = {
    no_keyring_env[0], "KEYWAY_CLIENT_SECRET=" TEST_CLIENT_SECRET, NULL
  };
  g_autoptr(CliResult) set = NULL;
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) from_env = NULL;
  g_autoptr(CliResult) add_secret = NULL;

  add_connection (fixture, "plain", TEST_SECRET_CLIENT);
  set = run_cli (no_keyring_env, TEST_CLIENT_SECRET "\n", "secret", "set",
                 "--connection", "plain", NULL);
  g_assert_cmpint (set->status, ==, 255);
  g_assert_true (g_str_has_prefix (set->err, "No keyring is available"));
  g_assert_nonnull (strstr (set->err, "never writes them to a file"));

  add = run_cli (no_keyring_env, TEST_CLIENT_SECRET "\n", "connection", "add", "--id", "sec",
                 "--name", "Secret", "--region", "us-east-1", "--client-id", TEST_SECRET_CLIENT,
                 "--with-client-secret", NULL);
  g_assert_cmpint (add->status, ==, 255);
  g_assert_true (g_str_has_prefix (add->err, "No keyring is available"));
  g_assert_cmpuint (count_connections (), ==, 1);
  assert_no_file_holds (TEST_CLIENT_SECRET, tmp);

  /* A client with a secret, saved while the keyring is there... */
  add_secret = run_cli (NULL, TEST_CLIENT_SECRET "\n", "connection", "add", "--id", "sec",
                        "--name", "Secret", "--region", "us-east-1",
                        "--client-id", TEST_SECRET_CLIENT, "--endpoint-url", fixture->url,
                        "--with-client-secret", NULL);
  g_assert_cmpint (add_secret->status, ==, 0);

  /* ...then used without it. */
  show = run_cli (no_keyring_env, NULL, "connection", "show", "--connection", "sec", NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_nonnull (strstr (show->out, "\"ClientSecretStored\": null,"));

  forgot = run_cli (no_keyring_env, NULL, "forgot-password", "--connection", "sec",
                    "--username", "jane", NULL);
  g_assert_cmpint (forgot->status, ==, 255);
  g_assert_true (g_str_has_prefix (forgot->err, "No keyring could give the client secret of "
                                                "connection 'sec'"));
  g_assert_nonnull (strstr (forgot->err, "keyway-cli secret set --connection sec"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);

  from_env = run_cli (no_keyring_with_env, NULL, "forgot-password", "--connection", "sec",
                      "--username", "jane", NULL);
  g_assert_cmpint (from_env->status, ==, 0);

  g_rmdir (tmp);
}

static void
test_connection_debug_has_no_secrets (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("keyway-cli-XXXXXX", NULL);
  g_autofree char *contents = g_strdup_printf ("[Connection]\nId=sec\nName=Secret\n"
                                               "Region=us-east-1\nClientId=" TEST_SECRET_CLIENT
                                               "\nUserPoolId=" TEST_POOL "\nEndpointUrl=%s\n"
                                               "CredentialsSource=keyring\n"
                                               "AccessKeyId=" KEYRING_ACCESS_KEY "\n"
                                               "ClientSecret=" TEST_CLIENT_SECRET "\n",
                                               fixture->url);
  g_autofree char *source = write_keyway_file (tmp, "sec.keyway", contents);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) cli_result_free);
  g_autoptr(GHashTable) item = kw_secret_attributes_for_aws_keys ("sec", KEYRING_ACCESS_KEY);

  g_ptr_array_add (runs, run_cli (NULL, NULL, "--debug", "connection", "import",
                                  "--file", source, NULL));
  g_ptr_array_add (runs, run_cli (NULL, TEST_CLIENT_SECRET "\n", "--debug", "secret", "set",
                                  "--connection", "sec", NULL));
  g_ptr_array_add (runs, run_cli (NULL, TEST_SECRET_KEY "\nsession-token-never-logged\n",
                                  "--debug", "secret", "set", "--connection", "sec",
                                  "--aws-keys", NULL));
  g_ptr_array_add (runs, run_cli (NULL, NULL, "--debug", "forgot-password",
                                  "--connection", "sec", "--username", "jane", NULL));
  g_ptr_array_add (runs, run_cli (NULL, NULL, "--debug", "connection", "show",
                                  "--connection", "sec", NULL));
  g_ptr_array_add (runs, run_cli (NULL, NULL, "--debug", "connection", "export",
                                  "--connection", "sec", NULL));
  g_ptr_array_add (runs, run_cli (NULL, NULL, "--debug", "connection", "remove",
                                  "--connection", "sec", NULL));

  for (guint i = 0; i < runs->len; i++)
    {
      CliResult *cli = g_ptr_array_index (runs, i);

      g_assert_cmpint (cli->status, ==, 0);
      g_assert_nonnull (strstr (cli->err, "keyway-cli: debug: Connections file "));
      g_assert_null (strstr (cli->err, TEST_CLIENT_SECRET));
      g_assert_null (strstr (cli->err, TEST_SECRET_KEY));
      g_assert_null (strstr (cli->err, "session-token-never-logged"));
      g_assert_null (strstr (cli->out, TEST_CLIENT_SECRET));
      g_assert_null (strstr (cli->out, TEST_SECRET_KEY));
    }

  /* The AWS keys went where the remove found them. */
  g_assert_null (keyring_lookup (KW_SECRET_KIND_AWS_KEYS, item));

  g_unlink (source);
  g_rmdir (tmp);
}

/* System-wide connections: listed, usable, never changed by a person. */
static void
test_connection_system (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *user_file = g_build_filename (g_get_user_config_dir (), "keyway",
                                                 "connections.ini", NULL);
  g_autofree char *system_dir = g_build_filename (g_get_system_config_dirs ()[0], "keyway",
                                                  NULL);
  g_autofree char *system_file = g_build_filename (system_dir, "connections.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(CliResult) remove_user = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(CliResult) forgot = NULL;
  g_autoptr(CliResult) remove_system = NULL;
  g_autoptr(CliResult) replace = NULL;
  g_autoptr(CliResult) set = NULL;

  /* The administrator's file is written the way Keyway writes its own. */
  add_connection (fixture, "corp", TEST_CLIENT);
  g_assert_true (g_file_get_contents (user_file, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (system_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (system_file, contents, -1, NULL));
  remove_user = run_cli (NULL, NULL, "connection", "remove", "--connection", "corp", NULL);
  g_assert_cmpint (remove_user->status, ==, 0);

  list = run_cli (NULL, NULL, "connection", "list", NULL);
  g_assert_nonnull (strstr (list->out, "\"Id\": \"corp\""));
  g_assert_nonnull (strstr (list->out, "\"Origin\": \"system\""));

  forgot = run_cli (NULL, NULL, "forgot-password", "--connection", "corp",
                    "--username", "jane", NULL);
  g_assert_cmpint (forgot->status, ==, 0);

  remove_system = run_cli (NULL, NULL, "connection", "remove", "--connection", "corp", NULL);
  g_assert_cmpint (remove_system->status, ==, 255);
  g_assert_nonnull (strstr (remove_system->err, "managed by the administrator"));

  replace = run_cli (NULL, NULL, "connection", "add", "--id", "corp", "--name", "Mine",
                     "--region", "us-east-1", "--client-id", TEST_CLIENT, "--replace", NULL);
  g_assert_cmpint (replace->status, ==, 255);
  g_assert_nonnull (strstr (replace->err, "cannot be replaced"));

  set = run_cli (NULL, TEST_CLIENT_SECRET "\n", "secret", "set", "--connection", "corp", NULL);
  g_assert_cmpint (set->status, ==, 252);
  g_assert_nonnull (strstr (set->err, "is system-wide and its app client has no secret"));

  g_assert_true (kw_test_file_contains (system_file, "[corp]"));
  g_unlink (system_file);
}

static void
test_connection_help (void)
{
  g_autoptr(CliResult) help = run_cli (NULL, NULL, "help", NULL);
  g_autoptr(CliResult) add_help = run_cli (NULL, NULL, "connection", "add", "help", NULL);
  g_autoptr(CliResult) group = run_cli (NULL, NULL, "connection", NULL);
  g_autoptr(CliResult) unknown = run_cli (NULL, NULL, "secret", "forget", NULL);
  g_autoptr(CliResult) no_name = run_cli (NULL, NULL, "connection", "show", NULL);
  g_autoptr(CliResult) extra = run_cli (NULL, NULL, "connection", "list", "more", NULL);

  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "\n  connection import           Save the connection "
                                       "of a .keyway file\n"));
  g_assert_nonnull (strstr (help->out, "\n  secret set "));
  g_assert_nonnull (strstr (help->out, "[--connection NAME]"));
  g_assert_nonnull (strstr (help->out, "Options given on the command line win over\n"
                                       "the connection's values."));

  g_assert_cmpint (add_help->status, ==, 0);
  g_assert_true (g_str_has_prefix (add_help->out, "usage: keyway-cli [global options] "
                                                  "connection add --id ID"));
  g_assert_nonnull (strstr (add_help->out, "never accepted on the command line"));

  g_assert_cmpint (group->status, ==, 252);
  g_assert_nonnull (strstr (group->err, "\n  connection list "));
  g_assert_nonnull (strstr (group->err, "required: operation"));

  g_assert_cmpint (unknown->status, ==, 252);
  g_assert_nonnull (strstr (unknown->err, "argument operation: invalid choice: 'forget'"));
  g_assert_nonnull (strstr (unknown->err, "\n  secret clear "));

  g_assert_cmpint (no_name->status, ==, 252);
  g_assert_nonnull (strstr (no_name->err, "required: --connection"));

  g_assert_cmpint (extra->status, ==, 252);
  g_assert_nonnull (strstr (extra->err, "unexpected argument 'more'"));
}

#define CONNECTION_TEST(path, func) \
  g_test_add ("/keyway/cli/" path, Fixture, NULL, connection_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  CONNECTION_TEST ("connection/round-trip", test_connection_round_trip);
  CONNECTION_TEST ("connection/add-usage", test_connection_add_usage);
  CONNECTION_TEST ("connection/import-secret", test_connection_import_secret);
  CONNECTION_TEST ("connection/import-malformed", test_connection_import_malformed);
  CONNECTION_TEST ("connection/supplies-settings", test_connection_supplies_settings);
  CONNECTION_TEST ("connection/credentials", test_connection_credentials);
  CONNECTION_TEST ("connection/unknown", test_connection_unknown);
  CONNECTION_TEST ("connection/system", test_connection_system);
  CONNECTION_TEST ("connection/debug-has-no-secrets", test_connection_debug_has_no_secrets);
  g_test_add_func ("/keyway/cli/connection/help", test_connection_help);
  CONNECTION_TEST ("secret/set-and-clear", test_secret_set_and_clear);
  CONNECTION_TEST ("secret/never-in-argv", test_secret_never_in_argv);
  CONNECTION_TEST ("secret/no-keyring", test_secret_no_keyring);

  return g_test_run ();
}
