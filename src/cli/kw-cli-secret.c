/* kw-cli-secret.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-aws-config.h"
#include "kw-connection-client.h"
#include "kw-libsecret-store.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The secret commands, and the client that --connection gives a Cognito
 * command. Secrets go to the keyring and nowhere else: without a keyring a
 * command fails, or takes KEYWAY_CLIENT_SECRET or a typed secret for this
 * one run; nothing is ever written to a file instead. */

static const char *
credentials_source_name (KwCredentialsSource source)
{
  switch (source)
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      return "profile";
    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      return "environment";
    case KW_CREDENTIALS_SOURCE_KEYRING:
      return "keyring";
    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      return "none";
    }
}

static int
store_client_secret (KwCliInvocation   *invocation,
                     KwConnectionStore *store,
                     KwConnection      *connection,
                     KwSecretStore     *secrets)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char *secret;
  gboolean stored;

  /* Storing a secret for a client that has none would change nothing; for
   * a connection of one's own it means the connection was added without
   * --with-client-secret, which this corrects. */
  if (!kw_connection_get_has_client_secret (connection) &&
      kw_connection_get_origin (connection) == KW_CONNECTION_ORIGIN_SYSTEM)
    {
      g_autofree char *message = g_strdup_printf ("connection '%s' is system-wide and its app "
                                                  "client has no secret (HasClientSecret is "
                                                  "false)", kw_connection_get_id (connection));

      return kw_cli_usage_failure (invocation, message);
    }

  secret = kw_cli_read_secret ("Client secret: ", "client secret", FALSE, &error);
  if (secret == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                kw_connection_get_client_id (connection));
  label = kw_secret_label_for_client (kw_connection_get_name (connection),
                                      kw_connection_get_client_id (connection));
  g_debug ("Storing the client secret of connection %s in the keyring",
           kw_connection_get_id (connection));
  stored = kw_cli_store_secret (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, label, secret,
                                &error);
  kw_secret_free (secret);
  if (!stored)
    return kw_cli_report_local_error (error, connection);

  if (!kw_connection_get_has_client_secret (connection))
    {
      g_autoptr(KwConnection) with_secret = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      with_secret = kw_connection_copy_with (connection, KW_CONNECTION_ORIGIN_USER, TRUE);
      kw_connection_store_add_async (store, with_secret, TRUE, kw_cli_get_cancellable (),
                                     kw_cli_store_result_cb, &result);
      kw_cli_wait (&result);
      if (!kw_connection_store_add_finish (store, result, &error))
        return kw_cli_report_local_error (error, connection);
    }

  return KW_CLI_EXIT_OK;
}

