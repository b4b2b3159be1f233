/* kw-connection-client.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connection-client.h"

#include "kw-aws-config.h"

#include <glib/gi18n-lib.h>

/* Per-call state. The client secret and the credentials are wiped when it
 * is freed. */
typedef struct
{
  KwConnection     *connection;
  KwSecretStore    *secrets;
  char             *client_secret;
  gboolean          with_credentials;
  GStrv             envp;
  KwAwsCredentials *credentials;
  char             *actor;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_clear_object (&data->connection);
  g_clear_object (&data->secrets);
  g_clear_pointer (&data->client_secret, kw_secret_free);
  g_clear_pointer (&data->envp, g_strfreev);
  g_clear_pointer (&data->credentials, kw_aws_credentials_free);
  g_free (data->actor);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateData, create_data_free)

/* What the task returns: the client, and who acts through it. */
typedef struct
{
  KwCognitoClient *client;
  char            *actor;
} CreateResult;

static void
create_result_free (CreateResult *result)
{
  g_clear_object (&result->client);
  g_free (result->actor);
  g_free (result);
}

static void
return_client (GTask *task)
{
  CreateData *data = g_task_get_task_data (task);
  CreateResult *result = g_new0 (CreateResult, 1);
  KwConnection *connection = data->connection;

  /* A NULL endpoint makes the client use the region's own. */
  result->client = kw_cognito_client_new (kw_connection_get_endpoint_url (connection),
                                          kw_connection_get_region (connection),
                                          kw_connection_get_client_id (connection),
                                          data->client_secret);
  if (data->credentials != NULL)
    kw_cognito_client_set_credentials (result->client, data->credentials);
  result->actor = g_steal_pointer (&data->actor);

  g_task_return_pointer (task, result, (GDestroyNotify) create_result_free);
}

static void
set_credentials_missing (GTask      *task,
                         const char *message)
{
  g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING,
                           "%s", message);
}

/* Credentials: a profile, in a worker thread since it reads ~/.aws. */

static void
resolve_profile_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  CreateData *data = task_data;
  const char *profile = kw_connection_get_aws_profile (data->connection);
  KwAwsOverrides overrides = { profile, NULL, NULL };
  g_autoptr(KwAwsSettings) settings = NULL;
  GError *error = NULL;

  settings = kw_aws_settings_resolve (&overrides, (const char * const *) data->envp, &error);
  if (settings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (settings->credentials == NULL)
    {
      if (settings->credentials_error != NULL)
        g_task_return_error (task, g_error_copy (settings->credentials_error));
      else
        g_task_return_new_error (task, KW_CONNECTION_ERROR,
                                 KW_CONNECTION_ERROR_CREDENTIALS_MISSING,
                                 /* Translators: the placeholder is the name of an AWS profile. */
                                 _("The AWS profile “%s” has no credentials"), profile);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&settings->credentials),
                         (GDestroyNotify) kw_aws_credentials_free);
}

static void
resolve_profile_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->credentials = g_task_propagate_pointer (G_TASK (result), &error);
  if (data->credentials == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->actor = g_strdup_printf ("%s (profile %s)", data->credentials->access_key_id,
                                 kw_connection_get_aws_profile (data->connection));
  return_client (task);
}

/* Credentials: the environment only, never a profile's, even the default
 * one: the connection says where its credentials come from. Read the way
 * kw_aws_settings_resolve() reads them. */
