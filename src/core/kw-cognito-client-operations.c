/* kw-cognito-client-operations.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-client-private.h"

#include "kw-cognito-codec.h"

/* One _async/_finish pair per Cognito operation: each builds its request
 * body and leaves validation, signing, sending and retrying to the client. */

static void
add_secret_hash (KwCognitoClient *self,
                 JsonObject      *input,
                 const char      *username)
{
  g_autofree char *hash = kw_cognito_client_dup_secret_hash (self, username);

  if (hash != NULL)
    json_object_set_string_member (input, "SecretHash", hash);
}

/**
 * kw_cognito_client_forgot_password_async:
 * @self: a #KwCognitoClient
 * @username: the username or alias, sent exactly as given
 * @extras: (nullable): optional members
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the code is sent or the call failed
 * @user_data: data for @callback
 *
 * Calls ForgotPassword: Cognito sends a code to the user's verified email or
 * phone. Unsigned; adds SECRET_HASH when the client has a secret.
 */
void
kw_cognito_client_forgot_password_async (KwCognitoClient       *self,
                                         const char            *username,
                                         const KwCognitoExtras *extras,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data)
{
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  if (kw_cognito_client_get_client_id (self) != NULL)
    json_object_set_string_member (input, "ClientId", kw_cognito_client_get_client_id (self));
  json_object_set_string_member (input, "Username", username);
  add_secret_hash (self, input, username);
  kw_cognito_codec_add_extras (input, KW_COGNITO_OPERATION_FORGOT_PASSWORD, extras);

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_FORGOT_PASSWORD, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_forgot_password_async);
}

/**
 * kw_cognito_client_forgot_password_finish:
 *
 * Returns: (transfer full): where the code went, or %NULL with @error set
 */
KwCodeDeliveryDetails *
kw_cognito_client_forgot_password_finish (KwCognitoClient  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_forgot_password_async, error);

  return output != NULL ? g_steal_pointer (&output->delivery) : NULL;
}

/**
 * kw_cognito_client_confirm_forgot_password_async:
 * @self: a #KwCognitoClient
 * @username: the same username the code was requested for
 * @confirmation_code: the code the user received
 * @password: the new password; never logged
 * @extras: (nullable): optional members
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Calls ConfirmForgotPassword with the code and the new password together.
 */
void
kw_cognito_client_confirm_forgot_password_async (KwCognitoClient       *self,
                                                 const char            *username,
                                                 const char            *confirmation_code,
                                                 const char            *password,
                                                 const KwCognitoExtras *extras,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data)
{
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (confirmation_code != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  if (kw_cognito_client_get_client_id (self) != NULL)
    json_object_set_string_member (input, "ClientId", kw_cognito_client_get_client_id (self));
  json_object_set_string_member (input, "Username", username);
  json_object_set_string_member (input, "ConfirmationCode", confirmation_code);
  json_object_set_string_member (input, "Password", password);
  add_secret_hash (self, input, username);
  kw_cognito_codec_add_extras (input, KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD, extras);

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_confirm_forgot_password_async);
}

gboolean
kw_cognito_client_confirm_forgot_password_finish (KwCognitoClient  *self,
                                                  GAsyncResult     *result,
                                                  GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_confirm_forgot_password_async, error);

  return output != NULL;
}

/**
 * kw_cognito_client_admin_reset_user_password_async:
 * @self: a #KwCognitoClient with credentials
 * @user_pool_id: the pool
 * @username: the user
 * @client_metadata: (nullable) (element-type utf8 utf8): for the pool's Lambda triggers
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Calls AdminResetUserPassword, signed: the user's password stops working
 * and Cognito sends them a code.
 */
void
kw_cognito_client_admin_reset_user_password_async (KwCognitoClient     *self,
                                                   const char          *user_pool_id,
                                                   const char          *username,
                                                   GHashTable          *client_metadata,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  KwCognitoExtras extras = { .client_metadata = client_metadata };
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (user_pool_id != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  json_object_set_string_member (input, "UserPoolId", user_pool_id);
  json_object_set_string_member (input, "Username", username);
  kw_cognito_codec_add_extras (input, KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD, &extras);

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_admin_reset_user_password_async);
}

gboolean
kw_cognito_client_admin_reset_user_password_finish (KwCognitoClient  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_admin_reset_user_password_async, error);

  return output != NULL;
}

