/* kw-cognito-error.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-error.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

typedef struct
{
  char  *name;
  guint  http_status;
  char  *request_id;
  char  *field;
} KwCognitoErrorPrivate;

static void
kw_cognito_error_private_init (KwCognitoErrorPrivate *priv)
{
}

static void
kw_cognito_error_private_copy (const KwCognitoErrorPrivate *src,
                               KwCognitoErrorPrivate       *dest)
{
  dest->name = g_strdup (src->name);
  dest->http_status = src->http_status;
  dest->request_id = g_strdup (src->request_id);
  dest->field = g_strdup (src->field);
}

static void
kw_cognito_error_private_clear (KwCognitoErrorPrivate *priv)
{
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->request_id, g_free);
  g_clear_pointer (&priv->field, g_free);
}

/* An extended error domain lets the raw error name, HTTP status and request id
 * travel with the GError: helpdesk staff quote them to AWS support. */
G_DEFINE_EXTENDED_ERROR (KwCognitoError, kw_cognito_error)

/* Wire names, as the service model and the AWS-wide error list spell them.
 * The first entry for a code is its canonical name; later ones are aliases
 * that older endpoints and the query-protocol layer still send. */
static const struct {
  const char     *name;
  KwCognitoError  code;
} error_names[] = {
  { "CodeDeliveryFailureException", KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE },
  { "CodeMismatchException", KW_COGNITO_ERROR_CODE_MISMATCH },
  { "ExpiredCodeException", KW_COGNITO_ERROR_EXPIRED_CODE },
  { "ForbiddenException", KW_COGNITO_ERROR_FORBIDDEN },
  { "InternalErrorException", KW_COGNITO_ERROR_INTERNAL_ERROR },
  { "InvalidEmailRoleAccessPolicyException", KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY },
  { "InvalidLambdaResponseException", KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE },
  { "InvalidParameterException", KW_COGNITO_ERROR_INVALID_PARAMETER },
  { "InvalidPasswordException", KW_COGNITO_ERROR_INVALID_PASSWORD },
  { "InvalidSmsRoleAccessPolicyException", KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY },
  { "InvalidSmsRoleTrustRelationshipException",
    KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP },
  { "LimitExceededException", KW_COGNITO_ERROR_LIMIT_EXCEEDED },
  { "NotAuthorizedException", KW_COGNITO_ERROR_NOT_AUTHORIZED },
  { "OperationNotEnabledException", KW_COGNITO_ERROR_OPERATION_NOT_ENABLED },
  { "PasswordHistoryPolicyViolationException", KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION },
  { "ResourceNotFoundException", KW_COGNITO_ERROR_RESOURCE_NOT_FOUND },
  { "TooManyFailedAttemptsException", KW_COGNITO_ERROR_TOO_MANY_FAILED_ATTEMPTS },
  { "TooManyRequestsException", KW_COGNITO_ERROR_TOO_MANY_REQUESTS },
  { "UnexpectedLambdaException", KW_COGNITO_ERROR_UNEXPECTED_LAMBDA },
  { "UserLambdaValidationException", KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION },
  { "UserNotConfirmedException", KW_COGNITO_ERROR_USER_NOT_CONFIRMED },
  { "UserNotFoundException", KW_COGNITO_ERROR_USER_NOT_FOUND },
  { "UnrecognizedClientException", KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT },
  { "InvalidClientTokenId", KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT },
  { "InvalidSignatureException", KW_COGNITO_ERROR_INVALID_SIGNATURE },
  { "SignatureDoesNotMatch", KW_COGNITO_ERROR_INVALID_SIGNATURE },
  { "IncompleteSignatureException", KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE },
  { "IncompleteSignature", KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE },
  { "MissingAuthenticationTokenException", KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN },
  { "MissingAuthenticationToken", KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN },
  { "ExpiredTokenException", KW_COGNITO_ERROR_EXPIRED_TOKEN },
  { "ExpiredToken", KW_COGNITO_ERROR_EXPIRED_TOKEN },
  { "RequestExpired", KW_COGNITO_ERROR_EXPIRED_TOKEN },
  { "AccessDeniedException", KW_COGNITO_ERROR_ACCESS_DENIED },
  { "AccessDenied", KW_COGNITO_ERROR_ACCESS_DENIED },
  { "ThrottlingException", KW_COGNITO_ERROR_THROTTLING },
  { "Throttling", KW_COGNITO_ERROR_THROTTLING },
};

/**
 * kw_cognito_error_code_from_name:
 * @name: a sanitized error name such as `CodeMismatchException`
 * @code: (out): where to store the code
 *
 * Returns: %TRUE if @name is a known error
 */