static int
store_aws_keys (KwConnection  *connection,
                KwSecretStore *secrets)
{
  const char *access_key_id = kw_connection_get_access_key_id (connection);
  g_autoptr(KwAwsCredentials) credentials = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char *secret_key;
  char *session_token = NULL;
  char *encoded;
  gboolean stored;

  secret_key = kw_cli_read_secret ("AWS secret access key: ", "secret access key", FALSE, &error);
  if (secret_key == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  session_token = kw_cli_read_secret ("Session token (Enter for none): ", "session token", TRUE,
                                      &error);
  if (error != NULL)
    {
      kw_secret_free (secret_key);
      fprintf (stderr, "%s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  credentials = kw_aws_credentials_new (access_key_id, secret_key, session_token, "keyring");
  kw_secret_free (secret_key);
  kw_secret_free (session_token);
  encoded = kw_secret_encode_aws_keys (credentials);

  attributes = kw_cli_aws_keys_item (connection);
  label = kw_secret_label_for_aws_keys (kw_connection_get_id (connection), access_key_id);
  g_debug ("Storing the AWS keys of connection %s in the keyring",
           kw_connection_get_id (connection));
  stored = kw_cli_store_secret (secrets, KW_SECRET_KIND_AWS_KEYS, attributes, label, encoded,
                                &error);
  kw_secret_free (encoded);
  if (!stored)
    return kw_cli_report_local_error (error, connection);

  return KW_CLI_EXIT_OK;
}

/* --aws-keys only makes sense for a connection that keeps its keys in the
 * keyring; the others read them from a profile or the environment. */
static gboolean
check_aws_keys (KwCliInvocation *invocation,
                KwConnection    *connection,
                int             *status)
{
  KwCredentialsSource source = kw_connection_get_credentials_source (connection);
  g_autofree char *message = NULL;

  if (source == KW_CREDENTIALS_SOURCE_KEYRING)
    return TRUE;

  message = g_strdup_printf ("argument --aws-keys: connection '%s' takes its AWS credentials "
                             "from %s, not from the keyring (CredentialsSource is \"%s\")",
                             kw_connection_get_id (connection),
                             source == KW_CREDENTIALS_SOURCE_NONE ? "nowhere"
                               : source == KW_CREDENTIALS_SOURCE_PROFILE ? "a profile"
                               : "the environment",
                             credentials_source_name (source));
  *status = kw_cli_usage_failure (invocation, message);

  return FALSE;
}

/**
 * kw_cli_secret_set:
 *
 * `secret set --connection NAME [--aws-keys]`
 *
 * Returns: the exit status
 */
int
kw_cli_secret_set (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwSecretStore) secrets = NULL;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;
  connection = kw_cli_find_connection (invocation, store, &status);
  if (connection == NULL)
    return status;

  secrets = kw_libsecret_store_new ();
  if (kw_cli_get (invocation, "aws-keys") != NULL)
    {
      if (!check_aws_keys (invocation, connection, &status))
        return status;
      return store_aws_keys (connection, secrets);
    }

  return store_client_secret (invocation, store, connection, secrets);
}

/**
 * kw_cli_secret_clear:
 *
 * `secret clear --connection NAME [--aws-keys]`: removing what is not there
 * succeeds, as `rm -f` does.
 *
 * Returns: the exit status
 */
int
kw_cli_secret_clear (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwSecretStore) secrets = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  KwSecretKind kind = KW_SECRET_KIND_CLIENT_SECRET;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;
  connection = kw_cli_find_connection (invocation, store, &status);
  if (connection == NULL)
    return status;

  if (kw_cli_get (invocation, "aws-keys") != NULL)
    {
      if (!check_aws_keys (invocation, connection, &status))
        return status;
      kind = KW_SECRET_KIND_AWS_KEYS;
      attributes = kw_cli_aws_keys_item (connection);
    }
  else
    attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                  kw_connection_get_client_id (connection));

  secrets = kw_libsecret_store_new ();
  if (!kw_cli_clear_secret (secrets, kind, attributes, &error))
    return kw_cli_report_local_error (error, connection);

  return KW_CLI_EXIT_OK;
}

/* The connection a command runs with: the saved one, with the options given
 * on the command line put over it. A signed call needs no client secret, and
 * a client id other than the connection's has no secret in its keyring item,
 * so neither looks one up. */
static KwConnection *
apply_options (KwConnection    *base,
               KwCliInvocation *invocation,
               gboolean         is_signed,
               gboolean        *same_client)
{
  const char *region = invocation->region;
  const char *client_id = kw_cli_get (invocation, "client-id");
  const char *endpoint_url = invocation->endpoint_url;
  KwCredentialsSource source = kw_connection_get_credentials_source (base);
  gboolean has_client_secret;

  if (region == NULL)
    region = kw_connection_get_region (base);
  if (client_id == NULL)
    client_id = kw_connection_get_client_id (base);
  if (endpoint_url == NULL)
    endpoint_url = kw_connection_get_endpoint_url (base);

  *same_client = g_str_equal (region, kw_connection_get_region (base)) &&
                 g_str_equal (client_id, kw_connection_get_client_id (base));
  if (is_signed)
    has_client_secret = FALSE;
  else if (*same_client)
    has_client_secret = kw_connection_get_has_client_secret (base);
  else
    has_client_secret = g_getenv ("KEYWAY_CLIENT_SECRET") != NULL;

  /* --profile names the credentials, as it does without a connection. */
  if (invocation->profile != NULL || !is_signed)
    source = KW_CREDENTIALS_SOURCE_NONE;

  return g_object_new (KW_TYPE_CONNECTION,
                       "id", kw_connection_get_id (base),
                       "name", kw_connection_get_name (base),
                       "region", region,
                       "client-id", client_id,
                       "user-pool-id", kw_connection_get_user_pool_id (base),
                       "endpoint-url", endpoint_url,
                       "has-client-secret", has_client_secret,
                       "prevent-user-existence-errors",
                       kw_connection_get_prevent_user_existence_errors (base),
                       "password-policy", kw_connection_get_password_policy (base),
                       "credentials-source", source,
                       "aws-profile", source == KW_CREDENTIALS_SOURCE_NONE
                                        ? NULL : kw_connection_get_aws_profile (base),
                       "access-key-id", source == KW_CREDENTIALS_SOURCE_NONE
                                          ? NULL : kw_connection_get_access_key_id (base),
                       "origin", kw_connection_get_origin (base),
                       NULL);
}