static void
resolve_environment (GTask *task)
{
  CreateData *data = g_task_get_task_data (task);
  g_auto(GStrv) own_environ = NULL;
  const char * const *envp = (const char * const *) data->envp;
  const char *key_id;
  const char *secret;
  const char *token;

  if (envp == NULL)
    envp = (const char * const *) (own_environ = g_get_environ ());

  key_id = g_environ_getenv ((char **) envp, "AWS_ACCESS_KEY_ID");
  secret = g_environ_getenv ((char **) envp, "AWS_SECRET_ACCESS_KEY");
  /* botocore reads the legacy name first. */
  token = g_environ_getenv ((char **) envp, "AWS_SECURITY_TOKEN");
  if (token == NULL || *token == '\0')
    token = g_environ_getenv ((char **) envp, "AWS_SESSION_TOKEN");

  /* An empty variable counts as unset. */
  if (key_id != NULL && *key_id == '\0')
    key_id = NULL;
  if (secret != NULL && *secret == '\0')
    secret = NULL;
  if (token != NULL && *token == '\0')
    token = NULL;

  if (key_id == NULL && secret == NULL)
    {
      set_credentials_missing (task, _("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not "
                                       "set in the environment"));
      return;
    }

  if (key_id == NULL || secret == NULL)
    {
      g_task_return_new_error (task, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                               /* Translators: the placeholders are the environment variables
                                * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in either order. */
                               _("%s is set but %s is not"),
                               key_id != NULL ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                               key_id != NULL ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
      return;
    }

  data->credentials = kw_aws_credentials_new (key_id, secret, token, "environment");
  data->actor = g_strdup_printf ("%s (environment)", key_id);
  return_client (task);
}

/* Credentials: AWS keys in the keyring. */
static void
lookup_aws_keys_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  const char *access_key_id = kw_connection_get_access_key_id (data->connection);
  GError *error = NULL;
  char *secret;

  secret = kw_secret_store_lookup_finish (KW_SECRET_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (secret == NULL)
    {
      g_task_return_new_error (task, KW_CONNECTION_ERROR,
                               KW_CONNECTION_ERROR_CREDENTIALS_MISSING,
                               /* Translators: the first placeholder is an AWS access key id, the
                                * second a connection's name. */
                               _("The keyring holds no AWS secret access key for the access "
                                 "key %s of the connection “%s”"),
                               access_key_id, kw_connection_get_name (data->connection));
      return;
    }

  data->credentials = kw_secret_decode_aws_keys (access_key_id, secret, "keyring", &error);
  kw_secret_free (secret);
  if (data->credentials == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->actor = g_strdup_printf ("%s (keyring)", access_key_id);
  return_client (task);
}

static void
resolve_credentials (GTask *task)
{
  CreateData *data = g_task_get_task_data (task);
  KwConnection *connection = data->connection;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *message = NULL;

  if (!data->with_credentials)
    {
      return_client (task);
      return;
    }

  switch (kw_connection_get_credentials_source (connection))
    {
    case KW_CREDENTIALS_SOURCE_NONE:
      /* Translators: the placeholder is a connection's name. */
      message = g_strdup_printf (_("The connection “%s” has no AWS credentials for "
                                   "administrator calls"),
                                 kw_connection_get_name (connection));
      set_credentials_missing (task, message);
      break;

    case KW_CREDENTIALS_SOURCE_PROFILE:
      {
        g_autoptr(GTask) thread_task = g_task_new (NULL, g_task_get_cancellable (task),
                                                   resolve_profile_cb, g_object_ref (task));

        g_task_set_source_tag (thread_task, resolve_profile_thread);
        g_task_set_task_data (thread_task, data, NULL);
        g_task_run_in_thread (thread_task, resolve_profile_thread);
      }
      break;

    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      resolve_environment (task);
      break;

    case KW_CREDENTIALS_SOURCE_KEYRING:
      if (data->secrets == NULL)
        {
          /* Translators: the placeholder is a connection's name. */
          message = g_strdup_printf (_("The connection “%s” keeps its AWS keys in the keyring, "
                                       "but no keyring is available"),
                                     kw_connection_get_name (connection));
          set_credentials_missing (task, message);
          break;
        }

      attributes = kw_secret_attributes_for_aws_keys (kw_connection_get_id (connection),
                                                      kw_connection_get_access_key_id (connection));
      kw_secret_store_lookup_async (data->secrets, KW_SECRET_KIND_AWS_KEYS, attributes,
                                    g_task_get_cancellable (task), lookup_aws_keys_cb,
                                    g_object_ref (task));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
set_secret_missing (GTask        *task,
                    KwConnection *connection)
{
  g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING,
                           /* Translators: the placeholder is a connection's
                            * name. */
                           _("The connection “%s” needs its app client secret, and none is "
                             "stored in the keyring"),
                           kw_connection_get_name (connection));
}

static void
lookup_client_secret_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->client_secret = kw_secret_store_lookup_finish (KW_SECRET_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->client_secret == NULL)
    {
      set_secret_missing (task, data->connection);
      return;
    }

  resolve_credentials (task);
}

/**
 * kw_connection_create_client_async:
 * @connection: the connection to call
 * @secrets: (nullable): where the client secret and keyring AWS keys are
 * @options: (nullable): what to resolve; %NULL for an end user's client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the client
 * @user_data: data for @callback
 *
 * Builds a Cognito client for @connection: its endpoint override, or the
 * region's endpoint; the client secret from @options, else from @secrets
 * when the client has one (%KW_CONNECTION_ERROR_SECRET_MISSING when none is
 * there, the %KW_SECRET_ERROR when the keyring cannot be asked); and with
 * @options' with_credentials, the AWS credentials of the connection's
 * source: a profile (its %KW_AWS_CONFIG_ERROR on failure), the environment
 * only, or keys in the keyring stored under the connection's id
 * (%KW_CONNECTION_ERROR_CREDENTIALS_MISSING when there are none).
 */
void
kw_connection_create_client_async (KwConnection          *connection,
                                   KwSecretStore         *secrets,
                                   const KwClientOptions *options,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  static const KwClientOptions no_options = { NULL, FALSE, NULL };
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  CreateData *data;

  g_return_if_fail (KW_IS_CONNECTION (connection));
  g_return_if_fail (secrets == NULL || KW_IS_SECRET_STORE (secrets));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (options == NULL)
    options = &no_options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_connection_create_client_async);

  data = g_new0 (CreateData, 1);
  data->connection = g_object_ref (connection);
  data->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  data->with_credentials = options->with_credentials;
  data->envp = g_strdupv ((char **) options->envp);
  if (options->client_secret != NULL && *options->client_secret != '\0')
    data->client_secret = g_strdup (options->client_secret);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);

  if (data->client_secret != NULL || !kw_connection_get_has_client_secret (connection))
    {
      resolve_credentials (task);
      return;
    }

  if (secrets == NULL)
    {
      set_secret_missing (task, connection);
      return;
    }

  attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                kw_connection_get_client_id (connection));
  kw_secret_store_lookup_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, cancellable,
                                lookup_client_secret_cb, g_steal_pointer (&task));
}

/**
 * kw_connection_create_client_finish:
 * @result: the #GAsyncResult
 * @actor: (out) (optional) (nullable) (transfer full): who acts, for the
 *   audit log: the access key id and where it came from, e.g.
 *   "AKIAIOSFODNN7EXAMPLE (profile helpdesk)"; %NULL without credentials
 * @error: return location for an error
 *
 * Returns: (transfer full): the client, or %NULL with @error set
 */
KwCognitoClient *
kw_connection_create_client_finish (GAsyncResult  *result,
                                    char         **actor,
                                    GError       **error)
{
  CreateResult *created;
  KwCognitoClient *client;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_connection_create_client_async, NULL);

  created = g_task_propagate_pointer (G_TASK (result), error);
  if (created == NULL)
    return NULL;

  client = g_steal_pointer (&created->client);
  if (actor != NULL)
    *actor = g_steal_pointer (&created->actor);
  create_result_free (created);

  return client;
}