gboolean
kw_cognito_error_code_from_name (const char     *name,
                                 KwCognitoError *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (error_names); i++)
    {
      if (strcmp (error_names[i].name, name) == 0)
        {
          *code = error_names[i].code;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * kw_cognito_error_code_to_name:
 *
 * Returns: (nullable): the canonical wire name of a service error code, or
 *   %NULL for transport and local codes, which have none
 */
const char *
kw_cognito_error_code_to_name (KwCognitoError code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_names); i++)
    {
      if (error_names[i].code == code)
        return error_names[i].name;
    }

  return NULL;
}

/**
 * kw_cognito_error_sanitize_name:
 * @raw: an error type as sent in `x-amzn-ErrorType`, `__type` or `code`
 *
 * Applies the Smithy awsJson rule: keep what precedes the first `:`, then what
 * follows the `#`, so `aws.example#FooError:http://…` becomes `FooError`.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL if nothing is left
 */
char *
kw_cognito_error_sanitize_name (const char *raw)
{
  g_autofree char *name = NULL;
  const char *colon;
  const char *hash;

  if (raw == NULL)
    return NULL;

  colon = strchr (raw, ':');
  name = colon != NULL ? g_strndup (raw, colon - raw) : g_strdup (raw);

  hash = strchr (name, '#');
  if (hash != NULL)
    {
      char *after = g_strdup (hash + 1);

      g_free (name);
      name = after;
    }

  g_strstrip (name);
  if (*name == '\0')
    return NULL;

  return g_steal_pointer (&name);
}

GError *
kw_cognito_error_new_full (KwCognitoError  code,
                           const char     *name,
                           guint           http_status,
                           const char     *request_id,
                           const char     *message)
{
  GError *error;
  KwCognitoErrorPrivate *priv;

  error = g_error_new_literal (KW_COGNITO_ERROR, code, message != NULL ? message : "");
  priv = kw_cognito_error_get_private (error);
  priv->name = g_strdup (name);
  priv->http_status = http_status;
  priv->request_id = g_strdup (request_id);

  return error;
}

/**
 * kw_cognito_error_get_name:
 *
 * Returns: (nullable): the error name exactly as the service sent it (after
 *   sanitizing), also when Keyway does not know it
 */
const char *
kw_cognito_error_get_name (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != KW_COGNITO_ERROR)
    return NULL;

  return kw_cognito_error_get_private (error)->name;
}

/**
 * kw_cognito_error_get_http_status:
 *
 * Returns: the HTTP status of the answer, or 0 when none arrived
 */
guint
kw_cognito_error_get_http_status (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != KW_COGNITO_ERROR)
    return 0;

  return kw_cognito_error_get_private (error)->http_status;
}

/**
 * kw_cognito_error_get_request_id:
 *
 * Returns: (nullable): the `x-amzn-RequestId` of the answer
 */
const char *
kw_cognito_error_get_request_id (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != KW_COGNITO_ERROR)
    return NULL;

  return kw_cognito_error_get_private (error)->request_id;
}

/**
 * kw_cognito_error_new_invalid_field:
 * @field: the request member, dotted for nested ones (`UserContextData.IpAddress`)
 * @message: what is wrong with it; never the value, which may be a secret
 *
 * Returns: (transfer full): a %KW_COGNITO_ERROR_INVALID_PARAMETER error found
 *   before anything was sent
 */
GError *
kw_cognito_error_new_invalid_field (const char *field,
                                    const char *message)
{
  g_autofree char *text = g_strdup_printf ("Invalid %s: %s", field, message);
  GError *error = kw_cognito_error_new_full (KW_COGNITO_ERROR_INVALID_PARAMETER,
                                             NULL, 0, NULL, text);

  kw_cognito_error_get_private (error)->field = g_strdup (field);

  return error;
}

/**
 * kw_cognito_error_get_field:
 *
 * Returns: (nullable): the request member a local validation error is about
 */
const char *
kw_cognito_error_get_field (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != KW_COGNITO_ERROR)
    return NULL;

  return kw_cognito_error_get_private (error)->field;
}

/* Names and messages come from the peer and end up on a terminal or in a
 * dialog: keep them valid UTF-8, without control characters (no escape
 * sequences), and of a sane length. */
