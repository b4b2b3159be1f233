/* kw-cognito-client.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-client-private.h"

#include "kw-aws-config.h"
#include "kw-cognito-codec.h"
#include "kw-cognito-transport.h"
#include "kw-endpoint.h"
#include "kw-retry.h"
#include "kw-secret-hash.h"
#include "kw-sigv4.h"

#include <libsoup/soup.h>
#include <string.h>

#define TARGET_PREFIX "AWSCognitoIdentityProviderService."
#define CONTENT_TYPE "application/x-amz-json-1.1"
#define SIGNING_SERVICE "cognito-idp"

struct _KwCognitoClient
{
  GObject           parent_instance;

  SoupSession      *session;
  char             *endpoint;
  char             *region;
  char             *client_id;
  char             *client_secret;
  KwAwsCredentials *credentials;
  guint             timeout;
  guint             max_attempts;
  guint             retry_base_delay;
};

G_DEFINE_FINAL_TYPE (KwCognitoClient, kw_cognito_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_REGION,
  PROP_CLIENT_ID,
  PROP_CLIENT_SECRET,
  PROP_CREDENTIALS,
  PROP_TIMEOUT,
  PROP_MAX_ATTEMPTS,
  PROP_RETRY_BASE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Per-call state: the body is serialized once, and every attempt sends the
 * same bytes under a fresh signature. */
typedef struct
{
  KwCognitoOperation  operation;
  GBytes             *body;
  guint               attempt;
  gint64              started_us;
  GSource            *backoff;
  GSource            *backoff_cancel;
  char               *request_id;   /* of the last answer, for audit trails */
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_pointer (&data->body, g_bytes_unref);
  g_clear_pointer (&data->request_id, g_free);
  if (data->backoff != NULL)
    {
      g_source_destroy (data->backoff);
      g_source_unref (data->backoff);
    }
  if (data->backoff_cancel != NULL)
    {
      g_source_destroy (data->backoff_cancel);
      g_source_unref (data->backoff_cancel);
    }
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

static void
wipe_and_free (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static void
kw_cognito_client_constructed (GObject *object)
{
  KwCognitoClient *self = KW_COGNITO_CLIENT (object);

  G_OBJECT_CLASS (kw_cognito_client_parent_class)->constructed (object);

  /* No endpoint override: the region's public endpoint. A bad region is
   * reported when a call is made, where there is an error to return. */
  if (self->endpoint == NULL && self->region != NULL)
    self->endpoint = kw_endpoint_for_region (self->region, FALSE, NULL);

  /* No libsoup logger is ever attached: it would print the Authorization
   * header, the session token and request bodies with passwords. */
  self->session = soup_session_new_with_options ("user-agent", "keyway/" PACKAGE_VERSION,
                                                 "timeout", self->timeout,
                                                 NULL);
}

static void
kw_cognito_client_finalize (GObject *object)
{
  KwCognitoClient *self = KW_COGNITO_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_secret, wipe_and_free);
  g_clear_pointer (&self->credentials, kw_aws_credentials_free);

  G_OBJECT_CLASS (kw_cognito_client_parent_class)->finalize (object);
}

static void
kw_cognito_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwCognitoClient *self = KW_COGNITO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;
    case PROP_RETRY_BASE_DELAY:
      g_value_set_uint (value, self->retry_base_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_cognito_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwCognitoClient *self = KW_COGNITO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      self->endpoint = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;
    case PROP_CLIENT_SECRET:
      self->client_secret = g_value_dup_string (value);
      break;
    case PROP_CREDENTIALS:
      kw_cognito_client_set_credentials (self, g_value_get_boxed (value));
      break;
    case PROP_TIMEOUT:
      kw_cognito_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_ATTEMPTS:
      if (self->max_attempts != g_value_get_uint (value))
        {
          self->max_attempts = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RETRY_BASE_DELAY:
      if (self->retry_base_delay != g_value_get_uint (value))
        {
          self->retry_base_delay = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_cognito_client_class_init (KwCognitoClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_cognito_client_constructed;
  object_class->finalize = kw_cognito_client_finalize;
  object_class->get_property = kw_cognito_client_get_property;
  object_class->set_property = kw_cognito_client_set_property;

  /**
   * KwCognitoClient:endpoint:
   *
   * The service URL. When unset, the public endpoint of #KwCognitoClient:region.
   * Tests and the demo point it at a loopback peer.
   */
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwCognitoClient:client-secret:
   *
   * The app client's secret, for SECRET_HASH. Write-only, so that no
   * property dump or binding can read it back.
   */
  properties[PROP_CLIENT_SECRET] =
    g_param_spec_string ("client-secret", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS] =
    g_param_spec_boxed ("credentials", NULL, NULL, KW_TYPE_AWS_CREDENTIALS,
                        G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, KW_COGNITO_DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL, 1, 10, KW_RETRY_DEFAULT_MAX_ATTEMPTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwCognitoClient:retry-base-delay:
   *
   * The backoff scale in milliseconds. Tests shrink it to keep retries fast.
   */
  properties[PROP_RETRY_BASE_DELAY] =
    g_param_spec_uint ("retry-base-delay", NULL, NULL, 1, 60000, KW_RETRY_DEFAULT_BASE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_cognito_client_init (KwCognitoClient *self)
{
}

/**
 * kw_cognito_client_new:
 * @endpoint: (nullable): an endpoint override, or %NULL for the region's
 * @region: (nullable): the region, needed for signed calls and without @endpoint
 * @client_id: (nullable): the app client id, for the recovery operations
 * @client_secret: (nullable): the app client secret, when the client has one
 *
 * Returns: (transfer full): a new client
 */
KwCognitoClient *
kw_cognito_client_new (const char *endpoint,
                       const char *region,
                       const char *client_id,
                       const char *client_secret)
{
  return g_object_new (KW_TYPE_COGNITO_CLIENT,
                       "endpoint", endpoint,
                       "region", region,
                       "client-id", client_id,
                       "client-secret", client_secret,
                       NULL);
}

const char *
kw_cognito_client_get_endpoint (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), NULL);

  return self->endpoint;
}

const char *
kw_cognito_client_get_region (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), NULL);

  return self->region;
}

const char *
kw_cognito_client_get_client_id (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), NULL);

  return self->client_id;
}

gboolean
kw_cognito_client_has_client_secret (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), FALSE);

  return self->client_secret != NULL && *self->client_secret != '\0';
}