static KwCognitoClient *
create_client (KwConnection           *connection,
               KwSecretStore          *secrets,
               const KwClientOptions  *options,
               char                  **actor,
               GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_clear_pointer (actor, g_free);
  kw_connection_create_client_async (connection, secrets, options, kw_cli_get_cancellable (),
                                     kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);

  return kw_connection_create_client_finish (result, actor, error);
}

/* The client secret is not in the keyring, or there is no keyring: take it
 * for this run from KEYWAY_CLIENT_SECRET or a prompt, never from a file. */
static char *
fallback_client_secret (KwConnection  *connection,
                        const GError  *keyring_error,
                        int           *status)
{
  const char *id = kw_connection_get_id (connection);
  const char *from_environment = g_getenv ("KEYWAY_CLIENT_SECRET");
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = NULL;
  char *secret;

  if (from_environment != NULL && *from_environment != '\0')
    {
      g_debug ("Using the client secret from KEYWAY_CLIENT_SECRET");
      return g_strdup (from_environment);
    }

  if (isatty (STDIN_FILENO))
    {
      prompt = g_strdup_printf ("Client secret of connection '%s': ", id);
      secret = kw_cli_read_secret (prompt, "client secret", FALSE, &error);
      if (secret == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          *status = KW_CLI_EXIT_USAGE;
        }
      return secret;
    }

  if (g_error_matches (keyring_error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING))
    fprintf (stderr, "The app client of connection '%s' has a client secret, but the keyring "
                     "holds none for it. Store it with 'keyway-cli secret set --connection %s', "
                     "or set KEYWAY_CLIENT_SECRET for one command.\n", id, id);
  else
    fprintf (stderr, "No keyring could give the client secret of connection '%s' (%s). Set "
                     "KEYWAY_CLIENT_SECRET, or run the command in a terminal to type it; "
                     "'keyway-cli secret set --connection %s' stores it once a keyring is "
                     "running.\n", id, keyring_error->message, id);
  *status = KW_CLI_EXIT_OTHER;

  return NULL;
}

static int
report_client_error (const GError       *error,
                     KwConnection       *connection,
                     KwCognitoOperation  operation)
{
  if (error->domain == KW_AWS_CONFIG_ERROR || error->domain == KW_COGNITO_ERROR)
    return kw_cli_report_error (error, operation, NULL, connection);

  return kw_cli_report_local_error (error, connection);
}

/**
 * kw_cli_connect:
 * @connection: (out): the saved connection named by --connection
 * @actor: (out) (optional): who acts, for the audit log; %NULL without
 *   credentials
 * @status: (out): the exit status when there is no client
 *
 * Builds the client of a Cognito command run with --connection: the
 * connection's region, client id, endpoint, client secret and credentials,
 * under whatever the command line gives explicitly.
 *
 * Returns: (transfer full) (nullable): the client
 */
