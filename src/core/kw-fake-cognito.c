/* kw-fake-cognito.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-fake-cognito.h"

#include "kw-cognito-model.h"
#include "kw-sigv4.h"

#include <libsoup/soup.h>
#include <string.h>

/* A Cognito user pool service on loopback, for tests and the demo mode. It
 * speaks the real wire protocol, checks SigV4 on admin calls, validates input
 * against the model as the service does, and can be told to misbehave. */

#define TARGET_PREFIX "AWSCognitoIdentityProviderService."
#define CONTENT_TYPE "application/x-amz-json-1.1"
#define MAX_CLOCK_SKEW_US ((gint64) 15 * 60 * G_USEC_PER_SEC)

typedef struct
{
  char        *operation;
  KwFakeFault  fault;
  char        *argument;
} QueuedFault;

typedef struct
{
  char     *secret_access_key;
  char     *session_token;
  gboolean  expired;
} FakeCredentials;

struct _KwFakeCognito
{
  GObject          parent_instance;

  SoupServer      *server;
  char            *url;
  KwFakeDirectory *directory;
  GHashTable      *credentials;    /* access key id → FakeCredentials */
  GQueue           faults;
  GPtrArray       *requests;
  GHashTable      *last_codes;     /* username → code */
  GQueue           delayed;        /* answers held back by KW_FAKE_FAULT_DELAY */
  double           rate_limit;
  double           tokens;
  gint64           tokens_updated_us;
};

G_DEFINE_FINAL_TYPE (KwFakeCognito, kw_fake_cognito, G_TYPE_OBJECT)

typedef struct _Delayed Delayed;

static void delayed_free (Delayed *delayed);

enum {
  CODE_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
queued_fault_free (QueuedFault *fault)
{
  g_free (fault->operation);
  g_free (fault->argument);
  g_free (fault);
}

static void
fake_credentials_free (FakeCredentials *credentials)
{
  g_free (credentials->secret_access_key);
  g_free (credentials->session_token);
  g_free (credentials);
}

static void
fake_request_free (KwFakeRequest *request)
{
  g_free (request->operation);
  g_hash_table_unref (request->headers);
  g_bytes_unref (request->body);
  g_free (request);
}

static void
kw_fake_cognito_dispose (GObject *object)
{
  KwFakeCognito *self = KW_FAKE_COGNITO (object);

  /* A held-back answer's timer must not fire on a fake that is gone. */
  while (!g_queue_is_empty (&self->delayed))
    delayed_free (g_queue_peek_head (&self->delayed));

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (kw_fake_cognito_parent_class)->dispose (object);
}

static void
kw_fake_cognito_finalize (GObject *object)
{
  KwFakeCognito *self = KW_FAKE_COGNITO (object);

  g_free (self->url);
  kw_fake_directory_free (self->directory);
  g_hash_table_unref (self->credentials);
  g_queue_clear_full (&self->faults, (GDestroyNotify) queued_fault_free);
  g_ptr_array_unref (self->requests);
  g_hash_table_unref (self->last_codes);

  G_OBJECT_CLASS (kw_fake_cognito_parent_class)->finalize (object);
}

static void
kw_fake_cognito_class_init (KwFakeCognitoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_fake_cognito_dispose;
  object_class->finalize = kw_fake_cognito_finalize;

  /**
   * KwFakeCognito::code-sent:
   * @self: the fake
   * @username: whose code it is
   * @destination: the masked destination, as the answer shows it
   * @medium: `EMAIL` or `SMS`
   * @code: the code itself
   *
   * A code was "delivered". The demo shows it as its inbox.
   */
  signals[CODE_SENT] =
    g_signal_new ("code-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
kw_fake_cognito_init (KwFakeCognito *self)
{
  self->directory = kw_fake_directory_new ();
  self->credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) fake_credentials_free);
  g_queue_init (&self->faults);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_request_free);
  self->last_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

KwFakeCognito *
kw_fake_cognito_new (void)
{
  return g_object_new (KW_TYPE_FAKE_COGNITO, NULL);
}

/**
 * kw_fake_cognito_get_directory:
 *
 * Returns: (transfer none): the pools, clients and users, to set up
 */
KwFakeDirectory *
kw_fake_cognito_get_directory (KwFakeCognito *self)
{
  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), NULL);

  return self->directory;
}

