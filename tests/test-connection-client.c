/* test-connection-client.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clients a connection configures: endpoint, client secret and AWS
 * credentials from each source. */

#include "config.h"

#include "kw-aws-config.h"
#include "kw-connection-client.h"
#include "kw-libsecret-store.h"
#include "kw-memory-secret-store.h"
#include "kw-test-connection.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <string.h>

#define KEYRING_SECRET_KEY "keywayKeyringSecretKey/0123456789abcdef"

typedef struct
{
  KwFakeCognito *fake;
  KwSecretStore *secrets;
  char         **envp;
} ClientFixture;

static void
client_set_up (ClientFixture *fixture,
               gconstpointer  data)
{
  fixture->fake = kw_test_fake_new ();
  kw_fake_cognito_add_credentials (fixture->fake, KEYRING_ACCESS_KEY, KEYRING_SECRET_KEY, NULL);
  fixture->secrets = kw_memory_secret_store_new ();
  fixture->envp = g_environ_setenv (NULL, "HOME", g_get_home_dir (), TRUE);
}

static void
client_tear_down (ClientFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->fake);
  g_clear_object (&fixture->secrets);
  g_strfreev (fixture->envp);
}

static KwConnection *
fake_connection (ClientFixture *fixture,
                 const char    *client_id,
                 const char    *extra)
{
  g_autofree char *text = g_strdup_printf ("[Connection]\nId=fake\nName=Fake pool\n"
                                           "Region=us-east-1\nClientId=%s\nEndpointUrl=%s\n"
                                           "UserPoolId=" TEST_POOL "\n%s",
                                           client_id, kw_fake_cognito_get_url (fixture->fake),
                                           extra != NULL ? extra : "");

  return kw_test_parse_ok (text);
}

static KwCognitoClient *
create_client (ClientFixture          *fixture,
               KwConnection           *connection,
               KwSecretStore          *secrets,
               const KwClientOptions  *options,
               char                  **actor,
               GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_create_client_async (connection, secrets, options, NULL,
                                     kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_create_client_finish (result, actor, error);
}

static void
assert_forgot_password_works (KwCognitoClient *client)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  details = kw_test_forgot_password (client, "jane", &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);
}

static void
assert_admin_get_user_works (KwCognitoClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KwCognitoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  kw_cognito_client_admin_get_user_async (client, TEST_POOL, "jane", NULL,
                                          kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  user = kw_cognito_client_admin_get_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->username, ==, "jane");
}

static void
test_client_without_secret (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT, NULL);
  g_autoptr(KwConnection) public = kw_test_parse_ok (MINIMAL_FILE ("public", "Public"));
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwCognitoClient) regional = NULL;
  g_autoptr(GError) error = NULL;
  char *actor = (char *) "unset";

  client = create_client (fixture, connection, NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  g_assert_null (actor);
  g_assert_cmpstr (kw_cognito_client_get_endpoint (client), ==,
                   kw_fake_cognito_get_url (fixture->fake));
  g_assert_false (kw_cognito_client_has_client_secret (client));
  assert_forgot_password_works (client);

  /* Without an override, the region's own endpoint. */
  regional = create_client (fixture, public, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_cognito_client_get_endpoint (regional), ==,
                   "https://cognito-idp.us-east-1.amazonaws.com");
}

static void
test_client_keyring_secret (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1",
                                                                      TEST_SECRET_CLIENT);
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  kw_test_secret_store (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_CLIENT_SECRET);

  client = create_client (fixture, connection, secrets, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kw_cognito_client_has_client_secret (client));
  assert_forgot_password_works (client);
}

static void
test_client_secret_missing (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = create_client (fixture, connection, fixture->secrets, NULL, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING);
  g_assert_nonnull (strstr (error->message, "Fake pool"));
  g_assert_nonnull (strstr (error->message, "secret"));
  g_clear_error (&error);

  client = create_client (fixture, connection, NULL, NULL, NULL, &error);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING);
  g_clear_error (&error);

  /* A keyring that cannot be asked is not a missing secret. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (fixture->secrets),
                                      KW_SECRET_ERROR_LOCKED);
  client = create_client (fixture, connection, fixture->secrets, NULL, NULL, &error);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
}

static void
test_client_explicit_secret (ClientFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1",
                                                                      TEST_SECRET_CLIENT);
  KwClientOptions options = { TEST_CLIENT_SECRET, FALSE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* The keyring's secret is wrong; the one given wins. */
  kw_test_secret_store (fixture->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                        "wrongSecretForThisClient0123456789");

  client = create_client (fixture, connection, fixture->secrets, &options, NULL, &error);
  g_assert_no_error (error);
  assert_forgot_password_works (client);
}

