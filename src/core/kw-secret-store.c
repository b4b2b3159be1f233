/* kw-secret-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-secret-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (kw-secret-error-quark, kw_secret_error)

G_DEFINE_INTERFACE (KwSecretStore, kw_secret_store, G_TYPE_OBJECT)

static void
kw_secret_store_default_init (KwSecretStoreInterface *iface)
{
}

static gboolean
kind_is_valid (KwSecretKind kind)
{
  return kind == KW_SECRET_KIND_CLIENT_SECRET || kind == KW_SECRET_KIND_AWS_KEYS;
}

/**
 * kw_secret_store_store_async:
 * @self: a secret store
 * @kind: which schema the item belongs to
 * @attributes: (element-type utf8 utf8): the attributes naming the item, from
 *   kw_secret_attributes_for_client() or kw_secret_attributes_for_aws_keys()
 * @label: the item's label, as a person browsing the keyring sees it
 * @secret: the secret, a UTF-8 string
 * @cancellable: (nullable): a cancellable
 * @callback: called when the secret is stored
 * @user_data: data for @callback
 *
 * Stores @secret, replacing the secret of an item with the same attributes.
 */
void
kw_secret_store_store_async (KwSecretStore       *self,
                             KwSecretKind         kind,
                             GHashTable          *attributes,
                             const char          *label,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KW_IS_SECRET_STORE (self));
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (attributes != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (g_utf8_validate (secret, -1, NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  KW_SECRET_STORE_GET_IFACE (self)->store_async (self, kind, attributes, label, secret,
                                                 cancellable, callback, user_data);
}

/**
 * kw_secret_store_store_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #KW_SECRET_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE when the secret is stored
 */
gboolean
kw_secret_store_store_finish (KwSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (KW_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return KW_SECRET_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

/**
 * kw_secret_store_lookup_async:
 * @self: a secret store
 * @kind: which schema the item belongs to
 * @attributes: (element-type utf8 utf8): the attributes naming the item
 * @cancellable: (nullable): a cancellable
 * @callback: called with the secret, or when there is none
 * @user_data: data for @callback
 *
 * Looks up the secret of the item that @attributes name.
 */
void
kw_secret_store_lookup_async (KwSecretStore       *self,
                              KwSecretKind         kind,
                              GHashTable          *attributes,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (KW_IS_SECRET_STORE (self));
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (attributes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  KW_SECRET_STORE_GET_IFACE (self)->lookup_async (self, kind, attributes,
                                                  cancellable, callback, user_data);
}

/**
 * kw_secret_store_lookup_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #KW_SECRET_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the secret, to be freed with
 *   kw_secret_free(); %NULL with no error set when there is no such item
 */
char *
kw_secret_store_lookup_finish (KwSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (KW_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return KW_SECRET_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

/**
 * kw_secret_store_clear_async:
 * @self: a secret store
 * @kind: which schema the item belongs to
 * @attributes: (element-type utf8 utf8): the attributes naming the item
 * @cancellable: (nullable): a cancellable
 * @callback: called when the item is removed
 * @user_data: data for @callback
 *
 * Removes the item that @attributes name, if there is one.
 */
void
kw_secret_store_clear_async (KwSecretStore       *self,
                             KwSecretKind         kind,
                             GHashTable          *attributes,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KW_IS_SECRET_STORE (self));
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (attributes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  KW_SECRET_STORE_GET_IFACE (self)->clear_async (self, kind, attributes,
                                                 cancellable, callback, user_data);
}

/**
 * kw_secret_store_clear_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #KW_SECRET_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE when an item was removed, %FALSE with no error set when
 *   there was none
 */
gboolean
kw_secret_store_clear_finish (KwSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (KW_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return KW_SECRET_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}

static GHashTable *
attributes_new (const char *first_name,
                const char *first_value,
                const char *second_name,
                const char *second_value)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (attributes, g_strdup (first_name), g_strdup (first_value));
  g_hash_table_insert (attributes, g_strdup (second_name), g_strdup (second_value));

  return attributes;
}

/**
 * kw_secret_attributes_for_client:
 * @region: the user pool's region, such as "eu-west-1"
 * @client_id: the app client id
 *
 * The attributes of the item holding an app client's secret. App client ids
 * are unique within a region, so the two together name one client.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the attributes
 */
GHashTable *
kw_secret_attributes_for_client (const char *region,
                                 const char *client_id)
{
  g_return_val_if_fail (region != NULL && *region != '\0', NULL);
  g_return_val_if_fail (client_id != NULL && *client_id != '\0', NULL);

  return attributes_new (KW_SECRET_ATTRIBUTE_REGION, region,
                         KW_SECRET_ATTRIBUTE_CLIENT_ID, client_id);
}

/**
 * kw_secret_attributes_for_aws_keys:
 * @label: the helpdesk's name for the keys
 * @access_key_id: the access key id
 *
 * The attributes of the item holding a helpdesk's AWS keys. The access key id
 * is not secret (AWS shows it in consoles and logs); the secret access key
 * and session token are the item's secret.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the attributes
 */
GHashTable *
kw_secret_attributes_for_aws_keys (const char *label,
                                   const char *access_key_id)
{
  g_return_val_if_fail (label != NULL && *label != '\0', NULL);
  g_return_val_if_fail (access_key_id != NULL && *access_key_id != '\0', NULL);

  return attributes_new (KW_SECRET_ATTRIBUTE_LABEL, label,
                         KW_SECRET_ATTRIBUTE_ACCESS_KEY_ID, access_key_id);
}

/**
 * kw_secret_label_for_client:
 * @connection_name: the connection's name, as the person gave it
 * @client_id: the app client id
 *
 * The label of the item holding an app client's secret. Someone browsing
 * their keyring in Seahorse sees only this, so it says which app stored the
 * item, what it is, and which connection and client it belongs to.
 *
 * Returns: (transfer full): a translated label
 */
char *
kw_secret_label_for_client (const char *connection_name,
                            const char *client_id)
{
  g_return_val_if_fail (connection_name != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  /* Translators: the name of an item in the keyring, as Passwords and Keys
   * (Seahorse) lists it. The first %s is the name the person gave a
   * connection, the second a Cognito app client id such as
   * "1h57kf5cpq17m0eml12EXAMPLE". */
  return g_strdup_printf (_("Keyway: client secret for “%s” (app client %s)"),
                          connection_name, client_id);
}

/**
 * kw_secret_label_for_aws_keys:
 * @label: the helpdesk's name for the keys
 * @access_key_id: the access key id
 *
 * The label of the item holding a helpdesk's AWS keys.
 *
 * Returns: (transfer full): a translated label
 */
char *
kw_secret_label_for_aws_keys (const char *label,
                              const char *access_key_id)
{
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (access_key_id != NULL, NULL);

  /* Translators: the name of an item in the keyring, as Passwords and Keys
   * (Seahorse) lists it. The first %s is the name the person gave a set of
   * AWS access keys, the second the access key id such as
   * "AKIAIOSFODNN7EXAMPLE". */
  return g_strdup_printf (_("Keyway: AWS keys “%s” (%s)"), label, access_key_id);
}

/**
 * kw_secret_encode_aws_keys:
 * @credentials: the credentials to store
 *
 * Joins the secret parts of @credentials into one keyring secret: the secret
 * access key, then a newline and the session token when there is one. The
 * access key id is not part of it; it names the item.
 *
 * Returns: (transfer full): the secret, to be freed with kw_secret_free()
 */
char *
kw_secret_encode_aws_keys (const KwAwsCredentials *credentials)
{
  g_return_val_if_fail (credentials != NULL, NULL);
  g_return_val_if_fail (credentials->secret_access_key != NULL, NULL);
  g_return_val_if_fail (*credentials->secret_access_key != '\0', NULL);
  /* A newline inside either part would change where the other one starts. */
  g_return_val_if_fail (strchr (credentials->secret_access_key, '\n') == NULL, NULL);
  g_return_val_if_fail (credentials->session_token == NULL ||
                        strchr (credentials->session_token, '\n') == NULL, NULL);

  if (credentials->session_token == NULL || *credentials->session_token == '\0')
    return g_strdup (credentials->secret_access_key);

  return g_strconcat (credentials->secret_access_key, "\n", credentials->session_token, NULL);
}

/**
 * kw_secret_decode_aws_keys:
 * @access_key_id: the access key id the item is stored under
 * @secret: the item's secret, as kw_secret_encode_aws_keys() made it
 * @source: (nullable): where the credentials come from, for messages
 * @error: return location for %KW_SECRET_ERROR_MALFORMED
 *
 * Splits a keyring secret back into credentials. An item that is empty or
 * holds more than two lines was not written by Keyway, and is refused rather
 * than sent to AWS as a key. The error never quotes the secret.
 *
 * Returns: (transfer full) (nullable): the credentials
 */
KwAwsCredentials *
kw_secret_decode_aws_keys (const char  *access_key_id,
                           const char  *secret,
                           const char  *source,
                           GError     **error)
{
  const char *newline;
  const char *token = NULL;
  char *secret_key;
  KwAwsCredentials *credentials;

  g_return_val_if_fail (access_key_id != NULL && *access_key_id != '\0', NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  newline = strchr (secret, '\n');
  if (newline != NULL)
    token = newline + 1;

  if (*secret == '\0' || newline == secret)
    {
      g_set_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_MALFORMED,
                   "The keyring item for the AWS keys %s holds no secret access key",
                   access_key_id);
      return NULL;
    }

  if (token != NULL && (*token == '\0' || strchr (token, '\n') != NULL))
    {
      g_set_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_MALFORMED,
                   "The keyring item for the AWS keys %s is not a secret access key "
                   "with an optional session token",
                   access_key_id);
      return NULL;
    }

  if (newline == NULL)
    return kw_aws_credentials_new (access_key_id, secret, NULL, source);

  secret_key = g_strndup (secret, newline - secret);
  credentials = kw_aws_credentials_new (access_key_id, secret_key, token, source);
  kw_secret_free (secret_key);

  return credentials;
}

/**
 * kw_secret_free:
 * @secret: (nullable): a secret string
 *
 * Overwrites @secret with zeros, then frees it, so the secret does not stay
 * in memory the allocator hands out again or that ends up in a core dump.
 */
void
kw_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}