KwCognitoClient *
kw_cli_connect (KwCliInvocation  *invocation,
                KwConnection    **connection,
                char            **actor,
                int              *status)
{
  KwCognitoOperation operation = invocation->command->operation;
  gboolean is_signed = kw_cognito_operation_is_signed (operation);
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) saved = NULL;
  g_autoptr(KwConnection) effective = NULL;
  g_autoptr(KwSecretStore) secrets = NULL;
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *acting = NULL;
  KwClientOptions options = { .envp = (const char * const *) envp };
  gboolean same_client = TRUE;

  store = kw_cli_open_store (status);
  if (store == NULL)
    return NULL;
  saved = kw_cli_find_connection (invocation, store, status);
  if (saved == NULL)
    return NULL;

  for (const KwCliOption *option = invocation->command->options; option->name != NULL; option++)
    {
      if (option->required && g_str_equal (option->name, "user-pool-id") &&
          kw_cli_get (invocation, "user-pool-id") == NULL &&
          kw_connection_get_user_pool_id (saved) == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf ("the following arguments are required: --user-pool-id "
                                     "(connection '%s' has no user pool id)",
                                     kw_connection_get_id (saved));
          *status = kw_cli_usage_failure (invocation, message);
          return NULL;
        }
    }

  effective = apply_options (saved, invocation, is_signed, &same_client);
  if (!kw_connection_validate (effective, &error))
    {
      *status = kw_cli_usage_failure (invocation, error->message);
      return NULL;
    }
  options.with_credentials = kw_connection_get_credentials_source (effective) !=
                             KW_CREDENTIALS_SOURCE_NONE;
  if (kw_connection_get_has_client_secret (effective) && !same_client)
    options.client_secret = g_getenv ("KEYWAY_CLIENT_SECRET");

  g_debug ("Connection %s (%s): region %s, client %s, endpoint %s, credentials from %s",
           kw_connection_get_id (saved),
           kw_connection_get_origin (saved) == KW_CONNECTION_ORIGIN_SYSTEM ? "system" : "user",
           kw_connection_get_region (effective), kw_connection_get_client_id (effective),
           kw_connection_get_endpoint_url (effective) != NULL
             ? kw_connection_get_endpoint_url (effective) : "the region's",
           options.with_credentials
             ? credentials_source_name (kw_connection_get_credentials_source (effective))
             : "the AWS configuration");

  secrets = kw_libsecret_store_new ();
  client = create_client (effective, secrets, &options, &acting, &error);

  if (client == NULL && options.client_secret == NULL &&
      kw_connection_get_has_client_secret (effective) &&
      (error->domain == KW_SECRET_ERROR ||
       g_error_matches (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING)))
    {
      char *secret = fallback_client_secret (saved, error, status);

      if (secret == NULL)
        return NULL;

      g_clear_error (&error);
      options.client_secret = secret;
      client = create_client (effective, secrets, &options, &acting, &error);
      kw_secret_free (secret);
    }

  if (client == NULL)
    {
      *status = report_client_error (error, saved, operation);
      return NULL;
    }

  /* No credentials source on the connection, or --profile: the credentials
   * come from the AWS configuration, as they do without a connection. */
  if (is_signed && !options.with_credentials)
    {
      KwAwsOverrides overrides = {
        .profile = invocation->profile,
        .region = kw_connection_get_region (effective),
      };
      g_autoptr(KwAwsSettings) settings = NULL;

      settings = kw_aws_settings_resolve (&overrides, (const char * const *) envp, &error);
      if (settings == NULL)
        {
          *status = kw_cli_report_error (error, operation, NULL, saved);
          return NULL;
        }
      if (settings->credentials_error != NULL)
        {
          *status = kw_cli_report_error (settings->credentials_error, operation, NULL, saved);
          return NULL;
        }
      kw_cognito_client_set_credentials (client, settings->credentials);
      g_clear_pointer (&acting, g_free);
      if (settings->credentials != NULL)
        acting = kw_cli_actor_for (settings->credentials);
    }

  *connection = g_steal_pointer (&saved);
  if (actor != NULL)
    *actor = g_steal_pointer (&acting);

  return g_steal_pointer (&client);
}
