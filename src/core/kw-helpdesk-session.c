/* kw-helpdesk-session.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-session.h"

#include "kw-connection-client.h"
#include "kw-core-enums.h"

#include <glib/gi18n-lib.h>

/* Signing in builds the client the way every signed call does
 * (kw_connection_create_client_async()), then reads the credentials of the
 * source once more for what the client does not tell: the access key id to
 * show masked, and whether a session token comes with it. The client keeps
 * its credentials write-only, so this second read is the price of never
 * handing the secret parts to anyone else. */

struct _KwHelpdeskSession
{
  GObject              parent_instance;

  KwConnection        *connection;
  KwHelpdesk          *helpdesk;
  char                *masked_key_id;
  char                *aws_profile;
  KwCredentialsSource  credentials_source;
  gboolean             temporary;
};

G_DEFINE_FINAL_TYPE (KwHelpdeskSession, kw_helpdesk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_HELPDESK,
  PROP_MASKED_KEY_ID,
  PROP_CREDENTIALS_SOURCE,
  PROP_AWS_PROFILE,
  PROP_TEMPORARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_helpdesk_session_dispose (GObject *object)
{
  KwHelpdeskSession *self = KW_HELPDESK_SESSION (object);

  g_clear_object (&self->connection);
  g_clear_object (&self->helpdesk);

  G_OBJECT_CLASS (kw_helpdesk_session_parent_class)->dispose (object);
}

static void
kw_helpdesk_session_finalize (GObject *object)
{
  KwHelpdeskSession *self = KW_HELPDESK_SESSION (object);

  g_free (self->masked_key_id);
  g_free (self->aws_profile);

  G_OBJECT_CLASS (kw_helpdesk_session_parent_class)->finalize (object);
}

static void
kw_helpdesk_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KwHelpdeskSession *self = KW_HELPDESK_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_HELPDESK:
      g_value_set_object (value, self->helpdesk);
      break;

    case PROP_MASKED_KEY_ID:
      g_value_set_string (value, self->masked_key_id);
      break;

    case PROP_CREDENTIALS_SOURCE:
      g_value_set_enum (value, self->credentials_source);
      break;

    case PROP_AWS_PROFILE:
      g_value_set_string (value, self->aws_profile);
      break;

    case PROP_TEMPORARY:
      g_value_set_boolean (value, self->temporary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_session_class_init (KwHelpdeskSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_helpdesk_session_dispose;
  object_class->finalize = kw_helpdesk_session_finalize;
  object_class->get_property = kw_helpdesk_session_get_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, KW_TYPE_CONNECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELPDESK] =
    g_param_spec_object ("helpdesk", NULL, NULL, KW_TYPE_HELPDESK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_KEY_ID] =
    g_param_spec_string ("masked-key-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS_SOURCE] =
    g_param_spec_enum ("credentials-source", NULL, NULL, KW_TYPE_CREDENTIALS_SOURCE,
                       KW_CREDENTIALS_SOURCE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AWS_PROFILE] =
    g_param_spec_string ("aws-profile", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPORARY] =
    g_param_spec_boolean ("temporary", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_helpdesk_session_init (KwHelpdeskSession *self)
{
}

/* Signing in */

typedef struct
{
  KwConnection    *connection;
  KwAuditLog      *audit_log;
  KwCognitoClient *client;
  char            *actor;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  g_clear_object (&data->connection);
  g_clear_object (&data->audit_log);
  g_clear_object (&data->client);
  g_free (data->actor);
  g_free (data);
}

/* What the window shows of the identity comes from the client, whose
 * credentials were resolved just now, once. */
static void
create_client_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignInData *data = g_task_get_task_data (task);
  KwConnection *connection = data->connection;
  KwHelpdeskSession *self;
  GError *error = NULL;

  data->client = kw_connection_create_client_finish (result, &data->actor, &error);
  if (data->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  self = g_object_new (KW_TYPE_HELPDESK_SESSION, NULL);
  self->connection = g_object_ref (connection);
  self->helpdesk = kw_helpdesk_new (data->client,
                                    kw_connection_get_user_pool_id (connection),
                                    kw_connection_get_password_policy (connection),
                                    data->audit_log,
                                    data->actor);
  self->masked_key_id = kw_cognito_client_dup_masked_key_id (data->client);
  self->credentials_source = kw_connection_get_credentials_source (connection);
  self->aws_profile = g_strdup (kw_connection_get_aws_profile (connection));
  self->temporary = kw_cognito_client_has_temporary_credentials (data->client);

  g_task_return_pointer (task, self, g_object_unref);
}

/**
 * kw_helpdesk_session_new_async:
 * @connection: a helpdesk connection (kw_connection_is_helpdesk())
 * @secrets: (nullable): where the connection's keys and client secret are
 * @audit_log: (nullable): where the helpdesk records its actions
 * @envp: (nullable): the environment; %NULL for the process's own
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the session
 * @user_data: data for @callback
 *
 * Signs in: resolves the AWS credentials of the connection's source (the
 * errors are those of kw_connection_create_client_async()) and builds the
 * helpdesk on them, acting as the client's actor. Nothing is sent: the
 * service first judges the credentials on the first call.
 */
void
kw_helpdesk_session_new_async (KwConnection        *connection,
                               KwSecretStore       *secrets,
                               KwAuditLog          *audit_log,
                               const char * const  *envp,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  KwClientOptions options = { NULL, TRUE, envp };
  g_autoptr(GTask) task = NULL;
  SignInData *data;

  g_return_if_fail (KW_IS_CONNECTION (connection));
  g_return_if_fail (secrets == NULL || KW_IS_SECRET_STORE (secrets));
  g_return_if_fail (audit_log == NULL || KW_IS_AUDIT_LOG (audit_log));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_helpdesk_session_new_async);

  data = g_new0 (SignInData, 1);
  data->connection = g_object_ref (connection);
  data->audit_log = audit_log != NULL ? g_object_ref (audit_log) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);

  if (kw_connection_get_user_pool_id (connection) == NULL)
    {
      g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_MISSING_KEY,
                               /* Translators: the placeholder is a connection's name. */
                               _("The connection “%s” has no user pool ID, which helpdesk "
                                 "work needs"),
                               kw_connection_get_name (connection));
      return;
    }

  kw_connection_create_client_async (connection, secrets, &options, cancellable,
                                     create_client_cb, g_steal_pointer (&task));
}

/**
 * kw_helpdesk_session_new_finish:
 * @result: the #GAsyncResult
 * @error: return location for an error
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
KwHelpdeskSession *
kw_helpdesk_session_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_helpdesk_session_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

KwConnection *
kw_helpdesk_session_get_connection (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), NULL);

  return self->connection;
}

KwHelpdesk *
kw_helpdesk_session_get_helpdesk (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), NULL);

  return self->helpdesk;
}

const char *
kw_helpdesk_session_get_masked_key_id (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), NULL);

  return self->masked_key_id;
}

KwCredentialsSource
kw_helpdesk_session_get_credentials_source (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), KW_CREDENTIALS_SOURCE_NONE);

  return self->credentials_source;
}

const char *
kw_helpdesk_session_get_aws_profile (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), NULL);

  return self->aws_profile;
}

gboolean
kw_helpdesk_session_get_temporary (KwHelpdeskSession *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (self), FALSE);

  return self->temporary;
}

/**
 * kw_helpdesk_connection_with_credentials:
 * @connection: a connection
 * @source: where the copy's AWS credentials come from
 * @aws_profile: (nullable): the profile, for %KW_CREDENTIALS_SOURCE_PROFILE
 * @access_key_id: (nullable): the key id, for %KW_CREDENTIALS_SOURCE_KEYRING
 *
 * kw_connection_copy_with() changes neither the source nor its fields;
 * this does, and keeps everything else.
 *
 * Returns: (transfer full): the copy, not validated yet
 */
KwConnection *
kw_helpdesk_connection_with_credentials (KwConnection        *connection,
                                         KwCredentialsSource  source,
                                         const char          *aws_profile,
                                         const char          *access_key_id)
{
  g_return_val_if_fail (KW_IS_CONNECTION (connection), NULL);

  return g_object_new (KW_TYPE_CONNECTION,
                       "id", kw_connection_get_id (connection),
                       "name", kw_connection_get_name (connection),
                       "region", kw_connection_get_region (connection),
                       "client-id", kw_connection_get_client_id (connection),
                       "user-pool-id", kw_connection_get_user_pool_id (connection),
                       "endpoint-url", kw_connection_get_endpoint_url (connection),
                       "has-client-secret", kw_connection_get_has_client_secret (connection),
                       "prevent-user-existence-errors",
                       kw_connection_get_prevent_user_existence_errors (connection),
                       "password-policy", kw_connection_get_password_policy (connection),
                       "credentials-source", source,
                       "aws-profile", source == KW_CREDENTIALS_SOURCE_PROFILE ? aws_profile : NULL,
                       "access-key-id",
                       source == KW_CREDENTIALS_SOURCE_KEYRING ? access_key_id : NULL,
                       "origin", kw_connection_get_origin (connection),
                       NULL);
}
