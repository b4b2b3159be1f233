/* kw-cognito-client.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-aws-credentials.h"
#include "kw-cognito-error.h"
#include "kw-cognito-model.h"
#include "kw-cognito-types.h"

G_BEGIN_DECLS

#define KW_COGNITO_DEFAULT_TIMEOUT_SECONDS 30

#define KW_TYPE_COGNITO_CLIENT (kw_cognito_client_get_type ())

G_DECLARE_FINAL_TYPE (KwCognitoClient, kw_cognito_client, KW, COGNITO_CLIENT, GObject)

KwCognitoClient       *kw_cognito_client_new                 (const char            *endpoint,
                                                              const char            *region,
                                                              const char            *client_id,
                                                              const char            *client_secret);
const char            *kw_cognito_client_get_endpoint        (KwCognitoClient       *self);
const char            *kw_cognito_client_get_region          (KwCognitoClient       *self);
const char            *kw_cognito_client_get_client_id       (KwCognitoClient       *self);
gboolean               kw_cognito_client_has_client_secret   (KwCognitoClient       *self);
void                   kw_cognito_client_set_credentials     (KwCognitoClient       *self,
                                                              const KwAwsCredentials *credentials);
/* What may be shown of the credentials (they are never read back): the
 * access key id masked but for its last four characters, NULL without any;
 * and whether they are temporary (with a session token). */
char                  *kw_cognito_client_dup_masked_key_id   (KwCognitoClient       *self);
gboolean               kw_cognito_client_has_temporary_credentials (KwCognitoClient *self);
void                   kw_cognito_client_set_timeout         (KwCognitoClient       *self,
                                                              guint                  seconds);
guint                  kw_cognito_client_get_timeout         (KwCognitoClient       *self);
const char            *kw_cognito_client_get_request_id      (GAsyncResult          *result);

void                   kw_cognito_client_forgot_password_async  (KwCognitoClient       *self,
                                                                 const char            *username,
                                                                 const KwCognitoExtras *extras,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
KwCodeDeliveryDetails *kw_cognito_client_forgot_password_finish (KwCognitoClient  *self,
                                                                 GAsyncResult     *result,
                                                                 GError          **error);

void     kw_cognito_client_confirm_forgot_password_async  (KwCognitoClient       *self,
                                                           const char            *username,
                                                           const char            *confirmation_code,
                                                           const char            *password,
                                                           const KwCognitoExtras *extras,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean kw_cognito_client_confirm_forgot_password_finish (KwCognitoClient  *self,
                                                           GAsyncResult     *result,
                                                           GError          **error);

void     kw_cognito_client_admin_reset_user_password_async  (KwCognitoClient      *self,
                                                             const char           *user_pool_id,
                                                             const char           *username,
                                                             GHashTable           *client_metadata,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean kw_cognito_client_admin_reset_user_password_finish (KwCognitoClient      *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

void           kw_cognito_client_admin_get_user_async  (KwCognitoClient      *self,
                                                        const char           *user_pool_id,
                                                        const char           *username,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
KwCognitoUser *kw_cognito_client_admin_get_user_finish (KwCognitoClient      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void     kw_cognito_client_admin_set_user_password_async  (KwCognitoClient      *self,
                                                           const char           *user_pool_id,
                                                           const char           *username,
                                                           const char           *password,
                                                           gboolean              permanent,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean kw_cognito_client_admin_set_user_password_finish (KwCognitoClient      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void       kw_cognito_client_list_users_async  (KwCognitoClient      *self,
                                                const char           *user_pool_id,
                                                const char           *filter,
                                                int                   limit,
                                                const char           *pagination_token,
                                                const char * const   *attributes_to_get,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray *kw_cognito_client_list_users_finish (KwCognitoClient      *self,
                                                GAsyncResult         *result,
                                                char                **pagination_token,
                                                GError              **error);

G_END_DECLS
