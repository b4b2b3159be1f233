/* kw-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The connection object. The file format is in kw-connection-file.c, the
 * rules its fields follow in kw-connection-validate.c. */

#include "config.h"

#include "kw-connection-private.h"

#include "kw-core-enums.h"

G_DEFINE_FINAL_TYPE (KwConnection, kw_connection, G_TYPE_OBJECT)

G_DEFINE_QUARK (kw-connection-error-quark, kw_connection_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  PROP_CLIENT_ID,
  PROP_USER_POOL_ID,
  PROP_ENDPOINT_URL,
  PROP_HAS_CLIENT_SECRET,
  PROP_PREVENT_USER_EXISTENCE_ERRORS,
  PROP_PASSWORD_POLICY,
  PROP_CREDENTIALS_SOURCE,
  PROP_AWS_PROFILE,
  PROP_ACCESS_KEY_ID,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_connection_constructed (GObject *object)
{
  KwConnection *self = KW_CONNECTION (object);

  G_OBJECT_CLASS (kw_connection_parent_class)->constructed (object);

  if (self->password_policy == NULL)
    self->password_policy = kw_password_policy_new_default ();
}

static void
kw_connection_finalize (GObject *object)
{
  KwConnection *self = KW_CONNECTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->user_pool_id, g_free);
  g_clear_pointer (&self->endpoint_url, g_free);
  g_clear_pointer (&self->password_policy, kw_password_policy_free);
  g_clear_pointer (&self->aws_profile, g_free);
  g_clear_pointer (&self->access_key_id, g_free);

  G_OBJECT_CLASS (kw_connection_parent_class)->finalize (object);
}

static void
kw_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwConnection *self = KW_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_USER_POOL_ID:
      g_value_set_string (value, self->user_pool_id);
      break;
    case PROP_ENDPOINT_URL:
      g_value_set_string (value, self->endpoint_url);
      break;
    case PROP_HAS_CLIENT_SECRET:
      g_value_set_boolean (value, self->has_client_secret);
      break;
    case PROP_PREVENT_USER_EXISTENCE_ERRORS:
      g_value_set_boolean (value, self->prevent_user_existence_errors);
      break;
    case PROP_PASSWORD_POLICY:
      g_value_set_boxed (value, self->password_policy);
      break;
    case PROP_CREDENTIALS_SOURCE:
      g_value_set_enum (value, self->credentials_source);
      break;
    case PROP_AWS_PROFILE:
      g_value_set_string (value, self->aws_profile);
      break;
    case PROP_ACCESS_KEY_ID:
      g_value_set_string (value, self->access_key_id);
      break;
    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Optional strings: an empty one means "not set", as in the files. */
static char *
dup_optional (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return str != NULL && *str != '\0' ? g_strdup (str) : NULL;
}

