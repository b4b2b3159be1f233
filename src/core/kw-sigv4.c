/* kw-sigv4.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-sigv4.h"

#include <string.h>

#define SIGV4_ALGORITHM  "AWS4-HMAC-SHA256"
#define SIGV4_TERMINATOR "aws4_request"
#define SHA256_LENGTH    32

/* A header as added, a query parameter, or a header being canonicalized. */
typedef struct
{
  char  *name;
  char  *value;
  guint  order;
} Pair;

struct _KwSigv4Request
{
  char     *method;
  char     *path;
  char     *query;
  GArray   *headers;       /* of Pair, in the order they were added */
  char     *payload_hash;  /* lowercase hex */
  gboolean  normalize_path;
};

/* Headers that may be added, dropped or rewritten between signing and the
 * wire: hop-by-hop headers, the User-Agent an HTTP stack sets, and the
 * Authorization header the signature goes into. The server only checks
 * SignedHeaders, so leaving these out keeps such rewrites harmless. This is
 * botocore's list plus authorization. */
static const char * const unsigned_headers[] = {
  "authorization", "connection", "expect", "keep-alive", "proxy-authenticate",
  "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
  "user-agent", "x-amzn-trace-id", NULL,
};

static void
pair_clear (gpointer data)
{
  Pair *pair = data;

  g_free (pair->name);
  g_free (pair->value);
}

static GArray *
pair_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Pair));

  g_array_set_clear_func (array, pair_clear);

  return array;
}

static void
pair_array_add (GArray *array,
                char   *name,
                char   *value)
{
  Pair pair = { name, value, array->len };

  g_array_append_val (array, pair);
}

KwSigv4Request *
kw_sigv4_request_new (const char *method,
                      const char *path,
                      const char *query)
{
  KwSigv4Request *request;

  g_return_val_if_fail (method != NULL, NULL);

  request = g_new0 (KwSigv4Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path != NULL && *path != '\0' ? path : "/");
  request->query = g_strdup (query != NULL ? query : "");
  request->headers = pair_array_new ();
  request->normalize_path = TRUE;
  kw_sigv4_request_set_body (request, NULL, 0);

  return request;
}

void
kw_sigv4_request_add_header (KwSigv4Request *request,
                             const char     *name,
                             const char     *value)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (value != NULL);

  pair_array_add (request->headers, g_strdup (name), g_strdup (value));
}

void
kw_sigv4_request_set_body (KwSigv4Request *request,
                           const guint8   *body,
                           gsize           length)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (body != NULL || length == 0);

  g_free (request->payload_hash);
  request->payload_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                       body != NULL ? body : (const guint8 *) "",
                                                       length);
}

void
kw_sigv4_request_set_normalize_path (KwSigv4Request *request,
                                     gboolean        normalize)
{
  g_return_if_fail (request != NULL);

  request->normalize_path = !!normalize;
}

void
kw_sigv4_request_free (KwSigv4Request *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_array_unref (request->headers);
  g_free (request->payload_hash);
  g_free (request);
}

void
kw_sigv4_result_free (KwSigv4Result *result)
{
  if (result == NULL)
    return;

  g_free (result->amz_date);
  g_free (result->canonical_request);
  g_free (result->string_to_sign);
  g_free (result->signature);
  g_free (result->authorization);
  g_free (result);
}

/* A request signed again (a retry, with a fresh date) must not carry the old
 * value next to the new one, whatever the case of its name. */
static void
replace_header (KwSigv4Request *request,
                const char     *name,
                const char     *value)
{
  for (guint i = request->headers->len; i > 0; i--)
    {
      if (g_ascii_strcasecmp (g_array_index (request->headers, Pair, i - 1).name, name) == 0)
        g_array_remove_index (request->headers, i - 1);
    }

  kw_sigv4_request_add_header (request, name, value);
}

/* botocore's normalize_url_path: drop empty and '.' segments, let '..' drop
 * the segment before it, and keep a leading and a trailing slash. */