static char *
clean_peer_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) clean = NULL;
  guint n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_new (NULL);
  for (const char *p = valid; *p != '\0' && n_chars < 1024; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * kw_cognito_error_from_response:
 * @http_status: the HTTP status
 * @error_type_header: (nullable): the `x-amzn-ErrorType` header
 * @error_message_header: (nullable): the `x-amzn-ErrorMessage` header
 * @request_id: (nullable): the `x-amzn-RequestId` header
 * @body: (nullable): the response body
 * @body_length: its length
 *
 * Turns an answer into an error. The error name comes from the header, then
 * the body's `__type`, then its `code`; the HTTP status never decides which
 * error it is, because Cognito answers almost every error with 400.
 *
 * Returns: (transfer full) (nullable): the error, or %NULL for a 2xx answer
 */
GError *
kw_cognito_error_from_response (guint       http_status,
                                const char *error_type_header,
                                const char *error_message_header,
                                const char *request_id,
                                const char *body,
                                gsize       body_length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *clean_message = NULL;
  JsonObject *object = NULL;
  const char *message;
  KwCognitoError code;

  if (SOUP_STATUS_IS_SUCCESSFUL (http_status))
    return NULL;

  if (body != NULL && body_length > 0)
    {
      parser = json_parser_new_immutable ();
      /* A body of white space parses, but into no root at all. */
      if (json_parser_load_from_data (parser, body, body_length, NULL) &&
          json_parser_get_root (parser) != NULL &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        object = json_node_get_object (json_parser_get_root (parser));
    }

  name = kw_cognito_error_sanitize_name (error_type_header);
  if (name == NULL)
    name = kw_cognito_error_sanitize_name (object_get_string (object, "__type"));
  if (name == NULL)
    name = kw_cognito_error_sanitize_name (object_get_string (object, "code"));

  message = object_get_string (object, "message");
  if (message == NULL)
    message = object_get_string (object, "Message");
  if (message == NULL)
    message = error_message_header;

  /* As the AWS CLI says when an error comes without a message. */
  if (name != NULL && message == NULL)
    message = "Unknown";

  if (name != NULL)
    {
      char *cleaned = clean_peer_text (name);

      g_free (name);
      name = cleaned;
    }
  message = clean_message = clean_peer_text (message);

  if (name != NULL && kw_cognito_error_code_from_name (name, &code))
    return kw_cognito_error_new_full (code, name, http_status, request_id, message);

  if (name != NULL)
    return kw_cognito_error_new_full (KW_COGNITO_ERROR_UNKNOWN_ERROR, name,
                                      http_status, request_id, message);

  /* No error name at all: a proxy, load balancer or gateway answered, often
   * with an HTML page. Its text is of no use to anyone, so keep only the status. */
  if (g_strcmp0 (soup_status_get_phrase (http_status), "Unknown Error") == 0)
    fallback = g_strdup_printf ("HTTP %u", http_status);
  else
    fallback = g_strdup_printf ("HTTP %u %s", http_status, soup_status_get_phrase (http_status));

  /* A gateway that rate-limits says so with its status alone. */
  if (http_status == 429)
    return kw_cognito_error_new_full (KW_COGNITO_ERROR_THROTTLING, NULL,
                                      http_status, request_id, fallback);

  if (http_status >= 500)
    return kw_cognito_error_new_full (KW_COGNITO_ERROR_SERVER_ERROR, NULL,
                                      http_status, request_id, fallback);

  return kw_cognito_error_new_full (KW_COGNITO_ERROR_INVALID_RESPONSE, NULL,
                                    http_status, request_id, fallback);
}

/**
 * kw_cognito_error_from_transport:
 * @transport_error: an error from GIO, the resolver, TLS or libsoup
 *
 * Classifies a failure to exchange a request at all. Cancellation is not a
 * failure and must not come here.
 *
 * Returns: (transfer full): the error in %KW_COGNITO_ERROR
 */
GError *
kw_cognito_error_from_transport (const GError *transport_error)
{
  KwCognitoError code = KW_COGNITO_ERROR_NETWORK_UNREACHABLE;

  g_return_val_if_fail (transport_error != NULL, NULL);

  if (transport_error->domain == G_RESOLVER_ERROR)
    code = KW_COGNITO_ERROR_DNS_FAILURE;
  else if (transport_error->domain == G_TLS_ERROR)
    code = KW_COGNITO_ERROR_TLS_FAILURE;
  else if (transport_error->domain == SOUP_SESSION_ERROR)
    code = KW_COGNITO_ERROR_INVALID_RESPONSE;
  else if (transport_error->domain == G_IO_ERROR)
    {
      switch (transport_error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
          code = KW_COGNITO_ERROR_CONNECTION_REFUSED;
          break;
        case G_IO_ERROR_CONNECTION_CLOSED: /* also G_IO_ERROR_BROKEN_PIPE */
        case G_IO_ERROR_PARTIAL_INPUT:
          code = KW_COGNITO_ERROR_CONNECTION_RESET;
          break;
        case G_IO_ERROR_TIMED_OUT:
          code = KW_COGNITO_ERROR_TIMEOUT;
          break;
        case G_IO_ERROR_HOST_NOT_FOUND:
          code = KW_COGNITO_ERROR_DNS_FAILURE;
          break;
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_HOST_UNREACHABLE:
        default:
          code = KW_COGNITO_ERROR_NETWORK_UNREACHABLE;
          break;
        }
    }

  return kw_cognito_error_new_full (code, NULL, 0, NULL, transport_error->message);
}
