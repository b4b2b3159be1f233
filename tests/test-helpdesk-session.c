/* test-helpdesk-session.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Signing in to the helpdesk: the session from each credentials source,
 * what it shows of the keys, and the connection with another source. */

#include "config.h"

#include "kw-helpdesk-session.h"
#include "kw-memory-secret-store.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <string.h>

#define ACCESS_KEY "AKIASESSIONTEST00042"
#define SECRET_KEY "sEsSiOn/TeSt/SeCrEt/KeY/0123456789abcdef"
#define SESSION_TOKEN "session-token-of-the-tests"

typedef struct
{
  KwFakeCognito *fake;
  KwSecretStore *secrets;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->fake = kw_test_fake_new ();
  fixture->secrets = kw_memory_secret_store_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->fake);
  g_clear_object (&fixture->secrets);
}

static KwConnection *
create_connection (Fixture             *fixture,
                   KwCredentialsSource  source,
                   const char          *aws_profile,
                   const char          *access_key_id)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_object_new (KW_TYPE_CONNECTION,
                             "id", "helpdesk",
                             "name", "Helpdesk",
                             "region", "us-east-1",
                             "client-id", TEST_CLIENT,
                             "user-pool-id", TEST_POOL,
                             "endpoint-url", kw_fake_cognito_get_url (fixture->fake),
                             "password-policy", policy,
                             "credentials-source", source,
                             "aws-profile", aws_profile,
                             "access-key-id", access_key_id,
                             NULL);
  g_assert_true (kw_connection_validate (connection, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&connection);
}