/**
 * kw_cognito_client_set_credentials:
 * @credentials: (nullable): the AWS credentials for signed calls
 */
void
kw_cognito_client_set_credentials (KwCognitoClient        *self,
                                   const KwAwsCredentials *credentials)
{
  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));

  g_clear_pointer (&self->credentials, kw_aws_credentials_free);
  if (credentials != NULL)
    self->credentials = kw_aws_credentials_copy (credentials);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
}

char *
kw_cognito_client_dup_masked_key_id (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), NULL);

  if (self->credentials == NULL)
    return NULL;

  return kw_aws_credentials_dup_masked_key_id (self->credentials);
}

gboolean
kw_cognito_client_has_temporary_credentials (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), FALSE);

  return self->credentials != NULL && kw_aws_credentials_is_temporary (self->credentials);
}

/**
 * kw_cognito_client_set_timeout:
 * @seconds: the deadline for each request, from connecting to the last byte
 */
void
kw_cognito_client_set_timeout (KwCognitoClient *self,
                               guint            seconds)
{
  g_return_if_fail (KW_IS_COGNITO_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
kw_cognito_client_get_timeout (KwCognitoClient *self)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), 0);

  return self->timeout;
}

static char *
host_header_for (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);
  gboolean default_port = port == -1 ||
    (port == 443 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0) ||
    (port == 80 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
  g_autofree char *lower = g_ascii_strdown (host, -1);
  g_autofree char *bracketed = strchr (lower, ':') != NULL ? g_strdup_printf ("[%s]", lower) : NULL;
  const char *name = bracketed != NULL ? bracketed : lower;

  if (default_port)
    return g_strdup (name);

  return g_strdup_printf ("%s:%d", name, port);
}

static GError *
config_error (KwCognitoError  code,
              const char     *message)
{
  return kw_cognito_error_new_full (code, NULL, 0, NULL, message);
}

/* Everything that can be refused without the network is refused here,
 * before a byte is sent. */
