/* kw-aws-credentials.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KW_TYPE_AWS_CREDENTIALS (kw_aws_credentials_get_type ())

/**
 * KwAwsCredentials:
 * @access_key_id: the access key id, safe to show (masked) to a person
 * @secret_access_key: the secret key; never logged
 * @session_token: (nullable): the session token of temporary credentials; never logged
 * @source: where the credentials came from, for messages ("environment", "profile work", …)
 *
 * A set of AWS credentials. The secret parts are wiped when the struct is freed.
 */
typedef struct
{
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
  char *source;
} KwAwsCredentials;

GType             kw_aws_credentials_get_type    (void) G_GNUC_CONST;
KwAwsCredentials *kw_aws_credentials_new         (const char             *access_key_id,
                                                  const char             *secret_access_key,
                                                  const char             *session_token,
                                                  const char             *source);
KwAwsCredentials *kw_aws_credentials_copy        (const KwAwsCredentials *self);
void              kw_aws_credentials_free        (KwAwsCredentials       *self);
gboolean          kw_aws_credentials_is_temporary (const KwAwsCredentials *self);
char             *kw_aws_credentials_dup_masked_key_id (const KwAwsCredentials *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAwsCredentials, kw_aws_credentials_free)

G_END_DECLS