void
kw_fake_cognito_add_credentials (KwFakeCognito *self,
                                 const char    *access_key_id,
                                 const char    *secret_access_key,
                                 const char    *session_token)
{
  FakeCredentials *credentials;

  g_return_if_fail (KW_IS_FAKE_COGNITO (self));

  credentials = g_new0 (FakeCredentials, 1);
  credentials->secret_access_key = g_strdup (secret_access_key);
  credentials->session_token = g_strdup (session_token);
  g_hash_table_replace (self->credentials, g_strdup (access_key_id), credentials);
}

void
kw_fake_cognito_expire_credentials (KwFakeCognito *self,
                                    const char    *access_key_id)
{
  FakeCredentials *credentials;

  g_return_if_fail (KW_IS_FAKE_COGNITO (self));

  credentials = g_hash_table_lookup (self->credentials, access_key_id);
  if (credentials != NULL)
    credentials->expired = TRUE;
}

/**
 * kw_fake_cognito_queue_fault:
 * @operation: (nullable): the operation it applies to, or %NULL for any
 * @fault: what goes wrong
 * @argument: (nullable): the error name, status or delay, as the fault needs
 *
 * The next matching request meets @fault; faults are used up in order.
 */
void
kw_fake_cognito_queue_fault (KwFakeCognito *self,
                             const char    *operation,
                             KwFakeFault    fault,
                             const char    *argument)
{
  QueuedFault *queued;

  g_return_if_fail (KW_IS_FAKE_COGNITO (self));

  queued = g_new0 (QueuedFault, 1);
  queued->operation = g_strdup (operation);
  queued->fault = fault;
  queued->argument = g_strdup (argument);
  g_queue_push_tail (&self->faults, queued);
}

/**
 * kw_fake_cognito_set_rate_limit:
 * @requests_per_second: the quota, or 0 for none
 *
 * Beyond the quota, requests get TooManyRequestsException, as a real pool's
 * per-operation quotas do.
 */
void
kw_fake_cognito_set_rate_limit (KwFakeCognito *self,
                                double         requests_per_second)
{
  g_return_if_fail (KW_IS_FAKE_COGNITO (self));

  self->rate_limit = requests_per_second;
  self->tokens = requests_per_second;
  self->tokens_updated_us = g_get_monotonic_time ();
}

guint
kw_fake_cognito_count_requests (KwFakeCognito *self,
                                const char    *operation)
{
  guint count = 0;

  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), 0);

  for (guint i = 0; i < self->requests->len; i++)
    {
      KwFakeRequest *request = g_ptr_array_index (self->requests, i);

      if (operation == NULL || g_strcmp0 (request->operation, operation) == 0)
        count++;
    }

  return count;
}

/**
 * kw_fake_cognito_get_requests:
 *
 * Returns: (transfer none) (element-type KwFakeRequest): every request so far
 */
GPtrArray *
kw_fake_cognito_get_requests (KwFakeCognito *self)
{
  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), NULL);

  return self->requests;
}

const char *
kw_fake_cognito_get_last_code (KwFakeCognito *self,
                               const char    *username)
{
  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), NULL);

  return g_hash_table_lookup (self->last_codes, username);
}

const char *
kw_fake_cognito_get_url (KwFakeCognito *self)
{
  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), NULL);

  return self->url;
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              JsonObject        *object)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  g_autofree char *body = json_to_string (root, FALSE);
  g_autofree char *request_id = g_uuid_string_random ();

  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "x-amzn-RequestId", request_id);
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, CONTENT_TYPE, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_error (SoupServerMessage *message,
               const char        *name,
               const char        *text)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *header = g_strconcat (name, ":", NULL);
  guint status = g_str_equal (name, "InternalErrorException") ? 500 : 400;

  json_object_set_string_member (body, "__type", name);
  json_object_set_string_member (body, "message", text != NULL ? text : "");
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "x-amzn-ErrorType", header);
  respond_json (message, status, body);
}