static gboolean
check_ready (KwCognitoClient     *self,
             KwCognitoOperation   operation,
             JsonObject          *input,
             GError             **error)
{
  g_autoptr(GError) endpoint_error = NULL;

  if (self->endpoint == NULL)
    {
      /* The constructor found no endpoint for the region: say why. */
      if (self->region != NULL)
        g_free (kw_endpoint_for_region (self->region, FALSE, &endpoint_error));

      g_propagate_error (error, config_error (KW_COGNITO_ERROR_INSECURE_ENDPOINT,
                                              endpoint_error != NULL
                                                ? endpoint_error->message
                                                : "No region or endpoint is configured"));
      return FALSE;
    }

  if (!kw_endpoint_check_url (self->endpoint, &endpoint_error))
    {
      g_propagate_error (error, config_error (KW_COGNITO_ERROR_INSECURE_ENDPOINT,
                                              endpoint_error->message));
      return FALSE;
    }

  if (kw_cognito_operation_is_signed (operation))
    {
      if (self->credentials == NULL)
        {
          g_propagate_error (error, config_error (KW_COGNITO_ERROR_NO_CREDENTIALS,
                                                  "No AWS credentials were found"));
          return FALSE;
        }

      if (self->region == NULL)
        {
          g_propagate_error (error, config_error (KW_COGNITO_ERROR_NO_CREDENTIALS,
                                                  "A region is needed to sign the request"));
          return FALSE;
        }
    }

  return kw_cognito_validate_input (operation, input, error);
}

static SoupMessage *
build_message (KwCognitoClient *self,
               CallData        *data)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *target = g_strconcat (TARGET_PREFIX,
                                         kw_cognito_operation_get_name (data->operation),
                                         NULL);
  SoupMessageHeaders *headers;

  message = soup_message_new (SOUP_METHOD_POST, self->endpoint);
  /* A redirect would resend credentials and passwords somewhere else. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_set_request_body_from_bytes (message, CONTENT_TYPE, data->body);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "X-Amz-Target", target);

  if (kw_cognito_operation_is_signed (data->operation))
    {
      g_autoptr(KwSigv4Request) request = kw_sigv4_request_new ("POST", "/", NULL);
      g_autoptr(KwSigv4Result) result = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *host = host_header_for (soup_message_get_uri (message));
      g_autofree char *signing_region = kw_endpoint_signing_region (self->region);

      kw_sigv4_request_add_header (request, "Content-Type", CONTENT_TYPE);
      kw_sigv4_request_add_header (request, "Host", host);
      kw_sigv4_request_add_header (request, "X-Amz-Target", target);
      kw_sigv4_request_set_body (request, g_bytes_get_data (data->body, NULL),
                                 g_bytes_get_size (data->body));
      result = kw_sigv4_sign (request, self->credentials, signing_region, SIGNING_SERVICE, now);

      soup_message_headers_replace (headers, "X-Amz-Date", result->amz_date);
      if (self->credentials->session_token != NULL)
        soup_message_headers_replace (headers, "X-Amz-Security-Token",
                                      self->credentials->session_token);
      soup_message_headers_replace (headers, "Authorization", result->authorization);
    }

  return g_steal_pointer (&message);
}

static void start_attempt (GTask *task);

static gboolean
backoff_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  CallData *data = g_task_get_task_data (task);

  g_clear_pointer (&data->backoff, g_source_unref);
  g_source_destroy (data->backoff_cancel);
  g_clear_pointer (&data->backoff_cancel, g_source_unref);
  start_attempt (task);

  return G_SOURCE_REMOVE;
}

static gboolean
backoff_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);

  g_source_destroy (data->backoff);
  g_clear_pointer (&data->backoff, g_source_unref);
  g_clear_pointer (&data->backoff_cancel, g_source_unref);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The request was cancelled");

  return G_SOURCE_REMOVE;
}

/* Waits out the backoff, but a cancel during the wait ends the call at once. */
static void
schedule_retry (GTask *task,
                guint  delay_ms)
{
  CallData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);

  data->backoff = g_timeout_source_new (delay_ms);
  g_source_set_static_name (data->backoff, "[keyway] retry backoff");
  g_source_set_callback (data->backoff, backoff_done_cb, task, NULL);
  g_source_attach (data->backoff, context);

  data->backoff_cancel = g_cancellable_source_new (cancellable);
  g_source_set_static_name (data->backoff_cancel, "[keyway] retry backoff cancel");
  g_source_set_callback (data->backoff_cancel, G_SOURCE_FUNC (backoff_cancelled_cb), task, NULL);
  g_source_attach (data->backoff_cancel, context);
}

