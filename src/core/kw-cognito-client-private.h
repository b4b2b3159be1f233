/* kw-cognito-client-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kw-cognito-client.h"
#include "kw-cognito-codec.h"

G_BEGIN_DECLS

void             kw_cognito_client_call_async      (KwCognitoClient     *self,
                                                    KwCognitoOperation   operation,
                                                    JsonObject          *input,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data,
                                                    gpointer             source_tag);
KwCognitoOutput *kw_cognito_client_call_finish     (KwCognitoClient     *self,
                                                    GAsyncResult        *result,
                                                    gpointer             source_tag,
                                                    GError             **error);
char            *kw_cognito_client_dup_secret_hash (KwCognitoClient     *self,
                                                    const char          *username);

G_END_DECLS
