/* kw-connection-client.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-cognito-client.h"
#include "kw-connection.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

/* What a connection resolves to before a call: everything the Cognito
 * client needs. */
typedef struct
{
  const char *client_secret;      /* nullable: use this instead of the keyring's */
  gboolean    with_credentials;   /* helpdesk: resolve the AWS credentials too */
  const char * const *envp;       /* nullable: the environment (tests pass their own) */
} KwClientOptions;

/* Builds a client for @connection: its endpoint override or the region's
 * endpoint; the client secret from @options or else from @secrets
 * (KW_CONNECTION_ERROR_SECRET_MISSING when the client has one and none is
 * found, a KW_SECRET_ERROR when the keyring cannot be asked); and with
 * credentials, those of the connection's source (a KW_AWS_CONFIG_ERROR for a
 * bad profile, KW_CONNECTION_ERROR_CREDENTIALS_MISSING when there are none).
 * The finish also returns who is acting, for the audit log: the access key id
 * and, for a profile, its name ("AKIA… (profile helpdesk)"). */
void             kw_connection_create_client_async  (KwConnection          *connection,
                                                     KwSecretStore         *secrets,
                                                     const KwClientOptions *options,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
KwCognitoClient *kw_connection_create_client_finish (GAsyncResult          *result,
                                                     char                 **actor,
                                                     GError               **error);

G_END_DECLS
