/* kw-secret-hash.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-secret-hash.h"

#include <string.h>

/**
 * kw_secret_hash_compute:
 * @client_secret: the app client's secret, used as the key as it is (UTF-8,
 *   not base64-decoded)
 * @username: exactly the `Username` string the request sends
 * @client_id: the app client id
 *
 * Computes Cognito's `SECRET_HASH`:
 * Base64 (HMAC-SHA256 (key = client secret, message = username + client id)).
 * The service recomputes it over the username it received, so hashing any
 * other spelling (trimmed, case-folded, the alias's real name) fails.
 *
 * Returns: (transfer full): the hash, Base64 with padding
 */
char *
kw_secret_hash_compute (const char *client_secret,
                        const char *username,
                        const char *client_id)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  char *encoded;

  g_return_val_if_fail (client_secret != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) client_secret, strlen (client_secret));
  g_hmac_update (hmac, (const guchar *) username, strlen (username));
  g_hmac_update (hmac, (const guchar *) client_id, strlen (client_id));
  g_hmac_get_digest (hmac, digest, &digest_len);

  encoded = g_base64_encode (digest, digest_len);
  explicit_bzero (digest, sizeof digest);

  return encoded;
}