static void
attempt_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwCognitoClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  const char *operation = kw_cognito_operation_get_name (data->operation);
  double elapsed_ms = (g_get_monotonic_time () - data->started_us) / 1000.0;
  g_autoptr(KwTransportReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCognitoOutput) output = g_new0 (KwCognitoOutput, 1);

  reply = kw_cognito_transport_send_finish (result, &error);

  if (reply != NULL)
    {
      KwCognitoResponse response = {
        .http_status = reply->http_status,
        .error_type = reply->error_type,
        .error_message = reply->error_message,
        .request_id = reply->request_id,
        .body = g_bytes_get_data (reply->body, NULL),
        .body_length = g_bytes_get_size (reply->body),
      };

      g_free (data->request_id);
      data->request_id = g_strdup (reply->request_id);

      g_debug ("%s attempt %u/%u: POST %s: HTTP %u in %.0f ms, request id %s",
               operation, data->attempt, self->max_attempts, self->endpoint,
               reply->http_status, elapsed_ms, reply->request_id ?: "none");

      if (kw_cognito_codec_decode (data->operation, &response, output, &error))
        {
          g_task_return_pointer (task, g_steal_pointer (&output),
                                 (GDestroyNotify) kw_cognito_output_free);
          return;
        }
      kw_cognito_output_clear (output);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("%s attempt %u/%u: POST %s: failed after %.0f ms: %s",
               operation, data->attempt, self->max_attempts, self->endpoint,
               elapsed_ms, error->message);
    }

  if (error->domain == KW_COGNITO_ERROR && kw_cognito_error_get_name (error) != NULL)
    g_debug ("%s attempt %u/%u: the service answered %s",
             operation, data->attempt, self->max_attempts, kw_cognito_error_get_name (error));

  if (data->attempt < self->max_attempts && kw_retry_is_retryable (error))
    {
      guint delay = kw_retry_delay_ms (data->attempt, self->retry_base_delay, g_random_double ());

      g_debug ("%s: retrying in %u ms", operation, delay);
      schedule_retry (g_steal_pointer (&task), delay);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
start_attempt (GTask *task)
{
  KwCognitoClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = NULL;

  data->attempt++;
  data->started_us = g_get_monotonic_time ();
  message = build_message (self, data);

  kw_cognito_transport_send_async (self->session, message, self->timeout * 1000,
                                   KW_COGNITO_MAX_BODY_SIZE, g_task_get_cancellable (task),
                                   attempt_cb, task);
}

void
kw_cognito_client_call_async (KwCognitoClient     *self,
                              KwCognitoOperation   operation,
                              JsonObject          *input,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data,
                              gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) owned_input = input;
  g_autoptr(GError) error = NULL;
  CallData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, kw_cognito_operation_get_name (operation));
  /* The call reports cancellation itself (mid-request and mid-backoff). */
  g_task_set_check_cancellable (task, FALSE);

  if (!check_ready (self, operation, owned_input, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (CallData, 1);
  data->operation = operation;
  data->body = kw_cognito_codec_serialize (owned_input);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  start_attempt (g_steal_pointer (&task));
}

KwCognitoOutput *
kw_cognito_client_call_finish (KwCognitoClient  *self,
                               GAsyncResult     *result,
                               gpointer          source_tag,
                               GError          **error)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


/* The SECRET_HASH of @username, or %NULL when the client has no secret. */
char *
kw_cognito_client_dup_secret_hash (KwCognitoClient *self,
                                   const char      *username)
{
  if (!kw_cognito_client_has_client_secret (self) || self->client_id == NULL)
    return NULL;

  return kw_secret_hash_compute (self->client_secret, username, self->client_id);
}

/**
 * kw_cognito_client_get_request_id:
 * @result: the result an operation's callback received
 *
 * The service's request id of the last answer to the call, success or
 * failure, for audit trails. Valid while @result is.
 *
 * Returns: (nullable): the request id, or %NULL when no answer came
 */
const char *
kw_cognito_client_get_request_id (GAsyncResult *result)
{
  CallData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data != NULL ? data->request_id : NULL;
}