static char *
normalize_path (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gboolean trailing_slash = g_str_has_suffix (path, "/");
  GString *out = g_string_new (path[0] == '/' ? "/" : "");

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (strcmp (segments[i], "..") == 0 && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*segments[i] != '\0' && strcmp (segments[i], ".") != 0 &&
               strcmp (segments[i], "..") != 0)
        g_ptr_array_add (kept, segments[i]);
    }

  for (guint i = 0; i < kept->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "/" : "", (char *) g_ptr_array_index (kept, i));
  if (trailing_slash && kept->len > 0)
    g_string_append_c (out, '/');

  return g_string_free (out, FALSE);
}

static void
append_canonical_uri (GString              *out,
                      const KwSigv4Request *request)
{
  g_autofree char *normalized = NULL;
  g_autofree char *encoded = NULL;
  const char *path = request->path;

  if (request->normalize_path)
    path = normalized = normalize_path (request->path);

  if (*path == '\0')
    path = "/";

  /* GLib keeps exactly the RFC 3986 unreserved characters, as SigV4 wants,
   * and encodes every other byte, each byte of a UTF-8 sequence and any '%'
   * already there included: the double encoding AWS wants outside S3. */
  encoded = g_uri_escape_string (path, "/", FALSE);
  g_string_append (out, encoded);
}

/* A query may come percent-encoded or raw; decoding and encoding again gives
 * one canonical form either way. A component with a malformed escape is taken
 * literally, each '%' in it then becoming %25. */
static char *
canonical_query_component (const char *data,
                           gsize       length)
{
  g_autoptr(GBytes) decoded = g_uri_unescape_bytes (data, length, NULL, NULL);

  if (decoded != NULL)
    data = g_bytes_get_data (decoded, &length);

  /* Not g_uri_escape_string: a decoded %00 would end the string early. */
  return g_uri_escape_bytes ((const guint8 *) data, length, NULL);
}

static int
compare_query_params (gconstpointer a,
                      gconstpointer b)
{
  const Pair *x = a;
  const Pair *y = b;
  int cmp = strcmp (x->name, y->name);

  return cmp != 0 ? cmp : strcmp (x->value, y->value);
}

static void
append_canonical_query (GString              *out,
                        const KwSigv4Request *request)
{
  g_auto(GStrv) pairs = g_strsplit (request->query, "&", -1);
  g_autoptr(GArray) params = pair_array_new ();

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      const char *value = equals != NULL ? equals + 1 : "";
      gsize name_length = equals != NULL ? (gsize) (equals - pairs[i]) : strlen (pairs[i]);

      /* "a&&b" and a trailing '&' carry no parameter. */
      if (*pairs[i] != '\0')
        pair_array_add (params,
                        canonical_query_component (pairs[i], name_length),
                        canonical_query_component (value, strlen (value)));
    }

  g_array_sort (params, compare_query_params);

  for (guint i = 0; i < params->len; i++)
    {
      const Pair *param = &g_array_index (params, Pair, i);

      g_string_append_printf (out, "%s%s=%s", i > 0 ? "&" : "", param->name, param->value);
    }
}

static int
compare_headers (gconstpointer a,
                 gconstpointer b)
{
  const Pair *x = a;
  const Pair *y = b;
  int cmp = strcmp (x->name, y->name);

  /* The values of a repeated header are signed in the order they were added. */
  return cmp != 0 ? cmp : (x->order > y->order) - (x->order < y->order);
}

/* Trims the value and folds each run of whitespace into one space, as
 * botocore's ' '.join (value.split ()) does; that also flattens the
 * continuation lines of a folded header. */
static char *
canonical_header_value (const char *value)
{
  g_auto(GStrv) words = g_strsplit_set (value, " \t\r\n\v\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
    }

  return g_string_free (out, FALSE);
}

