/* kw-cognito-codec.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kw-cognito-model.h"
#include "kw-cognito-types.h"

G_BEGIN_DECLS

/* An answer as it came off the wire. */
typedef struct
{
  guint       http_status;
  const char *error_type;      /* x-amzn-ErrorType */
  const char *error_message;   /* x-amzn-ErrorMessage */
  const char *request_id;      /* x-amzn-RequestId */
  const char *body;
  gsize       body_length;
} KwCognitoResponse;

/* What a successful answer decodes to; which fields are set depends on the operation. */
typedef struct
{
  KwCodeDeliveryDetails *delivery;          /* ForgotPassword */
  KwCognitoUser         *user;              /* AdminGetUser */
  GPtrArray             *users;             /* ListUsers, of KwCognitoUser */
  char                  *pagination_token;  /* ListUsers */
} KwCognitoOutput;

void      kw_cognito_codec_add_extras (JsonObject              *input,
                                       KwCognitoOperation       operation,
                                       const KwCognitoExtras   *extras);
GBytes   *kw_cognito_codec_serialize  (JsonObject              *input);
gboolean  kw_cognito_codec_decode     (KwCognitoOperation       operation,
                                       const KwCognitoResponse *response,
                                       KwCognitoOutput         *output,
                                       GError                 **error);
void      kw_cognito_output_clear     (KwCognitoOutput         *output);
void      kw_cognito_output_free      (KwCognitoOutput         *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCognitoOutput, kw_cognito_output_free)

G_END_DECLS