static void
kw_connection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwConnection *self = KW_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;
    case PROP_USER_POOL_ID:
      self->user_pool_id = dup_optional (value);
      break;
    case PROP_ENDPOINT_URL:
      self->endpoint_url = dup_optional (value);
      break;
    case PROP_HAS_CLIENT_SECRET:
      self->has_client_secret = g_value_get_boolean (value);
      break;
    case PROP_PREVENT_USER_EXISTENCE_ERRORS:
      self->prevent_user_existence_errors = g_value_get_boolean (value);
      break;
    case PROP_PASSWORD_POLICY:
      self->password_policy = g_value_dup_boxed (value);
      break;
    case PROP_CREDENTIALS_SOURCE:
      self->credentials_source = g_value_get_enum (value);
      break;
    case PROP_AWS_PROFILE:
      self->aws_profile = dup_optional (value);
      break;
    case PROP_ACCESS_KEY_ID:
      self->access_key_id = dup_optional (value);
      break;
    case PROP_ORIGIN:
      self->origin = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_connection_class_init (KwConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = kw_connection_constructed;
  object_class->finalize = kw_connection_finalize;
  object_class->get_property = kw_connection_get_property;
  object_class->set_property = kw_connection_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL, flags);
  properties[PROP_USER_POOL_ID] =
    g_param_spec_string ("user-pool-id", NULL, NULL, NULL, flags);
  properties[PROP_ENDPOINT_URL] =
    g_param_spec_string ("endpoint-url", NULL, NULL, NULL, flags);
  /**
   * KwConnection:has-client-secret:
   *
   * Whether the app client has a secret. The secret itself is never part
   * of a connection: it lives in the keyring.
   */
  properties[PROP_HAS_CLIENT_SECRET] =
    g_param_spec_boolean ("has-client-secret", NULL, NULL, FALSE, flags);
  properties[PROP_PREVENT_USER_EXISTENCE_ERRORS] =
    g_param_spec_boolean ("prevent-user-existence-errors", NULL, NULL, FALSE, flags);
  /**
   * KwConnection:password-policy:
   *
   * The pool's password policy; Cognito's defaults when not given.
   */
  properties[PROP_PASSWORD_POLICY] =
    g_param_spec_boxed ("password-policy", NULL, NULL, KW_TYPE_PASSWORD_POLICY, flags);
  properties[PROP_CREDENTIALS_SOURCE] =
    g_param_spec_enum ("credentials-source", NULL, NULL, KW_TYPE_CREDENTIALS_SOURCE,
                       KW_CREDENTIALS_SOURCE_NONE, flags);
  properties[PROP_AWS_PROFILE] =
    g_param_spec_string ("aws-profile", NULL, NULL, NULL, flags);
  properties[PROP_ACCESS_KEY_ID] =
    g_param_spec_string ("access-key-id", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, KW_TYPE_CONNECTION_ORIGIN,
                       KW_CONNECTION_ORIGIN_USER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_connection_init (KwConnection *self)
{
}

/**
 * kw_connection_copy_with:
 * @self: a #KwConnection
 * @origin: the copy's origin
 * @has_client_secret: whether the copy's client has a secret
 *
 * Returns: (transfer full): a connection like @self but for those two
 */
KwConnection *
kw_connection_copy_with (KwConnection       *self,
                         KwConnectionOrigin  origin,
                         gboolean            has_client_secret)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return g_object_new (KW_TYPE_CONNECTION,
                       "id", self->id,
                       "name", self->name,
                       "region", self->region,
                       "client-id", self->client_id,
                       "user-pool-id", self->user_pool_id,
                       "endpoint-url", self->endpoint_url,
                       "has-client-secret", has_client_secret,
                       "prevent-user-existence-errors", self->prevent_user_existence_errors,
                       "password-policy", self->password_policy,
                       "credentials-source", self->credentials_source,
                       "aws-profile", self->aws_profile,
                       "access-key-id", self->access_key_id,
                       "origin", origin,
                       NULL);
}

/* Getters */

const char *
kw_connection_get_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->id;
}

const char *
kw_connection_get_name (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->name;
}

const char *
kw_connection_get_region (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->region;
}

const char *
kw_connection_get_client_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->client_id;
}

/**
 * kw_connection_get_user_pool_id:
 *
 * Returns: (nullable): the user pool id, which helpdesk connections have
 */
const char *
kw_connection_get_user_pool_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->user_pool_id;
}

/**
 * kw_connection_get_endpoint_url:
 *
 * Returns: (nullable): the endpoint override, or %NULL for the region's
 */
const char *
kw_connection_get_endpoint_url (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->endpoint_url;
}

gboolean
kw_connection_get_has_client_secret (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->has_client_secret;
}

gboolean
kw_connection_get_prevent_user_existence_errors (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->prevent_user_existence_errors;
}

const KwPasswordPolicy *
kw_connection_get_password_policy (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->password_policy;
}

KwCredentialsSource
kw_connection_get_credentials_source (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), KW_CREDENTIALS_SOURCE_NONE);

  return self->credentials_source;
}

/**
 * kw_connection_get_aws_profile:
 *
 * Returns: (nullable): the profile of %KW_CREDENTIALS_SOURCE_PROFILE
 */
const char *
kw_connection_get_aws_profile (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->aws_profile;
}

/**
 * kw_connection_get_access_key_id:
 *
 * Returns: (nullable): the access key id of %KW_CREDENTIALS_SOURCE_KEYRING
 */
const char *
kw_connection_get_access_key_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->access_key_id;
}

KwConnectionOrigin
kw_connection_get_origin (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), KW_CONNECTION_ORIGIN_USER);

  return self->origin;
}

/**
 * kw_connection_is_helpdesk:
 * @self: a #KwConnection
 *
 * Returns: %TRUE when the connection has a user pool id and a source of AWS
 *   credentials, which helpdesk work needs
 */
gboolean
kw_connection_is_helpdesk (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->user_pool_id != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_NONE;
}
