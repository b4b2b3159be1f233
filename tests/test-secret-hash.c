/* test-secret-hash.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-secret-hash.h"
#include "kw-test-utils.h"

#include <string.h>

#define CLIENT_ID "1example23456789abcdefghij"
#define SECRET    "c1ientS3cretExampleKey0123456789abcdefghijklmnopqrstu"

/* A key of exactly one SHA-256 block, used as it is, and one longer than a
 * block, which HMAC hashes first: both paths must match the service. It is
 * written in the Base64 alphabet on purpose, so an implementation that decoded
 * it would give another hash. */
#define SECRET_64  "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/"
#define SECRET_100 "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk" SECRET_64

typedef struct
{
  const char *name;
  const char *secret;
  const char *username;
  const char *client_id;
  const char *expected;
} Vector;

/* The expected values were computed independently of GLib, with Python:
 *
 *   base64.b64encode (hmac.new (secret.encode (), (username + client_id).encode (),
 *                               hashlib.sha256).digest ())
 *
 * and the ascii, cjk and secret-64 ones again with
 *
 *   printf '%s' "$username$client_id" | openssl dgst -sha256 -hmac "$secret" -binary | base64
 *
 * Usernames are their UTF-8 bytes, written as escapes so that no editor can
 * normalise them. */
static const Vector vectors[] = {
  { "ascii", SECRET, "jane", CLIENT_ID,
    "fiOKh4IxIZBAzkLh6bTHJFCdbnnlVLzEBIv/TniKcDQ=" },
  /* Case matters: the service hashes the username exactly as it was sent. */
  { "ascii-capital", SECRET, "Jane", CLIENT_ID,
    "/VKLvFYNQoaHLyRLPrls9nWE+ZpZC/u7tfcPuXyb4VI=" },
  { "email", SECRET, "jane.doe@example.com", CLIENT_ID,
    "7toQKbsjUq7WgBEn65GzumNiisrlGPl1XjcfvlxUi3s=" },
  /* "zoë" with U+00EB, precomposed (NFC). */
  { "latin-precomposed", SECRET, "zo\xc3\xab", CLIENT_ID,
    "e2yt3WdbClemOqVLU9FVH5Trx3/MmdekkhGpaM9HTEA=" },
  /* "zoë" as e + U+0308 COMBINING DIAERESIS (NFD): it looks the same but is
   * another username to Cognito, so it must hash differently. */
  { "latin-combining", SECRET, "zoe\xcc\x88", CLIENT_ID,
    "UQdFHiJcmI+zrpjq4/+hvFsJ6Fw4QDpiE0OX7S/A/Z8=" },
  /* "用户" */
  { "cjk", SECRET, "\xe7\x94\xa8\xe6\x88\xb7", CLIENT_ID,
    "o28D7ig6a5rUij/qddNN9+5SaAEw5DDkBYf1UWaio6A=" },
  /* U+1F600, four bytes in UTF-8. */
  { "emoji", SECRET, "\xf0\x9f\x98\x80", CLIENT_ID,
    "D2vfNJgrAqr1Ney9+839tXVieJ4xyuA7JoVpc1cFCxM=" },
  { "emoji-inside", SECRET, "user\xf0\x9f\x98\x80name", CLIENT_ID,
    "j5kBTlXJUpzkhgrSgunPJ1tOi+XUMiLAItkwZ0kASQk=" },
  { "secret-64", SECRET_64, "jane", CLIENT_ID,
    "zX2jzhYPtV1tMN7mTWecHb9S5HEu0wOXOj9OyDPpz8s=" },
  { "secret-100", SECRET_100, "jane", CLIENT_ID,
    "Kwzav3hCO3Inpu7U/Vzx5fuLKXNIoLnxcYyedgVq+HA=" },
  /* "sécret": a non-ASCII secret is keyed with its UTF-8 bytes. */
  { "secret-non-ascii", "s\xc3\xa9" "cret", "jane", CLIENT_ID,
    "7YOcWZbmTvnPj5Bon7QAreDZIpMv2GA+a6s7R3J3Nl0=" },
};

static void
test_vector (gconstpointer data)
{
  const Vector *vector = data;
  g_autofree char *hash = NULL;

  hash = kw_secret_hash_compute (vector->secret, vector->username, vector->client_id);

  g_assert_cmpstr (hash, ==, vector->expected);
}

/* The message is username then client id; swapping them, or hashing a
 * differently normalised username, gives a hash the service refuses. */
static void
test_order_and_normalisation (void)
{
  g_autofree char *forward = kw_secret_hash_compute (SECRET, "jane", CLIENT_ID);
  g_autofree char *swapped = kw_secret_hash_compute (SECRET, CLIENT_ID, "jane");
  g_autofree char *nfc = kw_secret_hash_compute (SECRET, "zo\xc3\xab", CLIENT_ID);
  g_autofree char *nfd = kw_secret_hash_compute (SECRET, "zoe\xcc\x88", CLIENT_ID);

  g_assert_cmpstr (forward, !=, swapped);
  g_assert_cmpstr (nfc, !=, nfd);
}

/* Cognito compares the SecretHash member with a padded standard Base64
 * string of the 32-byte digest, which is always 44 characters. */
static void
test_encoding (void)
{
  g_autofree char *hash = kw_secret_hash_compute (SECRET_64, "jane.doe@example.com", CLIENT_ID);
  g_autofree guchar *digest = NULL;
  gsize digest_len = 0;

  g_assert_cmpuint (strlen (hash), ==, 44);
  g_assert_true (g_str_has_suffix (hash, "="));
  g_assert_cmpuint (strspn (hash,
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="),
                    ==, 44);

  digest = g_base64_decode (hash, &digest_len);
  g_assert_cmpuint (digest_len, ==, 32);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/secret-hash/vector/%s", vectors[i].name);

      g_test_add_data_func (path, &vectors[i], test_vector);
    }

  g_test_add_func ("/keyway/secret-hash/order-and-normalisation", test_order_and_normalisation);
  g_test_add_func ("/keyway/secret-hash/encoding", test_encoding);

  return g_test_run ();
}