static KwHelpdeskSession *
sign_in (Fixture       *fixture,
         KwConnection  *connection,
         char         **envp,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_helpdesk_session_new_async (connection, fixture->secrets, NULL,
                                 (const char * const *) envp, NULL,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_helpdesk_session_new_finish (result, error);
}

/* The helpdesk of @session finds jane: its client signs as the fake
 * expects. */
static void
assert_signs (KwHelpdeskSession *session)
{
  KwHelpdesk *helpdesk = kw_helpdesk_session_get_helpdesk (session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  kw_helpdesk_lookup_async (helpdesk, "jane", NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  users = kw_helpdesk_lookup_finish (helpdesk, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
}

static void
test_environment (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KwConnection) connection =
    create_connection (fixture, KW_CREDENTIALS_SOURCE_ENVIRONMENT, NULL, NULL);
  g_autoptr(KwHelpdeskSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;

  kw_fake_cognito_add_credentials (fixture->fake, ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
  envp = g_environ_setenv (NULL, "AWS_ACCESS_KEY_ID", ACCESS_KEY, TRUE);
  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", SECRET_KEY, TRUE);
  envp = g_environ_setenv (envp, "AWS_SESSION_TOKEN", SESSION_TOKEN, TRUE);

  session = sign_in (fixture, connection, envp, &error);
  g_assert_no_error (error);

  g_assert_true (kw_helpdesk_session_get_connection (session) == connection);
  g_assert_cmpstr (kw_helpdesk_session_get_masked_key_id (session), ==, "****************0042");
  g_assert_cmpint (kw_helpdesk_session_get_credentials_source (session), ==,
                   KW_CREDENTIALS_SOURCE_ENVIRONMENT);
  g_assert_null (kw_helpdesk_session_get_aws_profile (session));
  g_assert_true (kw_helpdesk_session_get_temporary (session));
  g_assert_cmpstr (kw_helpdesk_get_user_pool_id (kw_helpdesk_session_get_helpdesk (session)), ==,
                   TEST_POOL);
  assert_signs (session);
}

static void
test_environment_missing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KwConnection) connection =
    create_connection (fixture, KW_CREDENTIALS_SOURCE_ENVIRONMENT, NULL, NULL);
  g_autoptr(KwHelpdeskSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (NULL, "AWS_SESSION_TOKEN", "", TRUE);

  session = sign_in (fixture, connection, envp, &error);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_assert_null (session);
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KwConnection) connection =
    create_connection (fixture, KW_CREDENTIALS_SOURCE_PROFILE, "helpdesk", NULL);
  g_autoptr(KwHelpdeskSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "credentials", NULL);
  g_auto(GStrv) envp = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (path,
                       "[helpdesk]\n"
                       "aws_access_key_id = " ACCESS_KEY "\n"
                       "aws_secret_access_key = " SECRET_KEY "\n", -1, &error);
  g_assert_no_error (error);
  kw_fake_cognito_add_credentials (fixture->fake, ACCESS_KEY, SECRET_KEY, NULL);
  envp = g_environ_setenv (NULL, "AWS_SHARED_CREDENTIALS_FILE", path, TRUE);
  envp = g_environ_setenv (envp, "AWS_CONFIG_FILE", "/nonexistent/keyway/config", TRUE);

  session = sign_in (fixture, connection, envp, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (kw_helpdesk_session_get_masked_key_id (session), ==, "****************0042");
  g_assert_cmpint (kw_helpdesk_session_get_credentials_source (session), ==,
                   KW_CREDENTIALS_SOURCE_PROFILE);
  g_assert_cmpstr (kw_helpdesk_session_get_aws_profile (session), ==, "helpdesk");
  g_assert_false (kw_helpdesk_session_get_temporary (session));
  assert_signs (session);
}

static void
store_keys (Fixture    *fixture,
            const char *token)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new (ACCESS_KEY, SECRET_KEY, token, "keyring");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_aws_keys ("helpdesk", ACCESS_KEY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *encoded = kw_secret_encode_aws_keys (credentials);

  kw_secret_store_store_async (fixture->secrets, KW_SECRET_KIND_AWS_KEYS, attributes,
                               "Helpdesk keys", encoded, NULL, kw_test_store_result_cb, &result);
  kw_secret_free (encoded);
  kw_test_wait_result (&result);
  g_assert_true (kw_secret_store_store_finish (fixture->secrets, result, &error));
  g_assert_no_error (error);
}

static void
test_keyring (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KwConnection) connection =
    create_connection (fixture, KW_CREDENTIALS_SOURCE_KEYRING, NULL, ACCESS_KEY);
  g_autoptr(KwHelpdeskSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* No keys stored yet. */
  session = sign_in (fixture, connection, NULL, &error);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_assert_null (session);
  g_clear_error (&error);

  kw_fake_cognito_add_credentials (fixture->fake, ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
  store_keys (fixture, SESSION_TOKEN);

  session = sign_in (fixture, connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kw_helpdesk_session_get_credentials_source (session), ==,
                   KW_CREDENTIALS_SOURCE_KEYRING);
  g_assert_true (kw_helpdesk_session_get_temporary (session));
  g_assert_null (strstr (kw_helpdesk_session_get_masked_key_id (session), "AKIA"));
  assert_signs (session);
}

static void
test_connection_with_credentials (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(KwConnection) connection =
    create_connection (fixture, KW_CREDENTIALS_SOURCE_PROFILE, "helpdesk", NULL);
  g_autoptr(KwConnection) keyring = NULL;
  g_autoptr(KwConnection) environment = NULL;
  g_autoptr(GError) error = NULL;

  /* Another source's fields are dropped, this one's kept. */
  keyring = kw_helpdesk_connection_with_credentials (connection, KW_CREDENTIALS_SOURCE_KEYRING,
                                                     "helpdesk", ACCESS_KEY);
  g_assert_true (kw_connection_validate (keyring, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_connection_get_credentials_source (keyring), ==,
                   KW_CREDENTIALS_SOURCE_KEYRING);
  g_assert_null (kw_connection_get_aws_profile (keyring));
  g_assert_cmpstr (kw_connection_get_access_key_id (keyring), ==, ACCESS_KEY);

  environment = kw_helpdesk_connection_with_credentials (keyring,
                                                         KW_CREDENTIALS_SOURCE_ENVIRONMENT,
                                                         NULL, ACCESS_KEY);
  g_assert_true (kw_connection_validate (environment, &error));
  g_assert_no_error (error);
  g_assert_null (kw_connection_get_access_key_id (environment));

  /* Everything else as it was. */
  g_assert_cmpstr (kw_connection_get_id (environment), ==, "helpdesk");
  g_assert_cmpstr (kw_connection_get_name (environment), ==, "Helpdesk");
  g_assert_cmpstr (kw_connection_get_user_pool_id (environment), ==, TEST_POOL);
  g_assert_cmpstr (kw_connection_get_endpoint_url (environment), ==,
                   kw_fake_cognito_get_url (fixture->fake));
  g_assert_cmpint (kw_connection_get_origin (environment), ==,
                   kw_connection_get_origin (connection));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/keyway/helpdesk-session/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("environment", test_environment);
  ADD ("environment-missing", test_environment_missing);
  ADD ("profile", test_profile);
  ADD ("keyring", test_keyring);
  ADD ("connection-with-credentials", test_connection_with_credentials);

#undef ADD

  return g_test_run ();
}