/**
 * kw_cognito_client_admin_get_user_async:
 * @self: a #KwCognitoClient with credentials
 * @user_pool_id: the pool
 * @username: a username or alias
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Calls AdminGetUser, signed.
 */
void
kw_cognito_client_admin_get_user_async (KwCognitoClient     *self,
                                        const char          *user_pool_id,
                                        const char          *username,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (user_pool_id != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  json_object_set_string_member (input, "UserPoolId", user_pool_id);
  json_object_set_string_member (input, "Username", username);

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_ADMIN_GET_USER, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_admin_get_user_async);
}

/**
 * kw_cognito_client_admin_get_user_finish:
 *
 * Returns: (transfer full): the user, or %NULL with @error set
 */
KwCognitoUser *
kw_cognito_client_admin_get_user_finish (KwCognitoClient  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_admin_get_user_async, error);

  return output != NULL ? g_steal_pointer (&output->user) : NULL;
}

/**
 * kw_cognito_client_admin_set_user_password_async:
 * @self: a #KwCognitoClient with credentials
 * @user_pool_id: the pool
 * @username: the user
 * @password: the new password; never logged
 * @permanent: %FALSE for a temporary password the user must change
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Calls AdminSetUserPassword, signed.
 */
void
kw_cognito_client_admin_set_user_password_async (KwCognitoClient     *self,
                                                 const char          *user_pool_id,
                                                 const char          *username,
                                                 const char          *password,
                                                 gboolean             permanent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (user_pool_id != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  json_object_set_string_member (input, "UserPoolId", user_pool_id);
  json_object_set_string_member (input, "Username", username);
  json_object_set_string_member (input, "Password", password);
  json_object_set_boolean_member (input, "Permanent", permanent);

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_admin_set_user_password_async);
}

gboolean
kw_cognito_client_admin_set_user_password_finish (KwCognitoClient  *self,
                                                  GAsyncResult     *result,
                                                  GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_admin_set_user_password_async, error);

  return output != NULL;
}

/**
 * kw_cognito_client_list_users_async:
 * @self: a #KwCognitoClient with credentials
 * @user_pool_id: the pool
 * @filter: (nullable): a filter such as `email = "jane@example.com"`
 * @limit: at most this many users (0 to 60), or -1 for the service's default
 * @pagination_token: (nullable): where the previous page ended
 * @attributes_to_get: (nullable) (array zero-terminated=1): attributes to return
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Calls ListUsers, signed: one page of users.
 */
void
kw_cognito_client_list_users_async (KwCognitoClient     *self,
                                    const char          *user_pool_id,
                                    const char          *filter,
                                    int                  limit,
                                    const char          *pagination_token,
                                    const char * const  *attributes_to_get,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  JsonObject *input;

  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (user_pool_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  input = json_object_new ();
  json_object_set_string_member (input, "UserPoolId", user_pool_id);
  if (filter != NULL)
    json_object_set_string_member (input, "Filter", filter);
  if (limit != -1)
    json_object_set_int_member (input, "Limit", limit);
  if (pagination_token != NULL)
    json_object_set_string_member (input, "PaginationToken", pagination_token);
  if (attributes_to_get != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; attributes_to_get[i] != NULL; i++)
        json_array_add_string_element (array, attributes_to_get[i]);
      json_object_set_array_member (input, "AttributesToGet", array);
    }

  kw_cognito_client_call_async (self, KW_COGNITO_OPERATION_LIST_USERS, input,
                                cancellable, callback, user_data,
                                kw_cognito_client_list_users_async);
}

/**
 * kw_cognito_client_list_users_finish:
 * @pagination_token: (out) (optional) (nullable): where the next page starts,
 *   or %NULL on the last page
 *
 * Returns: (transfer container) (element-type KwCognitoUser): the users
 */
GPtrArray *
kw_cognito_client_list_users_finish (KwCognitoClient  *self,
                                     GAsyncResult     *result,
                                     char            **pagination_token,
                                     GError          **error)
{
  g_autoptr(KwCognitoOutput) output =
    kw_cognito_client_call_finish (self, result,
                                   kw_cognito_client_list_users_async, error);

  if (output == NULL)
    return NULL;

  if (pagination_token != NULL)
    *pagination_token = g_steal_pointer (&output->pagination_token);

  return g_steal_pointer (&output->users);
}