static void
respond_raw (SoupServerMessage *message,
             guint              status,
             const char        *content_type,
             const char        *body,
             gsize              length)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, length);
}

/* Writes a raw, broken answer on the connection itself and closes it. */
static void
respond_broken (SoupServerMessage *message,
                const char        *raw)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  if (raw != NULL)
    g_output_stream_write_all (g_io_stream_get_output_stream (stream), raw, strlen (raw),
                               NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static QueuedFault *
take_fault (KwFakeCognito *self,
            const char    *operation)
{
  for (GList *l = self->faults.head; l != NULL; l = l->next)
    {
      QueuedFault *fault = l->data;

      if (fault->operation == NULL || g_strcmp0 (fault->operation, operation) == 0)
        {
          g_queue_delete_link (&self->faults, l);
          return fault;
        }
    }

  return NULL;
}

static gboolean
over_quota (KwFakeCognito *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->rate_limit <= 0)
    return FALSE;

  self->tokens = MIN (self->rate_limit,
                      self->tokens +
                      (now - self->tokens_updated_us) * self->rate_limit / G_USEC_PER_SEC);
  self->tokens_updated_us = now;

  if (self->tokens < 1.0)
    return TRUE;

  self->tokens -= 1.0;
  return FALSE;
}

static gboolean find_operation (const char         *name,
                                KwCognitoOperation *operation);

/* Checks the SigV4 signature the way the service does, by signing the
 * request again with the secret it knows. */
static gboolean
check_signature (KwFakeCognito      *self,
                 SoupServerMessage  *message,
                 GBytes             *body,
                 const char        **error_name,
                 const char        **error_text)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *amz_date = soup_message_headers_get_one (headers, "X-Amz-Date");
  const char *token = soup_message_headers_get_one (headers, "X-Amz-Security-Token");
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *key_id = NULL, *date = NULL, *region = NULL, *service = NULL;
  g_autofree char *signed_headers = NULL, *signature = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(KwSigv4Request) request = NULL;
  g_autoptr(KwSigv4Result) result = NULL;
  g_autoptr(KwAwsCredentials) credentials = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *expected_list = NULL;
  FakeCredentials *known;

  *error_name = "IncompleteSignatureException";
  if (authorization == NULL)
    {
      *error_name = "MissingAuthenticationTokenException";
      *error_text = "Missing Authentication Token";
      return FALSE;
    }

  regex = g_regex_new ("^AWS4-HMAC-SHA256 "
                       "Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                       "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$", 0, 0, NULL);
  if (!g_regex_match (regex, authorization, 0, &match) ||
      amz_date == NULL || strlen (amz_date) != 16)
    {
      *error_text = "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' "
                    "and a date";
      return FALSE;
    }

  key_id = g_match_info_fetch (match, 1);
  date = g_match_info_fetch (match, 2);
  region = g_match_info_fetch (match, 3);
  service = g_match_info_fetch (match, 4);
  signed_headers = g_match_info_fetch (match, 5);
  signature = g_match_info_fetch (match, 6);

  known = g_hash_table_lookup (self->credentials, key_id);
  if (known == NULL ||
      (known->session_token != NULL && g_strcmp0 (token, known->session_token) != 0))
    {
      *error_name = "UnrecognizedClientException";
      *error_text = "The security token included in the request is invalid.";
      return FALSE;
    }

  if (known->expired)
    {
      *error_name = "ExpiredTokenException";
      *error_text = "The security token included in the request is expired";
      return FALSE;
    }

  *error_name = "InvalidSignatureException";
  if (!g_str_equal (service, "cognito-idp") || !g_str_has_prefix (amz_date, date))
    {
      *error_text = "Credential should be scoped to correct service and date.";
      return FALSE;
    }

  iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", amz_date, amz_date + 4, amz_date + 6,
                         amz_date + 9, amz_date + 11, amz_date + 13);
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL ||
      ABS (g_date_time_to_unix (when) * G_USEC_PER_SEC - g_get_real_time ()) > MAX_CLOCK_SKEW_US)
    {
      *error_text = "Signature expired: the request time is more than 15 minutes "
                    "from the server's time.";
      return FALSE;
    }

  request = kw_sigv4_request_new ("POST", "/", NULL);
  names = g_strsplit (signed_headers, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = soup_message_headers_get_list (headers, names[i]);

      if (g_str_equal (names[i], "x-amz-date") || g_str_equal (names[i], "x-amz-security-token"))
        continue;
      if (value == NULL)
        {
          *error_text = "A signed header is missing from the request.";
          return FALSE;
        }
      kw_sigv4_request_add_header (request, names[i], value);
    }
  kw_sigv4_request_set_body (request, g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  credentials = kw_aws_credentials_new (key_id, known->secret_access_key, token, NULL);
  result = kw_sigv4_sign (request, credentials, region, service, when);

  /* The same signature over the same list of headers, or it is forged. */
  expected_list = g_strdup_printf ("SignedHeaders=%s,", signed_headers);
  if (!g_str_equal (result->signature, signature) ||
      strstr (result->authorization, expected_list) == NULL)
    {
      *error_text = "The request signature we calculated does not match "
                    "the signature you provided.";
      return FALSE;
    }

  return TRUE;
}