/* Appends the canonical header lines and returns the SignedHeaders list. */
static char *
append_canonical_headers (GString              *out,
                          const KwSigv4Request *request)
{
  g_autoptr(GArray) headers = pair_array_new ();
  GString *signed_headers = g_string_new (NULL);

  for (guint i = 0; i < request->headers->len; i++)
    {
      const Pair *header = &g_array_index (request->headers, Pair, i);
      g_autofree char *name = g_ascii_strdown (header->name, -1);

      if (!g_strv_contains (unsigned_headers, name))
        pair_array_add (headers, g_steal_pointer (&name), canonical_header_value (header->value));
    }

  g_array_sort (headers, compare_headers);

  for (guint i = 0; i < headers->len; i++)
    {
      const Pair *header = &g_array_index (headers, Pair, i);
      gboolean repeated = i > 0 &&
                          strcmp (header->name, g_array_index (headers, Pair, i - 1).name) == 0;

      if (!repeated)
        {
          g_string_append_printf (out, "%s%s:", i > 0 ? "\n" : "", header->name);
          g_string_append_printf (signed_headers, "%s%s", i > 0 ? ";" : "", header->name);
        }
      g_string_append_printf (out, "%s%s", repeated ? "," : "", header->value);
    }
  if (headers->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (signed_headers, FALSE);
}

static void
hmac_sha256 (const guint8 *key,
             gsize         key_length,
             const char   *data,
             guint8        digest[SHA256_LENGTH])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  gsize digest_length = SHA256_LENGTH;

  g_hmac_update (hmac, (const guchar *) data, -1);
  g_hmac_get_digest (hmac, digest, &digest_length);
  g_assert (digest_length == SHA256_LENGTH);
}

/* Each key on the way from the secret to the signing key is as good as the
 * secret for that day, region and service, so none is left in freed memory. */
static char *
compute_signature (const char *secret_access_key,
                   const char *date,
                   const char *region,
                   const char *service,
                   const char *string_to_sign)
{
  const char *scope[] = { region, service, SIGV4_TERMINATOR };
  char *seed = g_strconcat ("AWS4", secret_access_key, NULL);
  guint8 key[SHA256_LENGTH];
  guint8 next[SHA256_LENGTH];
  g_autoptr(GHmac) hmac = NULL;
  char *signature;

  hmac_sha256 ((const guint8 *) seed, strlen (seed), date, key);
  explicit_bzero (seed, strlen (seed));
  g_free (seed);

  for (guint i = 0; i < G_N_ELEMENTS (scope); i++)
    {
      hmac_sha256 (key, sizeof key, scope[i], next);
      memcpy (key, next, sizeof key);
    }

  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
  g_hmac_update (hmac, (const guchar *) string_to_sign, -1);
  signature = g_strdup (g_hmac_get_string (hmac));

  explicit_bzero (key, sizeof key);
  explicit_bzero (next, sizeof next);

  return signature;
}

KwSigv4Result *
kw_sigv4_sign (KwSigv4Request         *request,
               const KwAwsCredentials *credentials,
               const char             *region,
               const char             *service,
               GDateTime              *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GString) canonical = NULL;
  g_autofree char *date = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *canonical_hash = NULL;
  KwSigv4Result *result;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (credentials != NULL, NULL);
  g_return_val_if_fail (credentials->access_key_id != NULL, NULL);
  g_return_val_if_fail (credentials->secret_access_key != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  result = g_new0 (KwSigv4Result, 1);
  utc = g_date_time_to_utc (now);
  result->amz_date = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  date = g_strndup (result->amz_date, 8);

  replace_header (request, "X-Amz-Date", result->amz_date);
  if (credentials->session_token != NULL)
    replace_header (request, "X-Amz-Security-Token", credentials->session_token);

  canonical = g_string_new (request->method);
  g_string_append_c (canonical, '\n');
  append_canonical_uri (canonical, request);
  g_string_append_c (canonical, '\n');
  append_canonical_query (canonical, request);
  g_string_append_c (canonical, '\n');
  signed_headers = append_canonical_headers (canonical, request);
  g_string_append_printf (canonical, "\n%s\n%s", signed_headers, request->payload_hash);

  canonical_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                  canonical->str, canonical->len);
  result->canonical_request = g_string_free (g_steal_pointer (&canonical), FALSE);

  scope = g_strdup_printf ("%s/%s/%s/" SIGV4_TERMINATOR, date, region, service);
  result->string_to_sign = g_strdup_printf (SIGV4_ALGORITHM "\n%s\n%s\n%s",
                                            result->amz_date, scope, canonical_hash);
  result->signature = compute_signature (credentials->secret_access_key, date, region, service,
                                         result->string_to_sign);
  result->authorization = g_strdup_printf (SIGV4_ALGORITHM " Credential=%s/%s, "
                                           "SignedHeaders=%s, Signature=%s",
                                           credentials->access_key_id, scope,
                                           signed_headers, result->signature);

  return result;
}