static void
test_client_profile (ClientFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *config = g_build_filename (g_get_home_dir (), ".aws", "config", NULL);
  g_autofree char *credentials = g_build_filename (g_get_home_dir (), ".aws", "credentials",
                                                   NULL);
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=profile\n"
                                                        "AwsProfile=helpdesk\n");
  g_autoptr(KwConnection) keyless = fake_connection (fixture, TEST_CLIENT,
                                                     "CredentialsSource=profile\n"
                                                     "AwsProfile=keyless\n");
  g_autoptr(KwConnection) unknown = fake_connection (fixture, TEST_CLIENT,
                                                     "CredentialsSource=profile\n"
                                                     "AwsProfile=nobody\n");
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;

  g_free (kw_test_write_text (config, "[profile helpdesk]\nregion = us-east-1\n"
                                      "[profile keyless]\nregion = us-east-1\n"));
  g_free (kw_test_write_text (credentials, "[helpdesk]\naws_access_key_id = " TEST_ACCESS_KEY "\n"
                                           "aws_secret_access_key = " TEST_SECRET_KEY "\n"));
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CONFIG_FILE", config, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SHARED_CREDENTIALS_FILE", credentials,
                                    TRUE);
  /* A profile named by the connection wins over the environment's keys. */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ACCESS_KEY_ID", KEYRING_ACCESS_KEY, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SECRET_ACCESS_KEY", "ignored", TRUE);
  options.envp = (const char * const *) fixture->envp;

  client = create_client (fixture, connection, NULL, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, TEST_ACCESS_KEY " (profile helpdesk)");
  assert_admin_get_user_works (client);
  g_clear_object (&client);

  client = create_client (fixture, keyless, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_assert_nonnull (strstr (error->message, "keyless"));
  g_clear_error (&error);

  client = create_client (fixture, unknown, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND);
}

static void
test_client_environment (ClientFixture *fixture,
                         gconstpointer  data)
{
  g_autofree char *credentials = g_build_filename (g_get_home_dir (), ".aws", "credentials",
                                                   NULL);
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=environment\n");
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_auto(GStrv) envp = NULL;

  /* The default profile's keys are not the environment's. */
  g_free (kw_test_write_text (credentials, "[default]\naws_access_key_id = " TEST_ACCESS_KEY "\n"
                                           "aws_secret_access_key = " TEST_SECRET_KEY "\n"));
  options.envp = (const char * const *) fixture->envp;
  client = create_client (fixture, connection, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_clear_error (&error);

  envp = g_environ_setenv (g_strdupv (fixture->envp), "AWS_ACCESS_KEY_ID", TEST_ACCESS_KEY, TRUE);
  options.envp = (const char * const *) envp;
  client = create_client (fixture, connection, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INCOMPLETE);
  g_clear_error (&error);

  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", TEST_SECRET_KEY, TRUE);
  options.envp = (const char * const *) envp;
  client = create_client (fixture, connection, NULL, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, TEST_ACCESS_KEY " (environment)");
  assert_admin_get_user_works (client);
}

static void
test_client_keyring_keys (ClientFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=keyring\n"
                                                        "AccessKeyId=" KEYRING_ACCESS_KEY "\n");
  g_autoptr(KwConnection) end_user = fake_connection (fixture, TEST_CLIENT, NULL);
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_aws_keys ("fake",
                                                                        KEYRING_ACCESS_KEY);
  g_autoptr(KwAwsCredentials) keys = kw_aws_credentials_new (KEYRING_ACCESS_KEY,
                                                             KEYRING_SECRET_KEY, NULL, NULL);
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *encoded = NULL;

  /* Nothing stored yet. */
  client = create_client (fixture, connection, secrets, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_clear_error (&error);

  encoded = kw_secret_encode_aws_keys (keys);
  kw_test_secret_store (secrets, KW_SECRET_KIND_AWS_KEYS, attributes, encoded);

  client = create_client (fixture, connection, secrets, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, KEYRING_ACCESS_KEY " (keyring)");
  assert_admin_get_user_works (client);
  g_clear_object (&client);

  /* An end-user connection has no credentials to give. */
  client = create_client (fixture, end_user, secrets, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
}

/* Main */

#define add_client_test(path, func) \
  g_test_add ("/keyway/connection/" path, ClientFixture, NULL, \
              client_set_up, func, client_tear_down)

int
main (int    argc,
      char **argv)
{
  kw_test_connection_init (&argc, &argv);

  add_client_test ("client/without-secret", test_client_without_secret);
  add_client_test ("client/keyring-secret", test_client_keyring_secret);
  add_client_test ("client/secret-missing", test_client_secret_missing);
  add_client_test ("client/explicit-secret", test_client_explicit_secret);
  add_client_test ("client/profile", test_client_profile);
  add_client_test ("client/environment", test_client_environment);
  add_client_test ("client/keyring-keys", test_client_keyring_keys);

  return kw_test_connection_run ();
}
