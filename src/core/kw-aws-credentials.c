/* kw-aws-credentials.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-credentials.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (KwAwsCredentials, kw_aws_credentials,
                     kw_aws_credentials_copy, kw_aws_credentials_free)

/**
 * kw_aws_credentials_new:
 * @access_key_id: the access key id
 * @secret_access_key: the secret access key
 * @session_token: (nullable): a session token, for temporary credentials
 * @source: (nullable): where they came from, for messages
 *
 * Returns: (transfer full): new credentials
 */
KwAwsCredentials *
kw_aws_credentials_new (const char *access_key_id,
                        const char *secret_access_key,
                        const char *session_token,
                        const char *source)
{
  KwAwsCredentials *self;

  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);

  self = g_new0 (KwAwsCredentials, 1);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);
  self->session_token = session_token != NULL && *session_token != '\0' ? g_strdup (session_token) : NULL;
  self->source = g_strdup (source);

  return self;
}

KwAwsCredentials *
kw_aws_credentials_copy (const KwAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return kw_aws_credentials_new (self->access_key_id, self->secret_access_key,
                                 self->session_token, self->source);
}

/* Secrets are overwritten before their memory goes back to the allocator, so a
 * later crash dump or a reused buffer does not carry them. */
static void
wipe_string (char *str)
{
  if (str != NULL)
    {
      explicit_bzero (str, strlen (str));
      g_free (str);
    }
}

void
kw_aws_credentials_free (KwAwsCredentials *self)
{
  if (self == NULL)
    return;

  g_free (self->access_key_id);
  wipe_string (self->secret_access_key);
  wipe_string (self->session_token);
  g_free (self->source);
  g_free (self);
}

/**
 * kw_aws_credentials_is_temporary:
 *
 * Returns: %TRUE when the credentials carry a session token
 */
gboolean
kw_aws_credentials_is_temporary (const KwAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->session_token != NULL;
}

/**
 * kw_aws_credentials_dup_masked_key_id:
 *
 * The access key id with all but its last four characters hidden, as the
 * AWS console shows it.
 *
 * Returns: (transfer full): the masked key id
 */
char *
kw_aws_credentials_dup_masked_key_id (const KwAwsCredentials *self)
{
  gsize len;
  g_autoptr(GString) masked = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  len = strlen (self->access_key_id);
  if (len <= 4)
    return g_strnfill (len, '*');

  masked = g_string_new (NULL);
  for (gsize i = 0; i < len - 4; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, self->access_key_id + len - 4);

  return g_string_free (g_steal_pointer (&masked), FALSE);
}