static void
record_request (KwFakeCognito     *self,
                SoupServerMessage *message,
                const char        *operation,
                GBytes            *body)
{
  KwFakeRequest *request = g_new0 (KwFakeRequest, 1);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  request->operation = g_strdup (operation);
  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->body = g_bytes_ref (body);

  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_replace (request->headers, g_ascii_strdown (name, -1), g_strdup (value));

  g_ptr_array_add (self->requests, request);
}

static gboolean
find_operation (const char         *name,
                KwCognitoOperation *operation)
{
  for (guint i = 0; i < KW_COGNITO_N_OPERATIONS; i++)
    {
      if (g_strcmp0 (name, kw_cognito_operation_get_name (i)) == 0)
        {
          *operation = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
process (KwFakeCognito     *self,
         SoupServerMessage *message,
         KwCognitoOperation operation,
         GBytes            *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(KwFakeOutcome) outcome = { 0 };
  const char *error_name, *error_text;
  JsonObject *input;

  if (kw_cognito_operation_is_signed (operation) &&
      !check_signature (self, message, body, &error_name, &error_text))
    {
      respond_error (message, error_name, error_text);
      return;
    }

  if (over_quota (self))
    {
      respond_error (message, "TooManyRequestsException", "Rate exceeded");
      return;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      respond_error (message, "SerializationException",
                     "Start of structure or map found where not expected.");
      return;
    }
  input = json_node_get_object (json_parser_get_root (parser));

  if (!kw_cognito_validate_input (operation, input, &error))
    {
      g_autofree char *text = g_strdup_printf ("1 validation error detected: %s", error->message);

      respond_error (message, "InvalidParameterException", text);
      return;
    }

  kw_fake_directory_call (self->directory, operation, input, g_get_real_time (), &outcome);

  if (outcome.error_name != NULL)
    {
      respond_error (message, outcome.error_name, outcome.error_message);
      return;
    }

  if (outcome.delivery != NULL)
    {
      g_hash_table_replace (self->last_codes, g_strdup (outcome.delivery->username),
                            g_strdup (outcome.delivery->code));
      g_signal_emit (self, signals[CODE_SENT], 0, outcome.delivery->username,
                     outcome.delivery->destination, outcome.delivery->medium,
                     outcome.delivery->code);
    }

  respond_json (message, 200, outcome.output);
}

struct _Delayed
{
  KwFakeCognito     *self;
  SoupServerMessage *message;
  KwCognitoOperation operation;
  GBytes            *body;
  guint              timeout_id;
  gulong             finished_id;
};

static void
delayed_free (Delayed *delayed)
{
  g_queue_remove (&delayed->self->delayed, delayed);
  g_clear_handle_id (&delayed->timeout_id, g_source_remove);
  g_clear_signal_handler (&delayed->finished_id, delayed->message);
  g_object_unref (delayed->message);
  g_bytes_unref (delayed->body);
  g_free (delayed);
}

static gboolean
delayed_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  delayed->timeout_id = 0;
  process (delayed->self, delayed->message, delayed->operation, delayed->body);
  soup_server_message_unpause (delayed->message);
  delayed_free (delayed);

  return G_SOURCE_REMOVE;
}

/* The client gave up (timeout, cancel) while the answer was held back. */
static void
delayed_finished_cb (SoupServerMessage *message,
                     gpointer           user_data)
{
  delayed_free (user_data);
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  KwFakeCognito *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *target = soup_message_headers_get_one (headers, "X-Amz-Target");
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body =
    soup_message_body_flatten (soup_server_message_get_request_body (message));
  const char *name = target != NULL && g_str_has_prefix (target, TARGET_PREFIX)
    ? target + strlen (TARGET_PREFIX) : NULL;
  KwCognitoOperation operation;
  QueuedFault *fault;

  record_request (self, message, name, body);

  if (soup_server_message_get_method (message) != SOUP_METHOD_POST || !g_str_equal (path, "/"))
    {
      respond_raw (message, 404, "text/html", "<html><body>Not Found</body></html>", 35);
      return;
    }

  if (g_strcmp0 (content_type, CONTENT_TYPE) != 0)
    {
      respond_error (message, "UnrecognizedClientException", "Unsupported content type.");
      return;
    }

  if (!find_operation (name, &operation))
    {
      respond_error (message, "UnknownOperationException", NULL);
      return;
    }

  fault = take_fault (self, name);
  if (fault != NULL)
    {
      g_autoptr(GString) big = NULL;
      Delayed *delayed;
      guint status;

      switch (fault->fault)
        {
        case KW_FAKE_FAULT_ERROR:
          respond_error (message, fault->argument, "Injected by the fake");
          break;

        case KW_FAKE_FAULT_HTML_STATUS:
          status = (guint) g_ascii_strtoull (fault->argument, NULL, 10);
          respond_raw (message, status, "text/html",
                       "<html><head><title>Service Unavailable</title></head>"
                       "<body><h1>Service Unavailable</h1></body></html>", 98);
          break;

        case KW_FAKE_FAULT_DELAY:
          delayed = g_new0 (Delayed, 1);
          delayed->self = self;
          delayed->message = g_object_ref (message);
          delayed->operation = operation;
          delayed->body = g_bytes_ref (body);
          g_queue_push_tail (&self->delayed, delayed);
          delayed->timeout_id = g_timeout_add ((guint) g_ascii_strtoull (fault->argument, NULL, 10),
                                               delayed_cb, delayed);
          delayed->finished_id = g_signal_connect (message, "finished",
                                                   G_CALLBACK (delayed_finished_cb), delayed);
          soup_server_message_pause (message);
          break;

        case KW_FAKE_FAULT_DROP:
          respond_broken (message, NULL);
          break;

        case KW_FAKE_FAULT_TRUNCATE:
          respond_broken (message,
                          "HTTP/1.1 200 OK\r\nContent-Type: " CONTENT_TYPE "\r\n"
                          "Content-Length: 200\r\n\r\n{\"CodeDeliveryDetails\": {\"Dest");
          break;

        case KW_FAKE_FAULT_GARBLE:
          respond_raw (message, 200, CONTENT_TYPE, "{\"CodeDeliveryDetails\": {\"Dest", 30);
          break;

        case KW_FAKE_FAULT_OVERSIZE:
          big = g_string_new ("{\"Padding\": \"");
          while (big->len < 2 * 1024 * 1024)
            g_string_append (big, "0123456789abcdef");
          g_string_append (big, "\"}");
          respond_raw (message, 200, CONTENT_TYPE, big->str, big->len);
          break;

        default:
          g_assert_not_reached ();
        }

      queued_fault_free (fault);
      return;
    }

  process (self, message, operation, body);
}

/**
 * kw_fake_cognito_start:
 *
 * Listens on 127.0.0.1, on a free port, in the thread-default main context.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_fake_cognito_start (KwFakeCognito  *self,
                       GError        **error)
{
  g_autoslist(GUri) uris = NULL;

  g_return_val_if_fail (KW_IS_FAKE_COGNITO (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "keyway-fake-cognito", NULL);
  soup_server_add_handler (self->server, NULL, handle_request_cb, self, NULL);

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  return TRUE;
}
